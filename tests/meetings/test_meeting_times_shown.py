"""A meeting's time reads in its venue's time zone: the start on cards, and on its own page the
weekday, the end (with its date when it falls on another day) and the zone's name."""

import datetime
import zoneinfo

import pytest
from django.template import engines
from django.utils import translation

from meetings.models import Meeting
from tests.factories import MeetingFactory
from tests.public.conftest import page_text

UTC = datetime.UTC
SHOWN = engines["django"].from_string(
    "{% load meeting_times %}{% meeting_when meeting %}|{% meeting_when meeting long=True %}"
)


def shown(meeting: Meeting, language: str = "en") -> tuple[str, str]:
    with translation.override(language):
        card, page = SHOWN.render({"meeting": meeting}).split("|")
    return card, page


def test_a_warsaw_evening_running_past_midnight_reads_in_warsaw_time():
    meeting = Meeting(
        starts_at=datetime.datetime(2026, 3, 28, 19, 30, tzinfo=UTC),
        ends_at=datetime.datetime(2026, 3, 29, 1, 15, tzinfo=UTC),
        timezone="Europe/Warsaw",
    )

    card, page = shown(meeting)

    assert card == '<time datetime="2026-03-28T20:30:00+01:00">28 March 2026, 20:30</time>'
    assert page == (
        '<time datetime="2026-03-28T20:30:00+01:00">Saturday, 28 March 2026, 20:30</time>'
        # Summer time starts at 02:00 that night: the end is in another offset.
        '–<time datetime="2026-03-29T03:15:00+02:00">29 March 2026, 03:15</time>'
        ' <span class="meta">(time zone Europe/Warsaw)</span>'
    )


def test_days_without_a_time_show_dates_only_and_name_no_zone():
    athens = zoneinfo.ZoneInfo("Europe/Athens")
    meeting = Meeting(
        starts_at=datetime.datetime(2026, 5, 4, tzinfo=athens),
        ends_at=datetime.datetime(2026, 5, 6, tzinfo=athens),
        timezone="Europe/Athens",
        all_day=True,
    )

    card, page = shown(meeting, "ro")

    assert card == '<time datetime="2026-05-04">4 mai 2026</time>'
    assert page == (
        '<time datetime="2026-05-04">Luni, 4 mai 2026</time>'
        '–<time datetime="2026-05-06">6 mai 2026</time>'
    )


@pytest.mark.django_db
def test_the_meeting_page_and_its_card_show_the_venue_time(client):
    MeetingFactory(
        title="Sofia partners' day",
        slug="sofia-partners-day",
        starts_at=datetime.datetime(2026, 10, 8, 7, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2026, 10, 8, 9, 30, tzinfo=UTC),
        timezone="Europe/Sofia",
    )

    page = page_text(client.get("/bg/meetings/sofia-partners-day/"))
    listed = page_text(client.get("/en/meetings/"))

    assert "четвъртък, 8 октомври 2026 г., 10:00 – 12:30 (часова зона Europe/Sofia)" in page
    assert "8 October 2026, 10:00" in listed
