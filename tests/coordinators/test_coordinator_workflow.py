"""The whole routine on the demo data: a coordinator signs in, plans INTEGRARE+'s next
quarterly meeting, fills in its agenda, attendees (from a file) and action items, publishes it,
and the public sees it; the coordinator of another project cannot open or change it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting
from projects.models import Project
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_with_sign_ins(db):
    call_command("load_demo", "--with-accounts", stdout=io.StringIO())


def _sign_in(client, email):
    client.logout()
    response = client.post(reverse("account_login"), {"login": email, "password": "portal-demo"})
    assert response.status_code == 302


def test_a_coordinator_logs_and_publishes_the_next_quarterly_meeting(client, demo_with_sign_ins):
    integrare = Project.objects.get(slug="integrare-plus")
    _sign_in(client, "coordinator.integrare@example.org")

    planned = client.post(
        reverse("admin:meetings_meeting_next_quarterly"), {"project": integrare.pk}
    )
    meeting = Meeting.objects.get(pk=planned["Location"].split("/")[-3])
    change_url = planned["Location"]

    form = find_form(client.get(change_url).content.decode(), with_field="title_en")
    # A meeting is published with a summary.
    form.data["summary_en"] = ["The partners reviewed the quarter's work in Region 2."]
    row = form.add_inline_row("agenda_items")
    form.data[f"agenda_items-{row}-title_en"] = ["Next steps for the Vaslui working point"]
    row = form.add_inline_row("action_items")
    form.data[f"action_items-{row}-text_en"] = ["Share the list of interpreters with Tulcea"]
    assert client.post(change_url, form.submission()).status_code == 302

    import_url = reverse("admin:meetings_meeting_import_attendees", args=[meeting.pk])
    csv = "name,organisation,email\nAna Ionescu,,ana.ionescu@example.org\n"
    preview = client.post(
        import_url,
        {"file": SimpleUploadedFile("list.csv", csv.encode()), "presence": "expected"},
    ).content.decode()
    confirm = find_form(preview, with_field="rows")
    client.post(import_url, {**confirm.submission(), "confirm": "1"})

    publication_url = reverse("admin:meetings_meeting_publication", args=[meeting.pk])
    client.post(publication_url)

    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.agenda_items.filter(title_en__startswith="Next steps").exists()
    assert meeting.action_items.get().text_en == "Share the list of interpreters with Tulcea"
    assert meeting.attendances.filter(person_name="Ana Ionescu").exists()

    client.logout()
    public = client.get(meeting.get_absolute_url()).content.decode()
    assert meeting.title_en in public
    assert "Next steps for the Vaslui working point" in public
    assert "Ana Ionescu" not in public  # attendance lists stay private

    _sign_in(client, "coordinator.connection@example.org")
    assert client.get(change_url).status_code == 404
    assert client.post(change_url, {**form.submission(), "title_en": "Hijacked"}).status_code == 404
    assert client.post(publication_url).status_code == 404
    meeting.refresh_from_db()
    assert meeting.is_published and meeting.title_en != "Hijacked"
