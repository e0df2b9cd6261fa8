import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.dashboard import staff_dashboard
from meetings.enums import MeetingStatus
from tests.factories import ActionItemFactory, MeetingFactory, ProjectFactory, RegionFactory

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
TODAY = datetime.date(2026, 11, 23)


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), BUCHAREST)


@pytest.fixture
def region_2(db):
    return RegionFactory(name="Region 2", slug="region-2-dashboard")


def test_the_dashboard_shows_what_is_coming_done_and_late(
    client, staff_user, project_a, project_b, region_2
):
    now = timezone.now()
    MeetingFactory(
        title_en="Upcoming coordination meeting",
        starts_at=now + datetime.timedelta(days=10),
        status=MeetingStatus.PLANNED,
        projects=[project_a],
    )
    held = MeetingFactory(
        starts_at=now - datetime.timedelta(seconds=5),
        status=MeetingStatus.HELD,
        region=region_2,
        projects=[project_a, project_b],
    )
    ActionItemFactory(
        meeting=held, text_en="Translate the leaflet", due_date=now.date() - datetime.timedelta(1)
    )
    ActionItemFactory(
        meeting=held, text_en="Not due yet", due_date=now.date() + datetime.timedelta(9)
    )
    client.force_login(staff_user)

    page = client.get(reverse("admin:index")).content.decode()

    assert "Upcoming coordination meeting" in page
    assert '<tr><th scope="row">PA</th><td>1</td></tr>' in page
    assert '<tr><th scope="row">PB</th><td>1</td></tr>' in page
    assert '<tr><th scope="row">Region 2</th><td>1</td></tr>' in page
    assert "Overdue action items (1)" in page
    assert "Translate the leaflet" in page
    assert "Not due yet" not in page


def test_a_coordinator_dashboard_keeps_to_their_projects(client, coordinator_b, project_a):
    MeetingFactory(
        title_en="A's next meeting",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        status=MeetingStatus.PLANNED,
        projects=[project_a],
    )
    client.force_login(coordinator_b)

    page = client.get(reverse("admin:index")).content.decode()

    assert "Upcoming meetings" in page
    assert "A&#x27;s next meeting" not in page


def test_editors_get_no_meeting_dashboard(client, editor):
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    assert "Upcoming meetings" not in page


def test_held_meetings_are_counted_in_this_quarter_only(staff_user, project_a, region_2):
    for day in [datetime.date(2026, 10, 1), datetime.date(2026, 11, 20)]:
        MeetingFactory(starts_at=_at(day), region=region_2, projects=[project_a])
    MeetingFactory(starts_at=_at(datetime.date(2026, 9, 30)), projects=[project_a])
    MeetingFactory(
        starts_at=_at(datetime.date(2026, 11, 2)),
        status=MeetingStatus.CANCELLED,
        projects=[project_a],
    )

    dashboard = staff_dashboard(staff_user, today=TODAY)

    assert dashboard.quarter_label == "Q4 2026"
    assert dashboard.held_per_project == [(project_a, 2)]
    assert dashboard.held_per_region == [(region_2, 2)]


def _fill(count: int, region) -> None:
    for number in range(count):
        project = ProjectFactory()
        meeting = MeetingFactory(
            starts_at=_at(datetime.date(2026, 10, 5)), region=region, projects=[project]
        )
        MeetingFactory(
            starts_at=timezone.now() + datetime.timedelta(days=number + 1),
            status=MeetingStatus.PLANNED,
            projects=[project],
        )
        ActionItemFactory(meeting=meeting, due_date=datetime.date(2026, 11, 1))


@pytest.mark.parametrize("count", [1, 12])
def test_the_dashboard_costs_the_same_queries_for_few_and_many_meetings(
    staff_user, region_2, django_assert_num_queries, count
):
    _fill(count, region_2)
    staff_dashboard(staff_user, today=TODAY)  # the user's role and permissions, cached

    # upcoming; held per project; those projects; held per region; those regions;
    # overdue items; their count
    with django_assert_num_queries(7):
        dashboard = staff_dashboard(staff_user, today=TODAY)

    assert len(dashboard.held_per_project) == count
    assert len(dashboard.overdue) == min(count, 10)
