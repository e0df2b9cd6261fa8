"""The long filters (a project's partner, a meeting's project or host) as a person uses them
with the keyboard: letters typed, a suggestion from the API chosen with the arrow keys and
Enter, the form applied, the list narrowed."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browsing import assert_fits_the_screen, assert_focus_is_visible
from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone-375px", "desktop"])
def visitor(request, new_context) -> Page:
    return new_context(locale="en-GB", **request.param).new_page()


def listed_slugs(page: Page) -> set[str]:
    hrefs = page.locator("main .card-list > li h3 a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def choose_by_keyboard(page: Page, field_id: str, typed: str, wanted: str) -> None:
    """Type into the field, move down the suggestions to `wanted` and press Enter."""
    field = page.locator(f"#{field_id}")
    field.click()
    assert_focus_is_visible(page)
    field.press_sequentially(typed, delay=30)
    listbox = page.locator(f"#{field_id}_suggestions")
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option").first).to_be_visible()
    expect(page.locator(f"#{field_id} ~ [role=status]")).to_contain_text("Suggestions")
    names = listbox.get_by_role("option").all_inner_texts()
    position = next(i for i, name in enumerate(names) if name.startswith(wanted))
    for _press in range(position + 1):
        field.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    expect(page.locator(f"#{active}")).to_contain_text(wanted)
    field.press("Enter")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(field).to_have_value(wanted)


def test_project_partner_chosen_from_suggestions(visitor):
    page = visitor
    page.goto("/en/projects/")
    field = page.locator("#id_partner")
    expect(field).to_have_attribute("role", "combobox")
    expect(page.get_by_role("combobox", name="Partner organisation")).to_have_count(1)

    choose_by_keyboard(page, "id_partner", "sofia dev", "Sofia Development Association")
    assert_fits_the_screen(page)
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()

    expect(page).to_have_url(re.compile(r"partner=sofia-development-association"))
    expect(page.locator("main .card-list > li")).to_have_count(2)
    assert listed_slugs(page) == {"connection", "integra"}
    # The chosen partner is shown by name and sent again by slug.
    expect(page.locator("#id_partner")).to_have_value("Sofia Development Association")
    expect(page.locator("input[type=hidden][name=partner]")).to_have_value(
        "sofia-development-association"
    )


def test_meeting_project_chosen_from_suggestions_and_escape_closes(visitor):
    page = visitor
    page.goto("/en/meetings/")
    field = page.locator("#id_project")

    field.press_sequentially("conn", delay=30)
    expect(page.locator("#id_project_suggestions")).to_be_visible()
    field.press("Escape")
    expect(page.locator("#id_project_suggestions")).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    field.fill("")

    choose_by_keyboard(page, "id_project", "conn", "CONNECTION")
    field.press("Enter")  # the list is closed: Enter applies the form
    page.wait_for_load_state()

    expect(page).to_have_url(re.compile(r"project=connection"))
    assert listed_slugs(page) == {"connection-first-partner-meeting-2020"}
    assert_fits_the_screen(page)


def test_a_name_typed_without_choosing_is_resolved_or_explained(page):
    page.goto("/en/projects/")
    page.locator("#id_partner").fill("Sofia Development Association")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert listed_slugs(page) == {"connection", "integra"}

    page.locator("#id_partner").fill("Nowhere at all")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_partner_errors")).to_contain_text("Nothing matches")
