import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.enums import ActionItemKind, Presence
from meetings.models import Meeting
from meetings.reports import rendering
from meetings.reports.documents import render_meeting_reports
from meetings.reports.fetcher import ProjectFilesURLFetcher
from meetings.reports.queries import with_report_details
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    MeetingFactory,
    OrganisationFactory,
    ProjectFactory,
)
from tests.meetings.pdf_helpers import page_fonts, pdf_text, read_pdf

INTEGRARE_MEETING = "integrare-plus-quarterly-meeting-constanta-2016"
CONNECTION_MEETING = "connection-first-partner-meeting-2020"


def _report_url(slug: str, language: str) -> str:
    with translation.override(language):
        return reverse("meetings:meeting-report-pdf", kwargs={"slug": slug})


def _download(client, user, slug, language):
    client.force_login(user)
    response = client.get(_report_url(slug, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def test_report_of_the_integrare_meeting_in_romanian_keeps_its_diacritics(client, demo, staff_user):
    response = _download(client, staff_user, INTEGRARE_MEETING, "ro")
    text = pdf_text(response.content)

    assert "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța" in text
    assert "Instituția Prefectului – Județul Constanța" in text
    assert "INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2" in text
    assert "FAMI/ 15.03.02" in text or "FAMI/15.03.02" in text
    assert "Fundația World Vision România" in text
    assert "Rolul comunităților locale în sprijinirea integrării" in text
    assert "Centrelor Regionale pentru Integrare de la Galați și Constanța" in text
    assert "Mihai Constantinescu" in text
    assert "Acțiune coordonată la nivel local și regional" in text
    assert staff_user.full_name in text  # the footer says who generated it


def test_report_of_the_integrare_meeting_in_english(client, demo, staff_user):
    text = pdf_text(_download(client, staff_user, INTEGRARE_MEETING, "en").content)

    assert "Quarterly coordination meeting of Region 2 in Constanța" in text
    assert "2nd quarterly coordination meeting" in text
    assert "Prefect's Institution – Constanța County" in text
    assert "Co-funded by the European Union" in text
    assert "4 people attended, from 4 organisations." in text
    # Three pages: the attendance list keeps its heading and first row together, and the
    # renderer moves the whole list to the second page to do so.
    assert "Page 1 of 3" in text


def test_report_of_a_bulgarian_meeting_is_written_in_cyrillic(client, demo, staff_user):
    text = pdf_text(_download(client, staff_user, CONNECTION_MEETING, "bg").content)

    assert "CONNECTION: първа партньорска среща" in text
    assert "Асоциация за развитие на София" in text
    assert "Партньорите обсъдиха основните дейности по проекта" in text


def test_report_is_a_tagged_pdf_with_title_and_language(client, demo, staff_user):
    reader = read_pdf(_download(client, staff_user, INTEGRARE_MEETING, "ro").content)
    catalog = reader.trailer["/Root"]

    assert reader.metadata.title.endswith(
        ": Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța"
    )
    assert catalog["/Lang"] == "ro"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog


def test_report_embeds_the_shipped_font_and_no_other(client, demo, staff_user):
    fonts = page_fonts(_download(client, staff_user, INTEGRARE_MEETING, "ro").content)

    assert fonts, "the PDF uses no font at all"
    assert all(name.split("+")[-1].startswith("Report-Sans") for name in fonts), fonts
    assert all(fonts.values()), f"not embedded: {[n for n, e in fonts.items() if not e]}"


def test_report_download_is_a_private_attachment(client, demo, staff_user):
    response = _download(client, staff_user, INTEGRARE_MEETING, "en")

    assert response["Content-Disposition"] == (
        f'attachment; filename="{INTEGRARE_MEETING}-report-en.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_hostile_markup_is_sanitised_or_printed_as_text_and_fetches_nothing(
    client, staff_user, monkeypatch, settings
):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0  # laid out in this process, where the spy listens
    meeting = MeetingFactory(
        slug="hostile",
        minutes='<img src="http://tracker.example/pixel.png"> and '
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        summary='<style>@import url("http://evil.example/y.css");</style>',
    )
    ActionItemFactory(meeting=meeting, text='<iframe src="file:///etc/passwd"></iframe>')
    requested = []
    original_fetch = ProjectFilesURLFetcher.fetch

    def spy(self, url, headers=None):
        requested.append(url)
        return original_fetch(self, url, headers)

    monkeypatch.setattr(ProjectFilesURLFetcher, "fetch", spy)

    text = pdf_text(_download(client, staff_user, meeting.slug, "en").content)

    # Minutes are formatted markup: what is not allowed is dropped. Other texts print as text.
    assert "tracker.example" not in text
    assert "evil.example/x.css" not in text
    assert '@import url("http://evil.example/y.css");' in text
    assert '<iframe src="file:///etc/' in text
    assert requested, "the report's own stylesheet, fonts and emblem go through the fetcher"
    assert all(url.startswith(rendering.BASE_URL + "static/") for url in requested), requested


def test_report_lists_attendance_with_totals_per_organisation_and_kind(staff_user):
    ngo = OrganisationFactory(name="Asociația Novapolis", kind="ngo")
    prefecture = OrganisationFactory(name="Instituția Prefectului", kind="public_authority")
    meeting = MeetingFactory()
    for name in ("Ana Pop", "Ion Ionescu"):
        AttendanceFactory(meeting=meeting, person_name=name, organisation=ngo, position="Expert")
    AttendanceFactory(meeting=meeting, person_name="Dan Vlad", organisation=prefecture)
    AttendanceFactory(
        meeting=meeting, person_name="Excused Person", organisation=ngo, presence=Presence.EXCUSED
    )

    text = pdf_text(_render(meeting, staff_user))

    assert "1 Ana Pop Asociația Novapolis Expert" in text
    assert "3 people attended, from 2 organisations." in text
    assert "Asociația Novapolis 2 Instituția Prefectului 1 Total 3" in text
    assert "Non-governmental organisation 1 2 Public authority 1 1" in text
    assert "Excused: Excused Person (Asociația Novapolis)" in text


def test_report_shows_agenda_decisions_carried_items_and_attachments(staff_user):
    project = ProjectFactory(title="INTEGRARE+", reference="FAMI/15.03.02")
    owner = OrganisationFactory(name="Fundația World Vision România")
    earlier = MeetingFactory(title="Earlier meeting", projects=[project])
    ActionItemFactory(
        meeting=earlier, text="Map the services in Tulcea", responsible_organisation=owner
    )
    ActionItemFactory(meeting=earlier, text="Already done", status="done")
    meeting = MeetingFactory(
        projects=[project], starts_at=earlier.starts_at + datetime.timedelta(days=90)
    )
    AgendaItemFactory(meeting=meeting, title="Results of the regional centres")
    ActionItemFactory(
        meeting=meeting,
        kind=ActionItemKind.DECISION,
        text="Hold the next meeting in Galați",
        due_date=datetime.date(2017, 3, 1),
    )
    AttachmentFactory(meeting=meeting, title="Signed attendance list")

    text = pdf_text(_render(meeting, staff_user))

    assert "INTEGRARE+ (reference FAMI/15.03.02)" in text
    assert "Results of the regional centres" in text
    assert "Decision Hold the next meeting in Galați" in text
    assert "Map the services in Tulcea Earlier meeting" in text
    assert "Already done" not in text
    assert "Signed attendance list" in text


def test_several_meetings_make_one_pdf_each_with_its_own_page_numbers(staff_user):
    meetings = [MeetingFactory(title=f"Meeting number {n}") for n in (1, 2)]

    content = render_meeting_reports(
        list(with_report_details(Meeting.objects.filter(pk__in=[m.pk for m in meetings]))),
        language="en",
        user=staff_user,
    )

    text = pdf_text(content)
    assert "Meeting number 1" in text
    assert "Meeting number 2" in text
    assert text.count("Page 1 of 1") == 2


def test_a_failed_render_gives_a_clear_error_page_and_no_pdf(
    client, staff_user, monkeypatch, settings
):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0  # laid out in this process, which is patched
    meeting = MeetingFactory(slug="breaks")

    def broken_write_pdf(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rendering.Document, "write_pdf", broken_write_pdf)
    client.force_login(staff_user)

    response = client.get(_report_url(meeting.slug, "en"))

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    assert "The PDF could not be produced" in response.content.decode()
    assert "disk full" in response.content.decode()


@pytest.mark.parametrize("attendees", [2, 40])
def test_report_queries_do_not_grow_with_attendees(
    client, staff_user, attendees, django_assert_num_queries
):
    project = ProjectFactory()
    meeting = MeetingFactory(slug="counted", projects=[project])
    AttendanceFactory.create_batch(attendees, meeting=meeting)
    ActionItemFactory.create_batch(attendees // 2 + 1, meeting=meeting)
    AgendaItemFactory.create_batch(3, meeting=meeting)
    client.force_login(staff_user)
    staff_user.refresh_from_db()  # drop cached roles so both runs count the same queries

    # session, user with roles, access check + meeting, its quarterly number, 6 prefetches,
    # carried items
    with django_assert_num_queries(11):
        response = client.get(_report_url(meeting.slug, "en"))

    assert response.status_code == 200


def _render(meeting, user) -> bytes:
    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()
    return render_meeting_reports([meeting], language="en", user=user)
