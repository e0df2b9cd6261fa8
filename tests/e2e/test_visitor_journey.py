"""A visitor finds INTEGRARE+'s quarterly meeting in Romanian and saves it to their calendar,
then looks up the integration centre in Constanța: on a 375 px phone and on a desktop, reaching
the navigation and the search with the keyboard alone.

Interface labels are found by their place on the page, since their Romanian translations arrive
with the translation pass; the content is checked in Romanian, as the visitor reads it.
"""

import datetime
import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.browsing import (
    assert_fits_the_screen,
    assert_focus_is_visible,
    choose,
    download,
    expect_heading,
    tab_to,
)
from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e

PROJECT_TITLE = "INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2"
OTHER_PROJECT_TITLE = "CONNECTION – inițiativă de integrare prin conectarea orașelor"
MEETING_TITLE = "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța"
MEETING_SLUG = "integrare-plus-quarterly-meeting-constanta-2016"
CENTRE_NAME = "Centrul Regional pentru Integrare Constanța"


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone-375px", "desktop"])
def visitor(request, new_context):
    return new_context(locale="en-GB", **request.param).new_page()


def test_visitor_finds_the_quarterly_meeting_and_the_constanta_centre_in_romanian(visitor):
    page = visitor
    page.goto("/")
    expect(page).to_have_url("/en/")
    assert_fits_the_screen(page)

    # Keyboard alone. The first Tab stop skips to the content; the language switcher, which
    # names each language in that language, and the main navigation follow.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    assert_focus_is_visible(page)
    tab_to(page, ".language-switcher button[lang='ro']")
    expect(page.locator(":focus")).to_have_text("Română")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url("/ro/")
    expect(page.locator("html")).to_have_attribute("lang", "ro")

    tab_to(page, ".main-nav a[href='/ro/projects/']")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url("/ro/projects/")
    assert_fits_the_screen(page)

    # The skip link takes the keyboard past the header, straight into the page's content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert_focus_is_visible(page)

    choose(page.locator("#id_region"), "Regiunea 2")
    page.locator(".filter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/ro/projects/\?(.+&)?region=region-2(&|$)"))
    results = page.locator("main .card-list")
    expect(results.get_by_role("link", name=PROJECT_TITLE)).to_be_visible()
    expect(results.get_by_role("link", name=OTHER_PROJECT_TITLE)).to_have_count(0)
    assert_fits_the_screen(page)

    results.get_by_role("link", name=PROJECT_TITLE).click()
    expect_heading(page, PROJECT_TITLE)
    assert_fits_the_screen(page)

    page.get_by_role("main").get_by_role("link", name=MEETING_TITLE).click()
    expect(page).to_have_url(f"/ro/meetings/{MEETING_SLUG}/")
    expect_heading(page, MEETING_TITLE)
    assert_fits_the_screen(page)

    filename, content = download(page, page.locator(f"main a[href$='{MEETING_SLUG}/calendar.ics']"))
    assert filename == f"{MEETING_SLUG}.ics"
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == MEETING_TITLE
    assert event.decoded("DTSTART") == datetime.date(2016, 12, 7)
    assert "Constanța" in str(event["LOCATION"])

    # Back up to the search box by keyboard too; accents are optional.
    tab_to(page, "#site-search-q", backwards=True)
    assert_focus_is_visible(page)
    page.keyboard.type("Constanta")
    page.keyboard.press("Enter")
    expect(page).to_have_url("/ro/search/?q=Constanta")
    assert_fits_the_screen(page)

    page.get_by_role("main").get_by_role("link", name=CENTRE_NAME).click()
    expect(page).to_have_url("/ro/centres/regional-integration-centre-constanta/")
    expect_heading(page, CENTRE_NAME)
    assert_fits_the_screen(page)
