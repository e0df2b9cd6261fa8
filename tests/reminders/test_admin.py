import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reminders.enums import DeliveryStatus, ReminderKind
from reminders.models import Reminder


def _reminder(meeting, email, **fields):
    return Reminder.objects.create(
        kind=ReminderKind.BEFORE_MEETING,
        meeting=meeting,
        occasion=meeting.starts_at.date(),
        recipient=email,
        language="en",
        **fields,
    )


@pytest.fixture
def sent_mail(meeting_a, meeting_b):
    return {
        "a": _reminder(
            meeting_a,
            "alice@example.org",
            status=DeliveryStatus.FAILED,
            attempts=3,
            error="SMTPServerDisconnected: Connection unexpectedly closed",
        ),
        "b": _reminder(meeting_b, "bob@example.org", status=DeliveryStatus.SENT),
    }


def test_administrators_read_the_sent_mail_log_with_its_errors(client, superuser, sent_mail):
    client.force_login(superuser)

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))
    change = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk]))

    assert "alice@example.org" in changelist.text
    assert "bob@example.org" in changelist.text
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in change.text
    # Read-only: no save button, no field to type in.
    assert 'name="_save"' not in change.text
    assert 'name="recipient"' not in change.text


def test_a_coordinator_reads_only_their_projects_meetings_mail(client, coordinator_a, sent_mail):
    client.force_login(coordinator_a)

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))
    own = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk]))
    other = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["b"].pk]))

    assert changelist.status_code == 200
    assert "alice@example.org" in changelist.text
    assert "bob@example.org" not in changelist.text
    assert own.status_code == 200
    assert other.status_code in (302, 403, 404)
    assert "bob@example.org" not in other.text


@pytest.mark.parametrize("who", ["editor", "staff_user"])
def test_other_roles_cannot_open_the_sent_mail_log(client, request, who, sent_mail):
    client.force_login(request.getfixturevalue(who))

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))

    assert changelist.status_code == 403


def test_the_log_reads_few_and_many_rows_in_the_same_number_of_queries(
    client, superuser, meeting_a
):
    client.force_login(superuser)
    url = reverse("admin:reminders_reminder_changelist")

    def queries_with(count: int) -> int:
        Reminder.objects.all().delete()
        for number in range(count):
            _reminder(meeting_a, f"person{number}@example.org")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(20)


@pytest.mark.parametrize("who", ["superuser", "coordinator_a"])
def test_a_meeting_with_reminders_can_still_be_deleted(client, request, who, meeting_a, sent_mail):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("admin:meetings_meeting_delete", args=[meeting_a.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Reminder.objects.filter(pk=sent_mail["a"].pk).exists()


def test_the_log_itself_offers_no_deletion(client, superuser, sent_mail):
    client.force_login(superuser)
    url = reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk])

    change = client.get(url)
    delete = client.post(
        reverse("admin:reminders_reminder_delete", args=[sent_mail["a"].pk]), {"post": "yes"}
    )

    assert "deletelink" not in change.text
    assert delete.status_code == 403
    assert Reminder.objects.filter(pk=sent_mail["a"].pk).exists()
