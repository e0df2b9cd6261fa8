import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from meetings.enums import MeetingStatus, OrganisationRoleInMeeting, Presence
from meetings.models import Meeting
from meetings.services import next_quarterly_start, plan_next_quarterly_meeting
from tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CityFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def previous(project_a):
    """Project A's quarterly meeting of Wednesday 4 November 2026 in Constanța, held."""
    meeting = MeetingFactory(
        title_en="Quarterly meeting in Constanța",
        slug="quarterly-meeting-constanta",
        starts_at=datetime.datetime(2026, 11, 4, 10, 0, tzinfo=BUCHAREST),
        ends_at=datetime.datetime(2026, 11, 4, 13, 30, tzinfo=BUCHAREST),
        venue_en="Prefect's Institution",
        venue_ro="Instituția Prefectului",
        address="Bulevardul Tomis 51",
        latitude=Decimal("44.176000"),
        longitude=Decimal("28.651000"),
        city=CityFactory(name="Constanța"),
        host=OrganisationFactory(name="Prefecture of Constanța"),
        region=RegionFactory(name="Region 2"),
        projects=[project_a],
        summary_en="What was said in November.",
    )
    MeetingOrganisationFactory(
        meeting=meeting,
        organisation=OrganisationFactory(name="Organising NGO"),
        role=OrganisationRoleInMeeting.ORGANISER,
    )
    MeetingOrganisationFactory(
        meeting=meeting,
        organisation=OrganisationFactory(name="One-off speaker"),
        role=OrganisationRoleInMeeting.SPEAKER,
    )
    AgendaItemFactory(
        meeting=meeting, order=1, time=datetime.time(10), title_en="Welcome", speaker="Prefect"
    )
    AgendaItemFactory(meeting=meeting, order=2, title_en="Results of the regional centres")
    AttendanceFactory(meeting=meeting, person_name="Elena Marinescu", presence=Presence.ATTENDED)
    AttendanceFactory(meeting=meeting, person_name="Mihai Popa", presence=Presence.EXCUSED)
    return meeting


def test_the_next_meeting_is_prefilled_from_the_previous_one(previous, project_a, coordinator_a):
    meeting = plan_next_quarterly_meeting(project=project_a, planned_by=coordinator_a, today=TODAY)

    # The first Wednesday of the quarter's second month, as in November.
    assert meeting.local_starts_at == datetime.datetime(2027, 2, 3, 10, 0, tzinfo=BUCHAREST)
    assert meeting.local_ends_at == datetime.datetime(2027, 2, 3, 13, 30, tzinfo=BUCHAREST)
    assert not meeting.all_day
    assert meeting.title_en == "PA quarterly coordination meeting, Q1 2027"
    assert meeting.status == MeetingStatus.PLANNED
    assert not meeting.is_published
    assert (meeting.venue_en, meeting.venue_ro) == (
        "Prefect's Institution",
        "Instituția Prefectului",
    )
    assert meeting.address == "Bulevardul Tomis 51"
    assert (meeting.latitude, meeting.longitude) == (Decimal("44.176000"), Decimal("28.651000"))
    assert (meeting.city, meeting.host, meeting.region) == (
        previous.city,
        previous.host,
        previous.region,
    )
    assert not meeting.summary_en
    assert list(meeting.projects.all()) == [project_a]
    assert [str(link.organisation) for link in meeting.meeting_organisations.all()] == [
        "Organising NGO"
    ]
    assert list(meeting.agenda_items.values_list("order", "time", "title_en", "speaker")) == [
        (1, datetime.time(10), "Welcome", ""),
        (2, None, "Results of the regional centres", ""),
    ]
    assert sorted(meeting.attendances.values_list("person_name", "presence")) == [
        ("Elena Marinescu", Presence.EXPECTED),
        ("Mihai Popa", Presence.EXPECTED),
    ]


def test_the_previous_meeting_is_left_as_it_was(previous, project_a, coordinator_a):
    plan_next_quarterly_meeting(project=project_a, planned_by=coordinator_a, today=TODAY)

    previous.refresh_from_db()
    assert previous.attendances.filter(presence=Presence.ATTENDED).count() == 1
    assert previous.agenda_items.get(order=1).speaker == "Prefect"


def test_planning_records_who_did_it_in_the_history(previous, project_a, coordinator_a):
    meeting = plan_next_quarterly_meeting(project=project_a, planned_by=coordinator_a, today=TODAY)

    assert meeting.history.get().history_user == coordinator_a
    assert {
        record.history_user
        for record in meeting.agenda_items.model.history.filter(meeting_id=meeting.pk)
    } == {coordinator_a}


@pytest.mark.parametrize(
    ("previous_start", "today", "expected"),
    [
        # The quarter after the previous meeting's, same month of the quarter, same weekday of
        # the same week: the first Wednesday of November, then of February.
        (
            datetime.datetime(2026, 11, 4, 10),
            datetime.date(2026, 11, 23),
            datetime.date(2027, 2, 3),
        ),
        # The third Tuesday of March, then of June.
        (datetime.datetime(2026, 3, 17, 9), datetime.date(2026, 3, 20), datetime.date(2026, 6, 16)),
        # A fifth Monday the month lacks becomes its last Monday.
        (
            datetime.datetime(2026, 11, 30, 10),
            datetime.date(2026, 12, 1),
            datetime.date(2027, 2, 22),
        ),
        # A meeting held on a Saturday: the same day of the month, on a working day (7 February
        # 2027 is a Sunday).
        (
            datetime.datetime(2026, 11, 7, 10),
            datetime.date(2026, 11, 23),
            datetime.date(2027, 2, 8),
        ),
        # After a long pause, the quarter after today's: the first Wednesday of March 2027.
        (datetime.datetime(2016, 12, 7, 0), datetime.date(2026, 11, 23), datetime.date(2027, 3, 3)),
        # Never a day already gone: 3 February 2027 is past on the 20th, so May's.
        (
            datetime.datetime(2026, 11, 4, 10),
            datetime.date(2027, 2, 20),
            datetime.date(2027, 5, 5),
        ),
    ],
)
def test_the_next_meeting_is_dated_in_the_next_quarter(previous_start, today, expected):
    start = next_quarterly_start(previous_start.replace(tzinfo=BUCHAREST), today=today)

    assert start.date() == expected
    assert start.time() == previous_start.time()


def test_the_next_meeting_is_never_proposed_at_a_weekend():
    day = datetime.datetime(2026, 1, 1, 10, tzinfo=BUCHAREST)
    for _ in range(366):
        start = next_quarterly_start(day, today=datetime.date(2026, 1, 1))
        assert start.weekday() < 5, (day, start)
        if day.weekday() < 5:
            assert start.weekday() == day.weekday(), (day, start)
        day += datetime.timedelta(days=1)


def test_a_meeting_without_a_time_is_followed_by_one_without_a_time(
    previous, project_a, coordinator_a
):
    previous.all_day = True
    previous.starts_at = datetime.datetime(2026, 11, 4, tzinfo=BUCHAREST)
    previous.ends_at = None
    previous.save()

    meeting = plan_next_quarterly_meeting(project=project_a, planned_by=coordinator_a, today=TODAY)

    assert meeting.all_day
    assert meeting.local_starts_at == datetime.datetime(2027, 2, 3, tzinfo=BUCHAREST)
    assert meeting.ends_at is None


def test_a_stated_number_is_counted_on_by_the_next_meeting(previous, project_a, coordinator_a):
    previous.stated_ordinal = 2
    previous.save()

    meeting = plan_next_quarterly_meeting(project=project_a, planned_by=coordinator_a, today=TODAY)

    assert previous.ordinal == 2
    assert meeting.ordinal == 3
    assert meeting.kind_label == "3rd quarterly coordination meeting"
    assert Meeting.objects.with_ordinal().get(pk=meeting.pk).ordinal == 3


def test_a_project_without_an_earlier_meeting_cannot_be_planned_from_one(coordinator_a):
    lonely = ProjectFactory(acronym="NEW")

    with pytest.raises(Exception, match="no earlier quarterly meeting"):
        plan_next_quarterly_meeting(project=lonely, planned_by=coordinator_a)


# --- In the back office


def test_the_meeting_page_offers_to_plan_the_next_one(client, coordinator_a, previous, project_a):
    client.force_login(coordinator_a)

    page = client.get(reverse("admin:meetings_meeting_change", args=[previous.pk])).content.decode()

    assert f"{reverse('admin:meetings_meeting_next_quarterly')}?project={project_a.pk}" in page
    assert "Plan the next quarterly meeting" in page


def test_a_coordinator_plans_the_next_meeting_and_lands_on_it(
    client, coordinator_a, previous, project_a
):
    client.force_login(coordinator_a)

    response = client.post(
        reverse("admin:meetings_meeting_next_quarterly"), {"project": project_a.pk}
    )

    meeting = Meeting.objects.exclude(pk=previous.pk).get()
    assert response["Location"] == reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = client.get(response["Location"]).content.decode()
    assert "is planned from the previous meeting" in page
    assert "Elena Marinescu" in page


def test_a_coordinator_cannot_plan_another_projects_meeting(
    client, coordinator_b, previous, project_a
):
    client.force_login(coordinator_b)

    response = client.post(
        reverse("admin:meetings_meeting_next_quarterly"), {"project": project_a.pk}
    )

    assert "Select a valid choice" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_planning_without_a_previous_meeting_says_so(client, coordinator_a, project_a):
    client.force_login(coordinator_a)

    response = client.post(
        reverse("admin:meetings_meeting_next_quarterly"), {"project": project_a.pk}
    )

    assert response.status_code == 200
    assert "has no earlier quarterly meeting to start from" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_coordinator_of_one_project_finds_it_already_chosen(client, coordinator_a, project_a):
    client.force_login(coordinator_a)

    page = client.get(reverse("admin:meetings_meeting_next_quarterly")).content.decode()

    assert f'<option value="{project_a.pk}" selected>PA</option>' in page


def test_a_time_typed_for_the_planned_meeting_is_the_one_published(
    client, coordinator_a, previous, project_a
):
    """Plan from a meeting whose time was not announced, then type the new one's time for a
    venue in another zone: the page, the home page and the calendar file all show it."""
    previous.all_day = True
    previous.save()
    client.force_login(coordinator_a)
    response = client.post(
        reverse("admin:meetings_meeting_next_quarterly"), {"project": project_a.pk}
    )
    change_url = response["Location"]
    form = find_form(client.get(change_url).content.decode(), with_field="title_en")
    assert form.data["starts_at_1"] == [""]
    assert form.data["all_day"] == ["on"]
    form.data.update(
        {
            "summary_en": ["The partners meet in Warsaw this quarter."],
            "timezone": ["Europe/Warsaw"],
            "starts_at_1": ["11:30"],
            "ends_at_1": ["14:00"],
        }
    )

    response = client.post(change_url, form.submission())

    assert response.status_code == 302, response.content.decode()
    meeting = Meeting.objects.exclude(pk=previous.pk).get()
    client.post(reverse("admin:meetings_meeting_publication", args=[meeting.pk]))
    assert not meeting.all_day
    assert meeting.starts_at == datetime.datetime(2027, 2, 3, 10, 30, tzinfo=datetime.UTC)
    client.logout()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "11:30" in page
    assert (
        "DTSTART:20270203T103000Z"
        in client.get(f"{meeting.get_absolute_url()}calendar.ics").content.decode()
    )
