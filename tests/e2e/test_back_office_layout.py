"""The back-office pages a coordinator uses fit a phone's, a laptop's and a wide screen: no
sideways scrolling, no column squeezed below a word, and the errors of a submitted form in sight."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.models import User
from meetings.enums import MeetingStatus
from meetings.models import Meeting
from projects.models import Project
from tests.e2e.browsing import assert_fits_the_screen, sign_in
from tests.factories import MeetingFactory

pytestmark = pytest.mark.e2e

COORDINATOR = "coordinator.integrare@example.org"
WIDTHS = [375, 1280, 1920]

# Every visible cell with text is at least eight characters wide, or holds its text on one
# line (a short word such as "Held" needs no more).
SQUEEZED_CELLS = """() => {
    const squeezed = [];
    for (const cell of document.querySelectorAll("th, td")) {
        const box = cell.getBoundingClientRect();
        const text = cell.innerText.trim();
        if (!text || box.width === 0 || box.height === 0) continue;
        const probe = document.createElement("span");
        probe.style.cssText = "display:inline-block;width:8ch;position:absolute";
        cell.appendChild(probe);
        const eightCh = probe.getBoundingClientRect().width;
        probe.remove();
        const range = document.createRange();
        range.selectNodeContents(cell);
        let lines = 0;
        let lineBottom = -Infinity;
        for (const rect of range.getClientRects()) {
            if (rect.width === 0) continue;
            if (rect.top >= lineBottom - 2) lines += 1;
            lineBottom = Math.max(lineBottom, rect.bottom);
        }
        const oneLine = lines <= 1 && cell.scrollWidth <= cell.clientWidth + 1;
        if (box.width + 0.5 < eightCh && !oneLine) {
            squeezed.push(`${text.slice(0, 30)}: ${Math.round(box.width)} px < 8ch`);
        }
    }
    return squeezed;
}"""


@pytest.fixture
def coordinator_page(new_context):
    def open_at(width: int) -> Page:
        TOTP.activate(User.objects.get(email=COORDINATOR), generate_totp_secret())
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        sign_in(page, COORDINATOR)
        return page

    return open_at


@pytest.fixture
def upcoming_meetings(site) -> list[Meeting]:
    project = Project.objects.get(acronym="INTEGRARE+")
    return [
        MeetingFactory(
            title=f"Quarterly coordination meeting of Region 2 on housing and work, part {n}",
            starts_at=timezone.now() + datetime.timedelta(days=10 + 30 * n),
            status=MeetingStatus.PLANNED,
            is_published=False,
            projects=[project],
        )
        for n in range(1, 5)
    ]


def assert_fits(page: Page) -> None:
    assert_fits_the_screen(page)
    assert page.evaluate(SQUEEZED_CELLS) == [], page.url


@pytest.mark.parametrize("width", WIDTHS)
def test_back_office_pages_fit_the_screen(coordinator_page, upcoming_meetings, width):
    page = coordinator_page(width)
    expect(page.locator("#dashboard")).to_contain_text(upcoming_meetings[0].title)
    assert_fits(page)
    meeting = Meeting.objects.get(slug__startswith="integrare-plus-quarterly-meeting-cons")
    for url in [
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:meetings_meeting_add"),
        reverse("admin:partners_contact_changelist"),
    ]:
        page.goto(url)
        assert_fits(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_invalid_attendance_email_is_seen_after_submit(coordinator_page, width):
    page = coordinator_page(width)
    meeting = Meeting.objects.get(slug__startswith="integrare-plus-quarterly-meeting-cons")
    page.goto(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    attendance = page.locator("#attendances-group")
    # The attendance list is folded until it is opened.
    attendance.locator("summary").click()
    email = attendance.locator("tr.form-row:not(.empty-form) input[name$='-email']").first
    email.fill("not-an-email")
    page.get_by_role("button", name="Save and continue editing").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Enter a valid email address")
    assert_fits(page)
    # The summary's link leads to the field, shown with its error beside it and on the screen.
    summary.get_by_role("link").first.click()
    field = page.locator("#attendances-group input[name$='-email']").first
    expect(field).to_be_in_viewport()
    expect(field).to_have_value("not-an-email")
    error = page.locator("#attendances-group .errorlist").first
    expect(error).to_be_in_viewport()
    assert page.evaluate("() => document.documentElement.scrollLeft") == 0


def test_meeting_form_folds_what_is_rarely_used_and_stays_short(coordinator_page):
    """The Constanța meeting's form was about 6,000 px long at 1280 px; the read-only
    publication facts, the projects and the organisers now fold, and each text's languages
    stand side by side."""
    page = coordinator_page(1280)
    meeting = Meeting.objects.get(slug__startswith="integrare-plus-quarterly-meeting-cons")
    page.goto(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    page.wait_for_load_state("load")

    for folded in ("Publication", "Projects", "Organisers, speakers and supporters"):
        details = page.locator("details", has=page.get_by_role("heading", name=folded))
        expect(details).not_to_have_attribute("open", "")
    # Its minutes are written: the section stays open.
    expect(page.get_by_label("Minutes [en]")).to_be_visible()
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= 4000, f"the meeting form is {height} px long"
    assert_fits(page)
