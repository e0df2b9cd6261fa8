import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse

from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

AUDIT = "audit"


def _audit_lines(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == AUDIT]


def test_failed_sign_in_is_logged_with_who_and_from_where(client, coordinator_a, caplog):
    with caplog.at_level(logging.INFO, logger=AUDIT):
        response = client.post(
            reverse("account_login"),
            {"login": "coordinator.a@example.org", "password": "not-the-password"},
            REMOTE_ADDR="203.0.113.7",
        )

    assert response.status_code == 200
    lines = _audit_lines(caplog)
    assert "Sign-in failed for coordinator.a@example.org from 203.0.113.7" in lines
    assert not any("not-the-password" in line for line in lines)
    assert all(record.created for record in caplog.records)


def test_a_hostile_name_cannot_forge_a_second_log_line(caplog):
    forged = "x@example.org\n2026-01-01 INFO audit: Signed in: root"

    with caplog.at_level(logging.INFO, logger=AUDIT):
        # What authenticate() sends for any login form that lets such a name through.
        user_login_failed.send(sender=__name__, credentials={"username": forged}, request=None)

    (line,) = [line for line in _audit_lines(caplog) if line.startswith("Sign-in failed")]
    assert "\n" not in line
    assert "\\n2026-01-01" in line


def test_successful_sign_in_is_logged(client, coordinator_a, caplog):
    with caplog.at_level(logging.INFO, logger=AUDIT):
        client.post(
            reverse("account_login"),
            {"login": "coordinator.a@example.org", "password": "portal-test"},
        )

    expected = f"Signed in: user #{coordinator_a.pk} from "
    assert any(line.startswith(expected) for line in _audit_lines(caplog))


def test_admin_change_is_logged_and_shown_in_the_history_with_who_and_when(
    client, coordinator_a, meeting_a, caplog
):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    submission = form.submission()
    submission["title_en"] = "Meeting of A, renamed"

    with caplog.at_level(logging.INFO, logger=AUDIT):
        response = client.post(url, submission)

    assert response.status_code == 302
    entry = LogEntry.objects.get(object_id=str(meeting_a.pk))
    assert entry.user == coordinator_a
    assert any(
        line.startswith(f"Admin changed meeting #{meeting_a.pk} by user #{coordinator_a.pk}")
        and "changed Title" in line
        for line in _audit_lines(caplog)
    )
    history = client.get(reverse("admin:meetings_meeting_history", args=[meeting_a.pk]))
    page = history.content.decode()
    assert str(coordinator_a) in page or coordinator_a.email in page
    assert str(entry.action_time.year) in page


def test_admin_change_lines_carry_identifiers_that_erasure_need_not_reach(
    client, coordinator_a, meeting_a, caplog
):
    # A log line leaves the database: erase_person cannot reach it, so it names no one.
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("attendances")
    form.data[f"attendances-{row}-person_name"] = ["Ana Georgescu"]
    form.data[f"attendances-{row}-email"] = ["ana.georgescu@example.org"]

    with caplog.at_level(logging.INFO, logger=AUDIT):
        response = client.post(url, form.submission())

    assert response.status_code == 302
    lines = _audit_lines(caplog)
    assert any(line.startswith(f"Admin changed meeting #{meeting_a.pk}") for line in lines)
    assert any("added attendance" in line for line in lines)
    assert not any("Ana Georgescu" in line or "ana.georgescu" in line for line in lines)
    assert not any(str(coordinator_a) in line for line in lines)
