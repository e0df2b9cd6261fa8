import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from meetings.enums import MeetingKind, MeetingStatus
from tests.factories import MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def _events(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_meeting_calendar_file_has_the_meeting_in_utc(client):
    MeetingFactory(
        slug="bucharest-event",
        title="Local stakeholders in migrants' integration",
        starts_at=datetime.datetime(2019, 10, 3, 10, tzinfo=BUCHAREST),
        ends_at=datetime.datetime(2019, 10, 3, 14, tzinfo=BUCHAREST),
        venue="Bucharest",
    )

    response = client.get("/en/meetings/bucharest-event/calendar.ics")

    [event] = _events(response)
    assert "attachment" in response["Content-Disposition"]
    assert str(event["SUMMARY"]) == "Local stakeholders in migrants' integration"
    # 10:00 in Bucharest in October (summer time, UTC+3) is 07:00 UTC.
    assert event.decoded("DTSTART") == datetime.datetime(2019, 10, 3, 7, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2019, 10, 3, 11, tzinfo=datetime.UTC)
    assert event["DTSTART"].to_ical() == b"20191003T070000Z"
    assert "Bucharest" in str(event["LOCATION"])
    assert str(event["URL"]).endswith("/en/meetings/bucharest-event/")


def test_meeting_without_announced_time_is_a_whole_day_event(client, demo):
    response = client.get(
        "/en/meetings/integrare-plus-quarterly-meeting-constanta-2016/calendar.ics"
    )

    [event] = _events(response)
    assert event.decoded("DTSTART") == datetime.date(2016, 12, 7)
    assert event.decoded("DTEND") == datetime.date(2016, 12, 8)
    assert "2nd quarterly coordination meeting" in str(event["DESCRIPTION"])


def test_cancelled_meeting_is_marked_cancelled(client):
    MeetingFactory(slug="called-off", status=MeetingStatus.CANCELLED)

    [event] = _events(client.get("/en/meetings/called-off/calendar.ics"))

    assert str(event["STATUS"]) == "CANCELLED"


def test_unpublished_meeting_has_no_calendar_file(client):
    MeetingFactory(slug="secret", is_published=False)

    assert client.get("/en/meetings/secret/calendar.ics").status_code == 404


def test_subscribable_calendar_holds_published_meetings_only(client, demo):
    events = _events(client.get("/en/meetings/calendar.ics"))

    summaries = {str(event["SUMMARY"]) for event in events}
    assert "Quarterly coordination meeting of Region 2 in Constanța" in summaries
    assert "First quarterly coordination meeting of Region 2" not in summaries
    assert len({str(event["UID"]) for event in events}) == len(events)


def test_subscribable_calendar_applies_the_list_filters(client):
    project = ProjectFactory(slug="connection")
    MeetingFactory(title="Partner meeting", kind=MeetingKind.PARTNER_MEETING, projects=[project])
    MeetingFactory(title="Quarterly meeting", kind=MeetingKind.QUARTERLY_COORDINATION)

    by_kind = _events(client.get("/en/meetings/calendar.ics?kind=partner"))
    by_project = _events(client.get("/en/meetings/calendar.ics?project=connection"))

    assert [str(e["SUMMARY"]) for e in by_kind] == ["Partner meeting"]
    assert [str(e["SUMMARY"]) for e in by_project] == ["Partner meeting"]


def test_subscribable_calendar_rejects_bad_filters(client):
    assert client.get("/en/meetings/calendar.ics?quarter=9").status_code == 400


def test_meeting_list_links_to_the_calendar_with_its_filters(client):
    MeetingFactory()

    html = client.get("/en/meetings/?kind=partner").content.decode()

    assert 'href="/en/meetings/calendar.ics?kind=partner"' in html


@pytest.mark.parametrize("n", [2, 50])
def test_subscribable_calendar_query_count_does_not_grow(client, django_assert_num_queries, n):
    for _ in range(n):
        MeetingFactory(projects=[ProjectFactory()])

    # the meetings, then the quarterly meetings' numbers
    with django_assert_num_queries(2):
        events = _events(client.get("/en/meetings/calendar.ics"))

    assert len(events) == n
