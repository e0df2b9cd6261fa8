import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetings.enums import MeetingStatus, OrganisationRoleInMeeting, Presence
from tests.factories import (
    AttendanceFactory,
    CityFactory,
    ContactFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    RegionFactory,
)

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def venue_time(days_from_today: int, hour: int, zone=BUCHAREST) -> datetime.datetime:
    """`hour` o'clock at the venue, that many days from the venue's today."""
    day = timezone.localtime(timezone.now(), zone).date() + datetime.timedelta(days=days_from_today)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def run_daily() -> str:
    out = io.StringIO()
    call_command("send_reminders", "--skip-cleanups", stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _jobs_run_at_once(settings):
    """The e-mail jobs run as they are queued, as a worker would run them."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def romania(db):
    return RegionFactory(name="Romania", slug="romania", code="RO")


@pytest.fixture
def constanta(romania):
    return CityFactory(name="Constanța", slug="constanta", parent=romania)


@pytest.fixture
def host(romania):
    return OrganisationFactory(name="Host NGO", slug="host-ngo", country=romania)


@pytest.fixture
def upcoming_meeting(project_a, constanta, host):
    """A planned meeting in Constanța, at 10:00 two days from now, with an expected attendee,
    an excused one and the host's contact."""
    meeting = MeetingFactory(
        title="Regional coordination",
        slug="regional-coordination",
        status=MeetingStatus.PLANNED,
        starts_at=venue_time(2, 10),
        ends_at=venue_time(2, 13),
        timezone="Europe/Bucharest",
        venue="Prefecture hall",
        city=constanta,
        host=host,
        projects=[project_a],
    )
    AttendanceFactory(
        meeting=meeting,
        person_name="Ana Pop",
        email="Ana.Pop@example.org",
        presence=Presence.EXPECTED,
    )
    AttendanceFactory(
        meeting=meeting,
        person_name="Ion Excused",
        email="ion@example.org",
        presence=Presence.EXCUSED,
    )
    ContactFactory(organisation=host, name="Maria Host", email="maria@host.example.org")
    return meeting


@pytest.fixture
def organiser_contact(upcoming_meeting):
    organiser = OrganisationFactory(name="Organiser", slug="organiser")
    MeetingOrganisationFactory(
        meeting=upcoming_meeting,
        organisation=organiser,
        role=OrganisationRoleInMeeting.ORGANISER,
    )
    return ContactFactory(organisation=organiser, name="Olga", email="olga@organiser.example.org")
