"""The meeting form asks for less: the agenda is numbered without an order field, an
attachment is titled after its file, "Save and publish" does in one click what took three, and
inline texts (agenda, decisions and follow-ups, attachments) may be written in any one language."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.enums import MeetingStatus
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.security import sample_files
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_a(project_a):
    return MeetingFactory(
        title="Next meeting of A",
        slug="next-meeting-of-a",
        status=MeetingStatus.PLANNED,
        is_published=False,
        projects=[project_a],
    )


def _change_url(meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def _form(client, meeting):
    html = client.get(_change_url(meeting)).content.decode()
    return find_form(html, with_field="agenda_items-TOTAL_FORMS")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_new_agenda_items_are_numbered_after_the_listed_ones(client, coordinator_a, draft_a):
    AgendaItemFactory(meeting=draft_a, order=1, title="Welcome")
    AgendaItemFactory(meeting=draft_a, order=2, title="Results of the quarter")
    client.force_login(coordinator_a)
    form = _form(client, draft_a)
    assert not any(name.endswith("-order") for name in form.data)
    for title in ("Housing", "Language courses"):
        row = form.add_inline_row("agenda_items")
        form.data[f"agenda_items-{row}-title_en"] = [title]

    response = client.post(_change_url(draft_a), form.submission())

    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(draft_a.agenda_items.values_list("title_en", "order")) == [
        ("Welcome", 1),
        ("Results of the quarter", 2),
        ("Housing", 3),
        ("Language courses", 4),
    ]


def test_save_and_publish_publishes_a_meeting_with_a_summary(client, coordinator_a, draft_a):
    client.force_login(coordinator_a)
    page = client.get(_change_url(draft_a)).content.decode()
    assert 'name="_publish"' in page
    form = _form(client, draft_a)
    form.data["summary_ro"] = ["Partenerii au discutat accesul la locuințe."]
    submission = {**form.submission(), "_publish": "Save and publish"}

    response = client.post(_change_url(draft_a), submission)

    assert response.status_code == 302
    assert response.url == _change_url(draft_a)
    draft_a.refresh_from_db()
    assert draft_a.is_published
    assert draft_a.published_by == coordinator_a
    assert draft_a.summary_ro == "Partenerii au discutat accesul la locuințe."
    assert "1 item published: it is now on the public site." in _messages(response)
    assert 'name="_publish"' not in client.get(_change_url(draft_a)).content.decode()


def test_save_and_publish_saves_but_says_why_a_meeting_without_summary_stays_off_line(
    client, coordinator_a, draft_a
):
    client.force_login(coordinator_a)
    form = _form(client, draft_a)
    form.data["title_en"] = ["Renamed meeting of A"]
    submission = {**form.submission(), "_publish": "Save and publish"}

    response = client.post(_change_url(draft_a), submission)

    assert response.status_code == 302
    draft_a.refresh_from_db()
    assert draft_a.title_en == "Renamed meeting of A"
    assert not draft_a.is_published
    assert any("no public summary" in message for message in _messages(response))


def test_another_projects_coordinator_cannot_save_and_publish(
    client, coordinator_a, coordinator_b, draft_a
):
    client.force_login(coordinator_a)
    submission = {**_form(client, draft_a).submission(), "_publish": "Save and publish"}
    submission["summary_en"] = "Written by an outsider"
    client.force_login(coordinator_b)

    response = client.post(_change_url(draft_a), submission)

    assert response.status_code == 404
    draft_a.refresh_from_db()
    assert not draft_a.is_published


def test_inline_texts_in_one_language_are_saved_and_shown_in_the_others(
    client, coordinator_a, draft_a
):
    client.force_login(coordinator_a)
    form = _form(client, draft_a)
    agenda = form.add_inline_row("agenda_items")
    form.data[f"agenda_items-{agenda}-title_ro"] = ["Accesul la locuințe"]
    action = form.add_inline_row("action_items")
    form.data[f"action_items-{action}-text_bg"] = ["Да се изготви карта на правната помощ"]
    form.data["summary_en"] = ["The partners reviewed access to housing."]
    submission = {**form.submission(), "_publish": "Save and publish"}

    response = client.post(_change_url(draft_a), submission)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert draft_a.agenda_items.get().title_ro == "Accesul la locuințe"
    assert draft_a.action_items.get().text_bg == "Да се изготви карта на правната помощ"
    public = client.get(f"/en/meetings/{draft_a.slug}/").content.decode()
    assert "Accesul la locuințe" in public
    # The form says, row by row, which languages are still missing.
    page = client.get(_change_url(draft_a)).content.decode()
    assert "Not yet written in: English, Bulgarian." in page
    assert "Not yet written in: English, Romanian." in page


def test_an_inline_text_in_no_language_is_refused_beside_its_row(client, coordinator_a, draft_a):
    client.force_login(coordinator_a)
    form = _form(client, draft_a)
    row = form.add_inline_row("agenda_items")
    form.data[f"agenda_items-{row}-speaker"] = ["Ana Georgescu"]

    response = client.post(_change_url(draft_a), form.submission())

    assert response.status_code == 200
    assert "Write it in at least one language." in response.content.decode()
    assert not draft_a.agenda_items.exists()


def test_an_attachment_is_titled_after_its_file_unless_a_title_is_typed(
    client, coordinator_a, draft_a
):
    client.force_login(coordinator_a)
    form = _form(client, draft_a)
    untitled = form.add_inline_row("attachments")
    titled = form.add_inline_row("attachments")
    form.data[f"attachments-{titled}-title_en"] = ["Signed minutes"]
    submission = form.submission()
    submission[f"attachments-{untitled}-file"] = SimpleUploadedFile(
        "list_of_participants-june.pdf", sample_files.PDF
    )
    submission[f"attachments-{titled}-file"] = SimpleUploadedFile("scan.pdf", sample_files.PDF)

    response = client.post(_change_url(draft_a), submission)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert sorted(draft_a.attachments.values_list("title_en", flat=True)) == [
        "Signed minutes",
        "list of participants june",
    ]


def _folded_sections(html: str) -> set[str]:
    return set(re.findall(r"<details><summary>\s*<h2[^>]*>([^<]+)</h2>", html))


def test_empty_and_read_only_sections_of_a_saved_meeting_are_folded(client, coordinator_a, draft_a):
    client.force_login(coordinator_a)

    folded = _folded_sections(client.get(_change_url(draft_a)).content.decode())
    assert {"Where", "Content", "Publication"} <= folded
    assert "When" not in folded

    draft_a.minutes_en = "The partners met."
    draft_a.venue_en = "Prefecture"
    draft_a.save()
    folded = _folded_sections(client.get(_change_url(draft_a)).content.decode())
    assert "Where" not in folded
    assert "Content" not in folded
    assert "Publication" in folded
