"""A member of staff, signed in with their authenticator's code, finds the Constanța meeting in
the back office and downloads its PDF report and its attendance sheet from the meeting's page."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.models import User
from meetings.models import Meeting
from tests.e2e.browsing import download, sign_in
from tests.meetings.pdf_helpers import pdf_text

pytestmark = pytest.mark.e2e

STAFF_EMAIL = "staff@example.org"
MEETING_SLUG = "integrare-plus-quarterly-meeting-constanta-2016"


def test_staff_downloads_the_report_and_attendance_sheet_from_the_meetings_admin_page(
    new_context,
):
    staff = User.objects.get(email=STAFF_EMAIL)
    TOTP.activate(staff, generate_totp_secret())
    meeting = Meeting.objects.get(slug=MEETING_SLUG)

    page = new_context().new_page()
    sign_in(page, STAFF_EMAIL)  # the password, then the code the authenticator app shows

    page.get_by_role("link", name="Meetings", exact=True).first.click()
    page.get_by_role("searchbox").fill("Constanța")
    page.get_by_role("searchbox").press("Enter")
    page.locator("#result_list").get_by_role("link", name=meeting.title_en).click()
    expect(page.get_by_role("heading", name=meeting.title_en)).to_be_visible()

    tools = page.locator("#content .object-tools")
    report_name, report = download(page, tools.get_by_role("link", name="Report (PDF)"))
    sheet_name, sheet = download(page, tools.get_by_role("link", name="Attendance sheet (PDF)"))

    assert report_name == f"{MEETING_SLUG}-report-en.pdf"
    assert sheet_name == f"{MEETING_SLUG}-attendance-en.pdf"
    report_text, sheet_text = pdf_text(report), pdf_text(sheet)  # also checks they are PDFs
    attendees = list(meeting.attendances.values_list("person_name", flat=True))
    assert attendees
    for text in (report_text, sheet_text):
        assert meeting.title_en in text
        assert meeting.venue_en in text
        assert "7 December 2016" in text
        for name in attendees:
            assert name in text
    for agenda_item in meeting.agenda_items.all():
        assert agenda_item.title_en in report_text
    for action_item in meeting.action_items.all():
        assert action_item.text_en in report_text
    assert staff.full_name in report_text  # the footer says who generated it
