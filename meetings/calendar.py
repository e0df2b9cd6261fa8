"""iCalendar files of public meetings, built with the icalendar library.

Times are written in UTC, so every calendar program places them right without time zone
definitions; the venue's time zone stays on the meeting page.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.site_address import site_url
from meetings.enums import MeetingFormat, MeetingStatus
from meetings.models import Meeting

PRODUCT_ID = "-//Integration Portal//Public meetings//EN"


def meeting_event(meeting: Meeting, *, stamp: datetime.datetime) -> Event:
    url = site_url(meeting.get_absolute_url())
    description = "\n\n".join(part for part in (meeting.kind_label, meeting.summary, url) if part)
    location = ", ".join(
        str(part) for part in (meeting.venue, meeting.address, meeting.city) if part
    )
    if not location and meeting.format == MeetingFormat.ONLINE:
        location = _("Online")
    start, end = _event_span(meeting)
    return Event.new(
        # The same UID whatever host served the file: calendars match events by it.
        uid=f"meeting-{meeting.pk}@{settings.SITE_DOMAIN}",
        stamp=stamp,
        start=start,
        end=end,
        summary=meeting.title,
        description=description,
        location=location or None,
        url=url,
        categories=[str(meeting.get_kind_display())],
        status="CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED",
    )


def _event_span(meeting: Meeting) -> tuple[datetime.date, datetime.date | None]:
    """Start and end in UTC, or whole days in the venue's calendar when no time is announced."""
    if meeting.all_day:
        first_day = meeting.local_starts_at.date()
        last_day = meeting.local_ends_at.date() if meeting.ends_at else first_day
        # An all-day event ends, exclusively, on the day after its last day (RFC 5545).
        return first_day, last_day + datetime.timedelta(days=1)
    end = meeting.ends_at.astimezone(datetime.UTC) if meeting.ends_at else None
    return meeting.starts_at.astimezone(datetime.UTC), end


def meetings_calendar(meetings: Iterable[Meeting], *, name: str) -> bytes:
    """One VCALENDAR with a VEVENT per meeting, as bytes ready to serve."""
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    calendar = Calendar.new(
        uid=f"public-meetings@{settings.SITE_DOMAIN}",
        prodid=PRODUCT_ID,
        name=name,
        method="PUBLISH",
        subcomponents=[meeting_event(meeting, stamp=stamp) for meeting in meetings],
    )
    return calendar.to_ical()
