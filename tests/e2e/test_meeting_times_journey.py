"""The INTEGRARE+ coordinator plans the next quarterly meeting, moves it to a venue in another
time zone, types its time, and the public page shows the time they typed."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.models import User
from devtools.demo.meetings import MEETINGS
from meetings.models import Meeting
from tests.e2e.browsing import assert_fits_the_screen, choose, expect_heading, sign_in

pytestmark = pytest.mark.e2e

COORDINATOR = "coordinator.integrare@example.org"


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_time_typed_for_a_venue_in_another_zone_is_the_time_published(new_context, screen):
    TOTP.activate(User.objects.get(email=COORDINATOR), generate_totp_secret())
    options = {"viewport": {"width": 375, "height": 812}} if screen == "phone" else {}
    page = new_context(**options).new_page()
    sign_in(page, COORDINATOR)

    page.goto("/en/admin/meetings/meeting/next-quarterly/")
    choose(page.get_by_label("Project"), "INTEGRARE+")
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page.locator(".messagelist")).to_contain_text("is planned from the previous meeting")

    # The previous meeting gave no time: the planned one has none until one is typed.
    expect(page.locator("#id_starts_at_1")).to_have_value("")
    expect(page.get_by_label("Time not announced")).to_be_checked()
    expect(page.locator("#id_starts_at_timezone_warning_helptext")).to_have_text(
        "Times in Europe/Bucharest."
    )
    page.locator("#id_timezone").select_option("Europe/Warsaw")
    expect(page.locator("#id_starts_at_timezone_warning_helptext")).to_have_text(
        "Times in Europe/Warsaw."
    )
    page.locator("#id_starts_at_1").fill("11:30")
    page.locator("#id_summary_en").fill("The partners meet in Warsaw to compare their results.")
    if screen == "phone":
        assert_fits_the_screen(page)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("#id_starts_at_1")).to_have_value(re.compile(r"^11:30"))
    expect(page.get_by_label("Time not announced")).not_to_be_checked()

    page.locator("#content .object-tools").get_by_role("link", name="Publish").click()
    page.get_by_role("button", name="Yes, publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    meeting = Meeting.objects.exclude(slug__in=MEETINGS).get()
    assert meeting.timezone == "Europe/Warsaw"
    assert not meeting.all_day
    assert meeting.starts_at.astimezone(meeting.venue_timezone).strftime("%H:%M") == "11:30"

    visitor = new_context(**options).new_page()
    visitor.goto(meeting.get_absolute_url())
    expect_heading(visitor, meeting.title_en)
    expect(visitor.get_by_role("main")).to_contain_text("11:30")


def test_day_boxes_carry_no_note_comparing_the_readers_zone_with_the_servers(new_context):
    # The server keeps Bucharest's time; this reader's browser is on UTC, two hours behind.
    TOTP.activate(User.objects.get(email=COORDINATOR), generate_totp_secret())
    page = new_context(timezone_id="UTC").new_page()
    sign_in(page, COORDINATOR)
    meeting = Meeting.objects.filter(projects__slug="integrare-plus").order_by("pk").first()

    page.goto(f"/en/admin/meetings/meeting/{meeting.pk}/change/")

    due_date = page.locator("input[name$='-due_date']").first
    expect(due_date).to_be_attached()
    # The calendar is still offered beside each day box,
    expect(page.locator("input[name$='-due_date'] + .datetimeshortcuts").first).to_be_attached()
    # and the only zone named is the venue's, beside the meeting's own time.
    expect(page.locator("#id_starts_at_timezone_warning_helptext")).to_have_text(
        re.compile(r"^Times in ")
    )
    expect(page.locator("#content")).not_to_contain_text(re.compile(r"hours? (behind|ahead)"))
