"""A project's planned outputs against what its held meetings delivered (issue 17)."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from core.quarters import Quarter
from meetings.enums import MeetingKind, MeetingStatus, ProjectRoleInMeeting
from meetings.models import AchievedOutput, Meeting, MeetingProject
from meetings.outputs import OutputProgress, output_progress, output_progress_of
from meetings.reports.documents import render_quarterly_report
from projects.enums import OutputKind
from projects.models import PlannedOutput, Project
from tests.factories import MeetingFactory, ProjectFactory
from tests.meetings.pdf_helpers import pdf_text
from tests.public.conftest import page_text
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def _on(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, tzinfo=BUCHAREST)


def plan(project, **quantities) -> None:
    for order, (kind, quantity) in enumerate(quantities.items()):
        PlannedOutput.objects.create(project=project, kind=kind, quantity=quantity, order=order)


def delivered(progress: list[OutputProgress]) -> dict[str, tuple[int, int]]:
    return {row.kind: (row.planned, row.delivered) for row in progress}


@pytest.fixture
def project():
    project = ProjectFactory(slug="connecting-cities")
    plan(project, workshop=14, staff_exchange=14, action_plan=7, small_grant=5)
    return project


def test_held_workshops_count_against_the_plan_and_other_meetings_do_not(project):
    MeetingFactory.create_batch(2, kind=MeetingKind.WORKSHOP, projects=[project])
    MeetingFactory(kind=MeetingKind.PARTNER_MEETING, projects=[project])

    assert delivered(output_progress_of(project)) == {
        "workshop": (14, 2),
        "staff_exchange": (14, 0),
        "action_plan": (7, 0),
        "small_grant": (5, 0),
    }


@pytest.mark.parametrize(
    ("status", "is_published"),
    [
        (MeetingStatus.PLANNED, True),
        (MeetingStatus.CANCELLED, True),
        (MeetingStatus.DRAFT, False),
        (MeetingStatus.HELD, False),
    ],
)
def test_only_published_held_meetings_count_publicly(project, status, is_published):
    MeetingFactory(
        kind=MeetingKind.WORKSHOP, status=status, is_published=is_published, projects=[project]
    )

    assert delivered(output_progress_of(project))["workshop"] == (14, 0)


def test_back_office_counts_an_unpublished_held_meeting_it_is_given(project):
    MeetingFactory(kind=MeetingKind.WORKSHOP, is_published=False, projects=[project])

    progress = output_progress_of(project, among=Meeting.objects.all())

    assert delivered(progress)["workshop"] == (14, 1)


def test_recorded_outputs_add_up_and_replace_what_the_kind_implies(project):
    day_of_workshops = MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project])
    AchievedOutput.objects.create(meeting=day_of_workshops, kind=OutputKind.WORKSHOP, quantity=3)
    AchievedOutput.objects.create(meeting=day_of_workshops, kind=OutputKind.ACTION_PLAN)
    partner_meeting = MeetingFactory(kind=MeetingKind.PARTNER_MEETING, projects=[project])
    AchievedOutput.objects.create(
        meeting=partner_meeting, kind=OutputKind.PEOPLE_REACHED, quantity=40
    )
    AchievedOutput.objects.create(meeting=partner_meeting, kind=OutputKind.ACTION_PLAN)

    assert delivered(output_progress_of(project)) == {
        "workshop": (14, 3),
        "staff_exchange": (14, 0),
        "action_plan": (7, 2),
        "small_grant": (5, 0),
        # Delivered without being planned: listed after the plan.
        "people_reached": (0, 40),
    }


def test_a_meeting_counts_for_the_projects_organising_it_not_those_taking_part(project):
    other = ProjectFactory()
    plan(other, workshop=2)
    workshop = MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project])
    MeetingProject.objects.create(
        meeting=workshop, project=other, role=ProjectRoleInMeeting.PARTICIPANT
    )

    progress = output_progress([project, other])

    assert delivered(progress[project.pk])["workshop"] == (14, 1)
    assert delivered(progress[other.pk])["workshop"] == (2, 0)


def test_progress_of_many_projects_takes_one_query_for_the_counts(django_assert_num_queries):
    projects = []
    for _ in range(5):
        project = ProjectFactory()
        plan(project, workshop=4, action_plan=1)
        meeting = MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project])
        AchievedOutput.objects.create(meeting=meeting, kind=OutputKind.ACTION_PLAN)
        projects.append(project)
    projects = list(
        Project.objects.filter(pk__in=[p.pk for p in projects]).prefetch_related("planned_outputs")
    )

    with django_assert_num_queries(1):
        progress = output_progress(projects)

    assert all(
        delivered(rows) == {"workshop": (4, 1), "action_plan": (1, 1)} for rows in progress.values()
    )


def test_coordinator_records_an_adopted_action_plan_on_the_meeting_form(
    client, coordinator_a, project_a, meeting_a
):
    plan(project_a, action_plan=7)
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="achieved_outputs-TOTAL_FORMS")
    row = form.add_inline_row("achieved_outputs")
    form.data[f"achieved_outputs-{row}-kind"] = [OutputKind.ACTION_PLAN]
    form.data[f"achieved_outputs-{row}-quantity"] = ["2"]

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    text = page_text(client.get(f"/en/projects/{project_a.slug}/"))
    assert "2 action plans adopted" in text


# --- The project page


def test_project_page_shows_planned_against_held_with_an_accessible_progress(client, project):
    MeetingFactory.create_batch(9, kind=MeetingKind.WORKSHOP, projects=[project])

    response = client.get("/en/projects/connecting-cities/")
    html = response.content.decode()
    text = page_text(response)

    assert "14 workshops" in text
    assert "9 workshops held" in text
    assert "0 action plans adopted" in text
    assert "64%" in text
    assert '<progress max="14" value="9" aria-labelledby="output-workshop"' in html


def test_project_page_counts_in_the_pages_language(client, project):
    MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project])

    with translation.override("en"):
        english = page_text(client.get("/en/projects/connecting-cities/"))

    assert "1 workshop held" in english
    assert "1 workshops" not in english


def test_project_page_leaves_out_drafts_from_the_count(client, project):
    MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project], is_published=False)

    text = page_text(client.get("/en/projects/connecting-cities/"))

    assert "0 workshops held" in text


@pytest.mark.parametrize("n", [1, 30])
def test_project_page_query_count_does_not_grow_with_meetings_or_kinds(
    client, django_assert_num_queries, project, n
):
    for _ in range(n):
        meeting = MeetingFactory(kind=MeetingKind.WORKSHOP, projects=[project])
        AchievedOutput.objects.create(meeting=meeting, kind=OutputKind.STAFF_EXCHANGE)

    # project+programme, participations, regions, centres, outputs, target groups, themes,
    # delivered outputs, the map's meeting venues (its centres and organisations are the
    # page's), meetings (with ordinal), their public attachments
    with django_assert_num_queries(11):
        response = client.get("/en/projects/connecting-cities/")

    assert f"{n} staff exchange" in page_text(response)


def test_demo_connection_shows_its_plan_and_that_no_output_is_delivered_yet(client, demo):
    text = page_text(client.get("/en/projects/connection/"))

    # The stories tell of CONNECTION's first partner meeting only, which delivered none of
    # the planned outputs.
    assert "14 workshops" in text
    assert "0 workshops held" in text
    assert "7 action plans" in text
    assert "5 small grants" in text


# --- The quarterly report


def test_quarterly_report_counts_the_quarter_and_the_total_including_unpublished(
    project, staff_user
):
    MeetingFactory(kind=MeetingKind.WORKSHOP, starts_at=_on(2020, 5, 12), projects=[project])
    in_quarter = MeetingFactory(
        kind=MeetingKind.WORKSHOP,
        starts_at=_on(2020, 11, 3),
        is_published=False,
        projects=[project],
    )
    AchievedOutput.objects.create(meeting=in_quarter, kind=OutputKind.ACTION_PLAN)
    # After the quarter: not in this report's counts.
    MeetingFactory(kind=MeetingKind.WORKSHOP, starts_at=_on(2021, 2, 1), projects=[project])

    pdf = render_quarterly_report(
        Meeting.objects.all(),
        quarter=Quarter(2020, 4),
        language="en",
        user=staff_user,
        project=project,
    )
    text = " ".join(pdf_text(pdf).split())

    assert "Planned outputs and what was delivered" in text
    assert "14 workshops 1 workshop held 2 workshops held 14%" in text
    assert "7 action plans 1 action plan adopted 1 action plan adopted 14%" in text
    assert "5 small grants 0 small grants awarded 0 small grants awarded 0%" in text
