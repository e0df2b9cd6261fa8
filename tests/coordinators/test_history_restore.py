import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _save_title(client, meeting, title):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["title_en"] = [title]
    assert client.post(url, form.submission()).status_code == 302


def test_an_administrator_restores_an_earlier_version(client, administrator, meeting_a):
    client.force_login(administrator)
    _save_title(client, meeting_a, "Meeting of A, first rename")
    _save_title(client, meeting_a, "Meeting of A, second rename")
    history_page = client.get(
        reverse("admin:meetings_meeting_history", args=[meeting_a.pk])
    ).content.decode()
    assert history_page.count(str(administrator)) >= 2

    first_rename = meeting_a.history.get(title_en="Meeting of A, first rename")
    version_url = reverse(
        "admin:meetings_meeting_simple_history", args=[meeting_a.pk, first_rename.pk]
    )
    assert version_url in history_page
    version_form = find_form(client.get(version_url).content.decode(), with_field="title_en")
    assert version_form.data["title_en"] == ["Meeting of A, first rename"]
    response = client.post(version_url, version_form.submission())

    assert response.status_code == 302
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A, first rename"
    assert meeting_a.history.latest().history_user == administrator


def test_changes_to_the_agenda_are_kept_with_who_made_them(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("agenda_items")
    form.data[f"agenda_items-{row}-title_en"] = ["Welcome and introductions"]
    client.post(url, form.submission())
    item = AgendaItem.objects.get(meeting=meeting_a)
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["agenda_items-0-DELETE"] = ["on"]
    client.post(url, form.submission())

    records = AgendaItem.history.filter(id=item.pk).order_by("history_date")
    assert [(r.history_type, r.title_en, r.history_user) for r in records] == [
        ("+", "Welcome and introductions", coordinator_a),
        ("-", "Welcome and introductions", coordinator_a),
    ]
    history_page = client.get(
        reverse("admin:meetings_meeting_history", args=[meeting_a.pk])
    ).content.decode()
    assert "Welcome and introductions" in history_page
    assert "Deleted" in history_page and "Created" in history_page


def test_an_administrator_can_read_the_history_of_a_deleted_meeting(
    client, administrator, coordinator_a, meeting_a
):
    pk = meeting_a.pk
    meeting_a.delete()
    url = reverse("admin:meetings_meeting_history", args=[pk])

    client.force_login(coordinator_a)
    assert client.get(url).status_code == 404
    client.force_login(administrator)
    page = client.get(url).content.decode()
    assert "Meeting of A" in page
    assert not Meeting.objects.filter(pk=pk).exists()


def test_an_administrator_restores_an_earlier_version_of_a_project(
    client, administrator, project_a
):
    client.force_login(administrator)
    url = reverse("admin:projects_project_change", args=[project_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["title_en"] = ["Project A, renamed by mistake"]
    client.post(url, form.submission())
    original = project_a.history.earliest()

    version_url = reverse("admin:projects_project_simple_history", args=[project_a.pk, original.pk])
    version_form = find_form(client.get(version_url).content.decode(), with_field="title_en")
    client.post(version_url, version_form.submission())

    project_a.refresh_from_db()
    assert project_a.title_en == "Project A"
