"""Every public filter form, used as a person uses it: options picked, words and a year typed,
"Apply filters" clicked. A filter that works when typed into the address can still be broken in
the form (the meeting list's quarter once sent `quarter=1` with every submit).

The region list is one tree on one page and has no filter form.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browsing import assert_fits_the_screen, choose
from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone-375px", "desktop"])
def visitor(request, new_context) -> Page:
    return new_context(locale="en-GB", **request.param).new_page()


def apply_filters(page: Page) -> None:
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()


def listed_slugs(page: Page) -> set[str]:
    """The slugs of the rows the list shows, read from their links."""
    hrefs = page.locator("main .card-list > li h3 a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def expect_listed(page: Page, expected: set[str]) -> None:
    expect(page.locator("main .card-list > li")).to_have_count(len(expected))
    assert listed_slugs(page) == expected


def expect_select_opens_with_any(page: Page) -> None:
    for select in page.locator(".filter-form select").all():
        expect(select.locator("option").first).to_have_text("any")
        expect(select).to_have_value("")


def test_meeting_filters_from_the_form(visitor):
    page = visitor
    page.goto("/en/meetings/")
    expect_select_opens_with_any(page)
    everything = listed_slugs(page)
    assert len(everything) == 4

    # Applying the form as it stands lists everything: no select sends a value of its own.
    apply_filters(page)
    expect_listed(page, everything)

    choose(page.locator("#id_kind"), "Conference")
    apply_filters(page)
    expect(page).to_have_url(re.compile(r"kind=conference"))
    expect(page).not_to_have_url(re.compile(r"quarter=\d"))
    expect_listed(page, {"act-locally-conference-brussels-2019"})
    expect(page.locator("#id_kind")).to_have_value("conference")
    assert_fits_the_screen(page)

    page.locator("#id_kind").select_option("")
    page.locator("#id_year").fill("2019")
    apply_filters(page)
    expect_listed(
        page,
        {
            "act-locally-conference-brussels-2019",
            "local-stakeholders-migrant-integration-bucharest-2019",
        },
    )

    page.locator("#id_year").fill("2016")
    choose(page.locator("#id_quarter"), "Q4")
    apply_filters(page)
    expect_listed(page, {"integrare-plus-quarterly-meeting-constanta-2016"})

    page.locator("#id_year").fill("")
    page.locator("#id_quarter").select_option("")
    page.locator("#id_project").fill("CONNECTION")
    apply_filters(page)
    expect_listed(page, {"connection-first-partner-meeting-2020"})

    page.locator("#id_project").fill("")
    choose(page.locator("#id_format"), "Online")
    apply_filters(page)
    expect_listed(page, {"connection-first-partner-meeting-2020"})

    page.locator("#id_format").select_option("")
    page.locator("#id_q").fill("Constanta")
    apply_filters(page)
    expect_listed(page, {"integrare-plus-quarterly-meeting-constanta-2016"})
    assert_fits_the_screen(page)


def test_meeting_year_out_of_range_is_refused_before_submit(visitor):
    page = visitor
    page.goto("/en/meetings/")

    page.locator("#id_year").fill("1200")
    apply_filters(page)

    # The browser holds the form back and says why, from the field's own limits.
    expect(page).to_have_url(re.compile(r"/en/meetings/$"))
    year = page.locator("#id_year")
    assert year.evaluate("field => field.validity.rangeUnderflow")
    assert year.evaluate("field => field.validationMessage")


def test_project_filters_from_the_form(visitor):
    page = visitor
    page.goto("/en/projects/")
    expect_select_opens_with_any(page)
    everything = listed_slugs(page)
    assert len(everything) == 6

    apply_filters(page)
    expect_listed(page, everything)

    choose(page.locator("#id_programme"), "FAMI")
    apply_filters(page)
    expect_listed(page, {"integrare-plus"})

    page.locator("#id_programme").select_option("")
    page.locator("#id_partner").fill("Sofia Development Association")
    apply_filters(page)
    expect_listed(page, {"connection", "integra"})

    page.locator("#id_partner").fill("")
    page.locator("#id_q").fill("AMIF")
    apply_filters(page)
    expect_listed(page, everything - {"snapshots-from-the-borders"})

    page.locator("#id_q").fill("integrare")
    apply_filters(page)
    # Best match first: the project called so.
    first = page.locator("main .card-list > li h3 a").first
    expect(first).to_have_attribute("href", re.compile(r"/integrare-plus/$"))
    assert_fits_the_screen(page)


def test_organisation_filters_from_the_form(visitor):
    page = visitor
    page.goto("/en/organisations/")
    expect_select_opens_with_any(page)
    everything = listed_slugs(page)
    assert "aidrom" in everything

    apply_filters(page)
    expect_listed(page, everything)

    choose(page.locator("#id_kind"), "Network")
    apply_filters(page)
    expect_listed(page, {"cdmir", "eurocities"})

    page.locator("#id_kind").select_option("")
    choose(page.locator("#id_country"), "Bulgaria")
    apply_filters(page)
    expect_listed(page, {"sofia-development-association", "sofia-municipality"})

    page.locator("#id_country").select_option("")
    page.locator("#id_q").fill("Brasov")
    apply_filters(page)
    expect_listed(page, {"migrant-integration-center-brasov"})
    assert_fits_the_screen(page)


def test_centre_filters_from_the_form(visitor):
    page = visitor
    page.goto("/en/centres/")
    expect_select_opens_with_any(page)
    everything = listed_slugs(page)
    assert len(everything) == 3

    apply_filters(page)
    expect_listed(page, everything)

    choose(page.locator("#id_kind"), "Working point")
    apply_filters(page)
    expect_listed(page, {"working-point-vaslui"})

    page.locator("#id_kind").select_option("")
    page.locator("#id_q").fill("Galati")
    apply_filters(page)
    expect_listed(page, {"regional-integration-centre-galati"})

    page.locator("#id_q").fill("")
    choose(page.locator("#id_region"), "Constanța County")
    apply_filters(page)
    expect_listed(page, {"regional-integration-centre-constanta"})
    assert_fits_the_screen(page)


def test_the_region_list_has_no_filter_form(page):
    page.goto("/en/regions/")

    expect(page.locator(".filter-form")).to_have_count(0)
