"""The INTEGRARE+ coordinator plans the next quarterly meeting in the back office, fills in its
agenda, attendees (from a CSV file) and an action item, publishes it and finds it on the public
site; the CONNECTION coordinator cannot open it."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.models import User
from meetings.models import Meeting
from tests.e2e.browsing import choose, expect_heading, sign_in

pytestmark = pytest.mark.e2e

ATTENDEES_CSV = (
    "name,organisation,position,email\n"
    "Ana Georgescu,Novapolis,Mediator,ana.georgescu@example.org\n"
    "Radu Stoica,World Vision Romania Foundation,Case worker,radu.stoica@example.org\n"
)
NEW_AGENDA_ITEM = "Access to housing for beneficiaries of international protection"
ACTION_ITEM = "Map the free legal advice offered in each county of Region 2"


def test_coordinator_plans_fills_in_and_publishes_the_next_quarterly_meeting(new_context, tmp_path):
    # Coordinators hold attendance lists: they sign in with an authenticator app's code too.
    for email in ("coordinator.integrare@example.org", "coordinator.connection@example.org"):
        TOTP.activate(User.objects.get(email=email), generate_totp_secret())
    page = new_context().new_page()
    sign_in(page, "coordinator.integrare@example.org")

    page.get_by_role("link", name="Meetings", exact=True).first.click()
    page.get_by_role("link", name="Plan the next quarterly meeting").click()
    choose(page.get_by_label("Project"), "INTEGRARE+")
    page.get_by_role("button", name="Plan the meeting").click()

    expect(page.locator(".messagelist")).to_contain_text("is planned from the previous meeting")
    meeting = Meeting.objects.exclude(pk__in=_demo_meeting_ids()).get()
    expect(page).to_have_url(re.compile(rf"/en/admin/meetings/meeting/{meeting.pk}/change/$"))
    # The agenda starts from the previous meeting's.
    agenda = page.locator("#agenda_items-group")
    expect(agenda.locator("input[name$='-title_en']").first).to_have_value(
        re.compile("Results of the regional centres")
    )

    agenda.get_by_role("button", name=re.compile("Add another")).click()
    agenda.locator("tr.form-row:not(.empty-form) input[name$='-title_en']").last.fill(
        NEW_AGENDA_ITEM
    )
    actions = page.locator("#action_items-group")
    actions.get_by_role("button", name=re.compile("Add another")).click()
    new_action = actions.locator("tr.form-row:not(.empty-form)").last
    new_action.locator("select[name$='-kind']").select_option(index=1)
    new_action.locator("textarea[name$='-text_en'], input[name$='-text_en']").fill(ACTION_ITEM)
    # The public page opens with a summary: without one the meeting is not published.
    page.locator("#id_summary_en").fill("The partners reviewed access to housing in Region 2.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    attendees_file = tmp_path / "attendees.csv"
    attendees_file.write_text(ATTENDEES_CSV, encoding="utf-8")
    page.get_by_role("link", name="Import attendees").click()
    page.get_by_label("Or upload a spreadsheet").set_input_files(attendees_file)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".attendee-preview")).to_contain_text("2 people will be added")
    page.get_by_role("button", name="Import these people").click()
    expect(page.locator(".messagelist")).to_contain_text("2 people added to the attendance list")

    page.locator("#content .object-tools").get_by_role("link", name="Publish").click()
    page.get_by_role("button", name="Yes, publish").click()
    expect(page.locator(".messagelist")).to_contain_text("published")

    meeting.refresh_from_db()
    assert meeting.is_published
    assert set(meeting.attendances.values_list("person_name", flat=True)) >= {
        "Ana Georgescu",
        "Radu Stoica",
    }
    assert meeting.agenda_items.filter(title_en=NEW_AGENDA_ITEM).exists()
    assert meeting.action_items.filter(text_en=ACTION_ITEM).exists()

    # The public site, as anyone sees it: the meeting and its agenda, never its attendance list.
    visitor = new_context().new_page()
    visitor.goto("/en/meetings/")
    visitor.get_by_role("main").get_by_role("link", name=meeting.title_en).click()
    expect_heading(visitor, meeting.title_en)
    expect(visitor.get_by_role("main")).to_contain_text(NEW_AGENDA_ITEM)
    expect(visitor.get_by_role("main")).not_to_contain_text("Ana Georgescu")
    expect(visitor.get_by_role("main")).not_to_contain_text("ana.georgescu@example.org")

    # Another project's coordinator: neither the meeting's back-office page nor its reports.
    outsider = new_context().new_page()
    sign_in(outsider, "coordinator.connection@example.org")
    for path in (
        f"/en/admin/meetings/meeting/{meeting.pk}/change/",
        f"/en/admin/meetings/meeting/{meeting.pk}/attendees/import/",
        f"/en/meetings/{meeting.slug}/attendance.pdf",
    ):
        response = outsider.goto(path)
        assert response.status in (403, 404), path
        expect(outsider.get_by_role("main")).not_to_contain_text("Ana Georgescu")
    outsider.goto("/en/admin/meetings/meeting/")
    expect(outsider.locator("#changelist")).not_to_contain_text(meeting.title_en)


def _demo_meeting_ids() -> list[int]:
    from devtools.demo.meetings import MEETINGS

    return list(Meeting.objects.filter(slug__in=MEETINGS).values_list("pk", flat=True))
