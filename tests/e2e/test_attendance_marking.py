"""At the door of the meeting room, on a phone: the INTEGRARE+ coordinator opens today's
meeting from the back office's front page, marks one person absent and one excused, everyone
else present with "All present", and saves, with one thumb and no sideways scrolling."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from meetings.enums import MeetingStatus, Presence
from meetings.models import Attendance, Meeting, MeetingProject
from projects.models import Project
from tests.e2e.browsing import assert_fits_the_screen, sign_in
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

PEOPLE = ["Ana Georgescu", "Elena Constantinescu-Bălănescu", "Ioana Marin", "Radu Stoica"]


@pytest.fixture
def todays_meeting(site) -> Meeting:
    meeting = Meeting.objects.create(
        title="INTEGRARE+ coordination meeting in Galați",
        slug="integrare-coordination-galati-today",
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        status=MeetingStatus.PLANNED,
    )
    MeetingProject.objects.create(
        meeting=meeting, project=Project.objects.get(slug="integrare-plus"), role="organiser"
    )
    for name in PEOPLE:
        Attendance.objects.create(meeting=meeting, person_name=name, presence=Presence.EXPECTED)
    return meeting


def test_coordinator_marks_who_came_on_a_phone(new_context, todays_meeting):
    email = "coordinator.integrare@example.org"
    TOTP.activate(User.objects.get(email=email), generate_totp_secret())
    page = new_context(**PHONE).new_page()
    sign_in(page, email)

    dashboard_row = page.locator("tr", has_text=todays_meeting.title)
    dashboard_row.get_by_role("link", name="Mark who came").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Who came")
    expect(page.locator(".attendance-marking__meta")).to_contain_text("4 not marked yet")
    assert_fits_the_screen(page)
    ana = page.get_by_role("group", name="Ana Georgescu")
    elena = page.get_by_role("group", name="Elena Constantinescu-Bălănescu")
    ana.get_by_text("Absent", exact=True).tap()
    elena.get_by_text("Excused", exact=True).tap()
    expect(ana.get_by_label("Absent")).to_be_checked()
    # Each choice is a touch target of at least 44 px each way.
    box = elena.locator("label", has_text="Excused").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, box

    page.get_by_role("button", name="All present").tap()
    expect(page.locator("[data-marking-status]")).to_have_text(
        "2 more people marked present. Save to keep the marks."
    )
    expect(page.get_by_role("group", name="Radu Stoica").get_by_label("Present")).to_be_checked()
    expect(ana.get_by_label("Absent")).to_be_checked()
    assert_fits_the_screen(page)
    page.get_by_role("button", name="Save attendance").tap()

    expect(page.locator(".messagelist")).to_contain_text(
        "Attendance saved: 2 present, 1 absent, 1 excused, 0 not marked."
    )
    assert dict(todays_meeting.attendances.values_list("person_name", "presence")) == {
        "Ana Georgescu": Presence.ABSENT,
        "Elena Constantinescu-Bălănescu": Presence.EXCUSED,
        "Ioana Marin": Presence.ATTENDED,
        "Radu Stoica": Presence.ATTENDED,
    }
    assert_fits_the_screen(page)


def test_all_present_works_without_javascript(new_context, todays_meeting):
    email = "coordinator.integrare@example.org"
    TOTP.activate(User.objects.get(email=email), generate_totp_secret())
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    sign_in(page, email)
    page.goto(f"/en/admin/meetings/meeting/{todays_meeting.pk}/attendance/mark/")

    page.get_by_role("group", name="Radu Stoica").get_by_text("Excused", exact=True).tap()
    page.get_by_role("button", name="All present").tap()

    expect(page.locator(".messagelist")).to_contain_text("3 present, 0 absent, 1 excused")
    assert set(todays_meeting.attendances.values_list("presence", flat=True)) == {
        Presence.ATTENDED,
        Presence.EXCUSED,
    }
