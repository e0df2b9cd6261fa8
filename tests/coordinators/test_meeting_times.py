"""A meeting's times are typed and shown in its venue's time zone, which the form names; an empty
time box means "time not announced", and a typed time clears it."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from meetings.enums import MeetingStatus
from meetings.models import Meeting
from tests.factories import CityFactory, MeetingFactory, OrganisationFactory, RegionFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


@pytest.fixture
def conference(project_a):
    """A planned, published conference in Warsaw on Wednesday 3 March 2027, time not announced."""
    poland = RegionFactory(name="Poland", slug="poland", code="PL")
    return MeetingFactory(
        title_en="Conference in Warsaw",
        slug="conference-in-warsaw",
        starts_at=datetime.datetime(2027, 3, 3, tzinfo=WARSAW),
        all_day=True,
        timezone="Europe/Warsaw",
        city=CityFactory(name="Warsaw", slug="warsaw", parent=poland),
        status=MeetingStatus.PLANNED,
        projects=[project_a],
    )


def _change_url(meeting: Meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def _form(client, meeting: Meeting):
    return find_form(client.get(_change_url(meeting)).content.decode(), with_field="title_en")


def _save(client, meeting: Meeting, **typed: str):
    """Open the meeting's page, type into its boxes as a person would, and save."""
    form = _form(client, meeting)
    for name, value in typed.items():
        assert name in form.kinds, f"the form has no {name} box"
        form.data[name] = [value] if value != "" else [""]
    return client.post(_change_url(meeting), form.submission())


def _public_page(client, meeting: Meeting) -> str:
    return client.get(meeting.get_absolute_url()).content.decode()


def _calendar(client, meeting: Meeting) -> str:
    return client.get(f"{meeting.get_absolute_url()}calendar.ics").content.decode()


@pytest.mark.parametrize(
    ("day", "stored_utc"),
    [
        # Winter: Warsaw is UTC+1 (Bucharest, the server's zone, UTC+2).
        ("2027-03-03", datetime.datetime(2027, 3, 3, 10, 30, tzinfo=UTC)),
        # Summer: Warsaw is UTC+2.
        ("2027-06-02", datetime.datetime(2027, 6, 2, 9, 30, tzinfo=UTC)),
    ],
)
def test_a_time_typed_for_a_warsaw_meeting_is_warsaw_time(
    client, coordinator_a, conference, day, stored_utc
):
    conference.timezone = "Europe/Warsaw"
    conference.save()
    client.force_login(coordinator_a)

    response = _save(client, conference, starts_at_0=day, starts_at_1="11:30")

    assert response.status_code == 302, response.content.decode()
    conference.refresh_from_db()
    assert conference.starts_at == stored_utc
    assert not conference.all_day
    assert "11:30" in _public_page(client, conference)
    assert f"DTSTART:{stored_utc:%Y%m%dT%H%M%S}Z" in _calendar(client, conference)


def test_the_stored_time_comes_back_in_the_venue_zone(client, coordinator_a, conference):
    conference.starts_at = datetime.datetime(2027, 3, 3, 10, 30, tzinfo=UTC)
    conference.all_day = False
    conference.save()
    client.force_login(coordinator_a)

    form = _form(client, conference)

    assert form.data["starts_at_1"] == ["11:30:00"]
    # Saving unchanged keeps the moment: what is shown is read back in the same zone.
    client.post(_change_url(conference), form.submission())
    conference.refresh_from_db()
    assert conference.starts_at == datetime.datetime(2027, 3, 3, 10, 30, tzinfo=UTC)


def test_the_form_says_which_zone_the_times_are_in(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    page = client.get(_change_url(conference)).content.decode()

    assert "Times in Europe/Warsaw." in page
    assert 'id="id_starts_at_timezone_warning_helptext"' in page


def test_times_are_read_in_a_zone_changed_in_the_same_save(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    assert meeting_a.timezone == "Europe/Bucharest"

    response = _save(
        client,
        meeting_a,
        timezone="Europe/Warsaw",
        starts_at_0="2027-03-03",
        starts_at_1="11:30",
        ends_at_0="",
        ends_at_1="13:00",
    )

    assert response.status_code == 302, response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.timezone == "Europe/Warsaw"
    assert meeting_a.starts_at == datetime.datetime(2027, 3, 3, 10, 30, tzinfo=UTC)
    # An end time alone is on the day the meeting starts.
    assert meeting_a.ends_at == datetime.datetime(2027, 3, 3, 12, 0, tzinfo=UTC)
    assert "Times in Europe/Warsaw." in client.get(_change_url(meeting_a)).content.decode()


def test_the_zone_is_chosen_from_the_iana_list(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    form = _form(client, conference)

    assert form.kinds["timezone"] == "select"
    assert {"Europe/Warsaw", "Europe/Sofia", "America/New_York", "UTC"} <= set(
        form.options["timezone"]
    )
    assert form.data["timezone"] == ["Europe/Warsaw"]


def test_the_zones_are_grouped_by_area_europe_first(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    page = client.get(reverse("admin:meetings_meeting_change", args=[conference.pk])).content
    zones = page.decode().split('name="timezone"', 1)[1].split("</select>", 1)[0]

    assert zones.index('<optgroup label="Europe">') < zones.index('<optgroup label="America">')
    assert '<option value="Europe/Warsaw" selected>' in zones


def test_an_unknown_zone_is_refused_and_nothing_changes(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    response = _save(client, conference, timezone="Europe/Atlantis", starts_at_1="11:30")

    assert response.status_code == 200
    assert "Europe/Atlantis is not a known time zone" in response.content.decode()
    conference.refresh_from_db()
    assert conference.timezone == "Europe/Warsaw"
    assert conference.all_day


def test_a_zone_left_to_the_venue_comes_from_its_country(client, coordinator_a, meeting_a):
    greece = RegionFactory(name="Greece", slug="greece", code="GR")
    meeting_a.city = CityFactory(name="Thessaloniki", slug="thessaloniki", parent=greece)
    meeting_a.save()
    client.force_login(coordinator_a)

    response = _save(client, meeting_a, timezone="", starts_at_0="2027-03-03", starts_at_1="11:30")

    assert response.status_code == 302, response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.timezone == "Europe/Athens"
    assert meeting_a.starts_at == datetime.datetime(2027, 3, 3, 9, 30, tzinfo=UTC)


def test_a_new_meeting_takes_the_zone_of_its_hosts_country(client, coordinator_a, project_a):
    bulgaria = RegionFactory(name="Bulgaria", slug="bulgaria", code="BG")
    host = OrganisationFactory(name="Sofia Development Association", country=bulgaria)
    client.force_login(coordinator_a)
    add_url = reverse("admin:meetings_meeting_add")
    form = find_form(client.get(add_url).content.decode(), with_field="title_en")
    assert form.data["timezone"] == [""]
    form.data.update(
        {
            "title_en": ["Partner meeting in Sofia"],
            "slug": [""],
            "host": [str(host.pk)],
            "starts_at_0": ["2027-03-03"],
            "starts_at_1": ["11:30"],
        }
    )

    response = client.post(add_url, form.submission())

    assert response.status_code == 302, response.content.decode()
    meeting = Meeting.objects.get(title_en="Partner meeting in Sofia")
    assert meeting.timezone == "Europe/Sofia"
    assert meeting.starts_at == datetime.datetime(2027, 3, 3, 9, 30, tzinfo=UTC)
    assert meeting.slug == "partner-meeting-in-sofia"


# --- Time not announced


def test_a_meeting_without_a_time_shows_an_empty_time_box(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    form = _form(client, conference)

    assert form.data["starts_at_0"] == ["2027-03-03"]
    assert form.data["starts_at_1"] == [""]
    assert form.data["all_day"] == ["on"]


def test_a_time_typed_clears_time_not_announced(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    # The box "time not announced" stays ticked, as a hurried coordinator leaves it.
    response = _save(client, conference, starts_at_1="11:30", ends_at_1="13:00")

    assert response.status_code == 302, response.content.decode()
    conference.refresh_from_db()
    assert not conference.all_day
    assert conference.local_starts_at.time() == datetime.time(11, 30)
    assert conference.local_ends_at.time() == datetime.time(13, 0)
    page = _public_page(client, conference)
    assert "11:30" in page
    assert "13:00" in page


def test_ticking_time_not_announced_withdraws_the_time(client, coordinator_a, conference):
    conference.starts_at = datetime.datetime(2027, 3, 3, 11, 30, tzinfo=WARSAW)
    conference.ends_at = datetime.datetime(2027, 3, 3, 13, 0, tzinfo=WARSAW)
    conference.all_day = False
    conference.save()
    client.force_login(coordinator_a)

    response = _save(client, conference, all_day="on")

    assert response.status_code == 302, response.content.decode()
    conference.refresh_from_db()
    assert conference.all_day
    assert conference.local_starts_at == datetime.datetime(2027, 3, 3, tzinfo=WARSAW)
    assert conference.ends_at is None
    assert "11:30" not in _public_page(client, conference)
    assert "DTSTART;VALUE=DATE:20270303" in _calendar(client, conference)


def test_an_emptied_time_box_means_time_not_announced(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)

    response = _save(client, meeting_a, starts_at_1="")

    assert response.status_code == 302, response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.all_day


def test_a_time_that_does_not_exist_at_the_venue_is_refused(client, coordinator_a, conference):
    client.force_login(coordinator_a)

    # Clocks in Warsaw go from 02:00 to 03:00 on 28 March 2027.
    response = _save(client, conference, starts_at_0="2027-03-28", starts_at_1="02:30")

    assert response.status_code == 200
    assert "does not exist or happens twice in Europe/Warsaw" in response.content.decode()
    conference.refresh_from_db()
    assert conference.local_starts_at.date() == datetime.date(2027, 3, 3)


def test_agenda_times_are_said_to_be_at_the_venue_not_in_the_servers_zone(
    client, coordinator_a, conference
):
    client.force_login(coordinator_a)

    page = client.get(_change_url(conference)).content.decode()

    assert "Time at the venue, in the meeting&#x27;s time zone." in page
