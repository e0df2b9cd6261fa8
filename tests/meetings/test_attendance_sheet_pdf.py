import re

from django.urls import reverse
from django.utils import translation

from meetings.enums import Presence
from meetings.models import Meeting
from meetings.reports.documents import render_attendance_sheet
from meetings.reports.queries import with_report_details
from tests.factories import AttendanceFactory, MeetingFactory, OrganisationFactory
from tests.meetings.pdf_helpers import page_count, page_fonts, pdf_text

INTEGRARE_MEETING = "integrare-plus-quarterly-meeting-constanta-2016"


def _sheet_url(slug: str, language: str, **params) -> str:
    with translation.override(language):
        url = reverse("meetings:meeting-attendance-pdf", kwargs={"slug": slug})
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def _sheet(meeting, user, **kwargs) -> bytes:
    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()
    return render_attendance_sheet(meeting, language="en", user=user, **kwargs)


def test_attendance_sheet_of_the_integrare_meeting_in_romanian(client, demo, staff_user):
    client.force_login(staff_user)

    response = client.get(_sheet_url(INTEGRARE_MEETING, "ro"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'{INTEGRARE_MEETING}-attendance-ro.pdf"')
    text = pdf_text(response.content)
    assert "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța" in text
    assert "Instituția Prefectului – Județul Constanța" in text
    assert "Co-funded by the European Union" in text or "Uniunea Europeană" in text
    for name in ("Elena Marinescu", "Andrei Popa", "Ioana Dumitru", "Mihai Constantinescu"):
        assert name in text
    assert all(page_fonts(response.content).values())


def test_sheet_lists_expected_people_then_numbered_blank_rows(staff_user):
    ngo = OrganisationFactory(name="Asociația Novapolis")
    meeting = MeetingFactory(title="Sign-in test")
    AttendanceFactory(
        meeting=meeting,
        person_name="Ana Pop",
        organisation=ngo,
        position="Expert",
        presence=Presence.EXPECTED,
    )
    AttendanceFactory(meeting=meeting, person_name="Ion Ionescu", organisation=ngo)
    AttendanceFactory(meeting=meeting, person_name="Stays Home", presence=Presence.EXCUSED)

    text = pdf_text(_sheet(meeting, staff_user, blank_rows=3))

    assert "No. Name Organisation Position Signature" in text
    assert "1 Ana Pop Asociația Novapolis Expert" in text
    assert "2 Ion Ionescu Asociația Novapolis" in text
    assert "Stays Home" not in text
    assert re.search(r"Ion Ionescu Asociația Novapolis 3 4 5 ", text), text
    # The rows stop at 5; the footer's date ("Generated on 6 December") is no row.
    rows = text.split("Signature", 1)[1].split("Generated on", 1)[0]
    assert " 6 " not in rows


def test_sheet_without_attendees_is_all_blank_rows(staff_user):
    text = pdf_text(_sheet(MeetingFactory(), staff_user, blank_rows=2))

    assert "Signature 1 2 " in text


def test_blank_rows_come_from_the_address_and_bad_values_fall_back(client, staff_user):
    meeting = MeetingFactory(slug="sheet")
    client.force_login(staff_user)

    few = client.get(_sheet_url(meeting.slug, "en", blank_rows=1))
    fallback = client.get(_sheet_url(meeting.slug, "en", blank_rows="lots"))

    assert few.status_code == fallback.status_code == 200
    assert "Signature 1 Meeting report" not in pdf_text(few.content)
    assert pdf_text(few.content).split("Signature", 1)[1].split()[0] == "1"
    assert " 15 " in pdf_text(fallback.content)


def test_sheet_for_200_attendees_has_a_sane_page_count(staff_user):
    meeting = MeetingFactory()
    AttendanceFactory.create_batch(200, meeting=meeting, presence=Presence.EXPECTED)

    content = _sheet(meeting, staff_user, blank_rows=10)

    # About 20 signature rows fit on a page: 210 rows need 10 to 14 pages, not one per row.
    assert 9 <= page_count(content) <= 16
    text = pdf_text(content)
    assert " 200 " in text
    assert " 210 " in text
    assert f"Page {page_count(content)} of {page_count(content)}" in text
