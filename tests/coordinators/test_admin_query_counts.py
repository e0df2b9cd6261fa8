"""The coordinator's meeting page and meeting list read the database a fixed number of times,
however many projects, organisations, agenda items, attendees and action items a meeting has,
or how many meetings there are; and the meeting page still shows and saves its rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.enums import MeetingStatus
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    ContactFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ProjectFactory,
)
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

# What the meeting page reads, for any number of rows: the session, the user with their roles,
# permissions and authenticator (2), their projects (1); the meeting with its place and host,
# whether they may change and export it, the open items carried over from earlier meetings, the
# project to plan its next meeting for and which of its lists have rows (1); the rows of the
# lists that have some (5 here: outputs and attachments have none and cost nothing), each with
# the organisations and contacts its boxes show; and the coordinator's projects for the project
# rows (1).
CHANGE_FORM_QUERIES = 10
CHANGELIST_QUERIES = 8


def _change_url(meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def _fill(meeting, *, rows: int) -> None:
    """Give the meeting `rows` of each kind of inline row."""
    for index in range(rows):
        organisation = OrganisationFactory(name=f"Partner {meeting.pk}-{index}")
        MeetingOrganisationFactory(meeting=meeting, organisation=organisation)
        AgendaItemFactory(meeting=meeting, title=f"Item {index}")
        contact = ContactFactory(name=f"Person {meeting.pk}-{index}", organisation=organisation)
        AttendanceFactory(
            meeting=meeting,
            contact=contact,
            person_name=contact.name,
            organisation=organisation,
        )
        ActionItemFactory(meeting=meeting, responsible_organisation=organisation)


def _small_and_large(project, other_project):
    """A meeting with one row of each kind, and one with eight, of another project so that
    neither carries the other's open action items over."""
    small = MeetingFactory(status=MeetingStatus.PLANNED, projects=[project])
    _fill(small, rows=1)
    large = MeetingFactory(status=MeetingStatus.PLANNED, projects=[other_project])
    _fill(large, rows=8)
    return small, large


def test_meeting_page_queries_do_not_grow_with_its_rows(client, coordinator_a, project_a):
    second, third = ProjectFactory(acronym="PA2"), ProjectFactory(acronym="PA3")
    second.coordinators.add(coordinator_a)
    third.coordinators.add(coordinator_a)
    small, large = _small_and_large(project_a, second)
    large.meeting_projects.create(project=third)
    client.force_login(coordinator_a)
    client.get(_change_url(small))  # Django's first request reads the content types

    small_count, _page = _queries(client, _change_url(small))
    large_count, page = _queries(client, _change_url(large))

    assert small_count == large_count
    assert large_count <= CHANGE_FORM_QUERIES
    # The chosen rows are still shown by name in their boxes, contacts with their organisation.
    assert f"Person {large.pk}-7 (Partner {large.pk}-7)" in page
    assert f"Partner {large.pk}-6" in page
    # The coordinator's projects to choose from.
    assert ">PA</option>" in page and ">PA3</option>" in page


def test_meeting_page_narrows_each_private_model_once_however_many_rows(
    client, coordinator_a, project_a, monkeypatch
):
    """Each inline row's key and choice fields read a private model's rows: the coordinator's
    rule builds its subqueries once for the page, not once per row."""
    from core.private_rows import private_rows

    meeting = MeetingFactory(status=MeetingStatus.PLANNED, projects=[project_a])
    _fill(meeting, rows=8)
    narrowed = []
    narrow = private_rows.narrow

    def counting_narrow(kind, rows, user):
        narrowed.append((kind, rows.model.__name__))
        return narrow(kind, rows, user)

    monkeypatch.setattr(private_rows, "narrow", counting_narrow)
    client.force_login(coordinator_a)

    _count, page = _queries(client, _change_url(meeting))

    assert f"Person {meeting.pk}-7 (Partner {meeting.pk}-7)" in page
    # Attendance's and action items' own rows, and their list's rows read through the meeting
    assert narrowed.count(("visible", "Attendance")) <= 2
    assert narrowed.count(("visible", "ActionItem")) <= 2
    assert narrowed.count(("visible", "Contact")) == 1


def test_meeting_page_queries_as_an_administrator_do_not_grow(
    client, administrator, project_a, project_b
):
    small, large = _small_and_large(project_a, project_b)
    client.force_login(administrator)
    client.get(_change_url(small))

    small_count, _page = _queries(client, _change_url(small))
    large_count, page = _queries(client, _change_url(large))

    assert small_count == large_count
    assert f"Person {large.pk}-7 (Partner {large.pk}-7)" in page


def test_meeting_list_queries_do_not_grow_with_the_meetings(client, coordinator_a, project_a):
    MeetingFactory(projects=[project_a])
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_changelist")
    client.get(url)
    few, _page = _queries(client, url)
    for _index in range(30):
        MeetingFactory(projects=[project_a])

    many, page = _queries(client, url)

    assert few == many <= CHANGELIST_QUERIES
    assert page.count('class="action-select"') == 31


def test_meeting_page_saves_its_inline_rows(client, coordinator_a, project_a):
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, projects=[project_a])
    _fill(meeting, rows=2)
    newcomer = OrganisationFactory(name="Newcomer association")
    contact = meeting.attendances.first().contact
    client.force_login(coordinator_a)
    form = find_form(client.get(_change_url(meeting)).content.decode(), with_field="_save")
    row = form.add_inline_row("meeting_organisations")
    form.data[f"meeting_organisations-{row}-organisation"] = [str(newcomer.pk)]
    row = form.add_inline_row("attendances")
    form.data[f"attendances-{row}-contact"] = [str(contact.pk)]
    form.data[f"attendances-{row}-presence"] = form.data["attendances-0-presence"]
    form.data["agenda_items-0-title_en"] = ["Welcome, renamed"]

    response = client.post(_change_url(meeting), form.submission())

    assert response.status_code == 302, response.content.decode()[:3000]
    assert meeting.meeting_organisations.filter(organisation=newcomer).exists()
    assert meeting.attendances.filter(contact=contact).count() == 2
    assert meeting.agenda_items.filter(title_en="Welcome, renamed").exists()
    assert meeting.meeting_projects.get().project == project_a


def test_the_meeting_list_of_someone_who_reads_every_meeting_adds_no_condition(
    client, administrator, project_a, project_b
):
    MeetingFactory(projects=[project_a], title="Of project A")
    MeetingFactory(projects=[project_b], title="Of project B")
    client.force_login(administrator)

    with CaptureQueriesContext(connection) as context:
        page = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()

    assert "Of project A" in page and "Of project B" in page
    # An "id IN (every id)" condition kept PostgreSQL from using its indexes at 40,000 rows.
    assert not any(
        '"meetings_meeting"."id" IN (SELECT' in query["sql"] for query in context.captured_queries
    )
