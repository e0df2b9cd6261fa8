"""The INTEGRARE+ coordinator's quarterly routine, as a person does it in the back office: plan
the next quarterly meeting, add two agenda items, a decision, a follow-up and an attachment,
import four people, publish. The journey counts what the person clicks and fills in, so a
change that makes the routine longer fails here. It then finds the meeting on the public site;
the CONNECTION coordinator cannot open it."""

import io
import re
from dataclasses import dataclass

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfWriter

from accounts.models import User
from meetings.enums import ActionItemKind
from meetings.models import Meeting
from tests.e2e.browsing import expect_heading, sign_in

pytestmark = pytest.mark.e2e

ATTENDEES_CSV = (
    "name,organisation,position,email\n"
    "Ana Georgescu,Novapolis,Mediator,ana.georgescu@example.org\n"
    "Radu Stoica,World Vision Romania Foundation,Case worker,radu.stoica@example.org\n"
    "Elena Marin,Novapolis,Lawyer,elena.marin@example.org\n"
    "Mihai Popa,World Vision Romania Foundation,Cultural mediator,mihai.popa@example.org\n"
)
NEW_AGENDA_ITEMS = [
    "Access to housing for beneficiaries of international protection",
    "Language courses for adults in Region 2",
]
DECISION = "The partners hold the next meeting in Galați"
FOLLOW_UP = "Map the free legal advice offered in each county of Region 2"

# The same journey took 14 clicks and 12 fields before the dashboard offered to plan the
# meeting, the agenda was numbered without an order field, an attachment took its title from
# its file and "Save and publish" replaced saving, opening the publication page and confirming.
MAX_CLICKS = 11
MAX_FIELDS = 9


@dataclass
class Person:
    """Acts on a page as a person does, and counts the clicks and the fields filled in."""

    page: Page
    clicks: int = 0
    fields: int = 0

    def click(self, target: Locator) -> None:
        target.click()
        self.clicks += 1

    def fill(self, field: Locator, value: str) -> None:
        field.fill(value)
        self.fields += 1

    def select(self, field: Locator, value: str) -> None:
        field.select_option(value)
        self.fields += 1

    def upload(self, field: Locator, path) -> None:
        field.set_input_files(path)
        self.fields += 1


def _new_row(group: Locator) -> Locator:
    return group.locator("tr.form-row:not(.empty-form)").last


def _one_page_pdf(path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())


def test_coordinator_plans_fills_in_and_publishes_the_next_quarterly_meeting(new_context, tmp_path):
    # Coordinators hold attendance lists: they sign in with an authenticator app's code too.
    for email in ("coordinator.integrare@example.org", "coordinator.connection@example.org"):
        TOTP.activate(User.objects.get(email=email), generate_totp_secret())
    page = new_context().new_page()
    sign_in(page, "coordinator.integrare@example.org")
    person = Person(page)
    attendees_file = tmp_path / "attendees.csv"
    attendees_file.write_text(ATTENDEES_CSV, encoding="utf-8")
    agenda_file = tmp_path / "agenda.pdf"
    _one_page_pdf(agenda_file)

    # From the dashboard; the coordinator's only project is chosen already.
    person.click(page.locator("#dashboard").get_by_role("link", name="Plan the next quarterly"))
    person.click(page.get_by_role("button", name="Plan the meeting"))
    expect(page.locator(".messagelist")).to_contain_text("is planned from the previous meeting")
    meeting = Meeting.objects.exclude(pk__in=_demo_meeting_ids()).get()
    expect(page).to_have_url(re.compile(rf"/en/admin/meetings/meeting/{meeting.pk}/change/$"))

    person.click(page.get_by_role("link", name="Import attendees"))
    person.upload(page.get_by_label("Or upload a spreadsheet"), attendees_file)
    person.click(page.get_by_role("button", name="Preview"))
    expect(page.locator(".attendee-preview")).to_contain_text("4 people will be added")
    person.click(page.get_by_role("button", name="Import these people"))
    expect(page.locator(".messagelist")).to_contain_text("4 people added to the attendance list")

    # The agenda starts from the previous meeting's.
    agenda = page.locator("#agenda_items-group")
    expect(agenda.locator("input[name$='-title_en']").first).to_have_value(
        re.compile("Results of the regional centres")
    )
    for title in NEW_AGENDA_ITEMS:
        person.click(agenda.get_by_role("button", name=re.compile("Add another")))
        person.fill(_new_row(agenda).locator("input[name$='-title_en']"), title)

    actions = page.locator("#action_items-group")
    person.click(actions.get_by_role("button", name=re.compile("Add another")))
    person.select(_new_row(actions).locator("select[name$='-kind']"), ActionItemKind.DECISION)
    person.fill(_new_row(actions).locator("[name$='-text_en']"), DECISION)
    person.click(actions.get_by_role("button", name=re.compile("Add another")))
    person.fill(_new_row(actions).locator("[name$='-text_en']"), FOLLOW_UP)
    person.fill(_new_row(actions).locator("input[name$='-due_date']"), "2030-06-30")

    attachments = page.locator("#attachments-group")
    person.click(attachments.get_by_role("button", name=re.compile("Add another")))
    person.upload(_new_row(attachments).locator("input[type=file]"), agenda_file)

    # The public page opens with a summary: without one the meeting is not published.
    person.fill(page.locator("#id_summary_en"), "The partners reviewed access to housing.")
    person.click(page.get_by_role("button", name="Save and publish"))
    expect(page.locator(".messagelist")).to_contain_text("1 item published")

    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.attendances.count() >= 4
    titles = list(meeting.agenda_items.values_list("title_en", flat=True))
    assert titles[-2:] == NEW_AGENDA_ITEMS
    assert meeting.action_items.filter(kind=ActionItemKind.DECISION, text_en=DECISION).exists()
    assert meeting.action_items.filter(kind=ActionItemKind.ACTION, text_en=FOLLOW_UP).exists()
    assert list(meeting.attachments.values_list("title_en", flat=True)) == ["agenda"]
    print(f"coordinator journey: {person.clicks} clicks, {person.fields} fields")
    assert person.clicks <= MAX_CLICKS
    assert person.fields <= MAX_FIELDS

    # The public site, as anyone sees it: the meeting and its agenda, never its attendance list.
    visitor = new_context().new_page()
    visitor.goto("/en/meetings/")
    visitor.get_by_role("main").get_by_role("link", name=meeting.title_en).click()
    expect_heading(visitor, meeting.title_en)
    expect(visitor.get_by_role("main")).to_contain_text(NEW_AGENDA_ITEMS[0])
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
