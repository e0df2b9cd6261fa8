"""A meeting's time as lists and its page show it, in the venue's time zone."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def meeting_when(meeting, long: bool = False) -> SafeString:
    """The meeting's start as a <time>, in the venue's time zone, the date alone when no time
    is announced; with `long`, its weekday, its end and the name of the time zone too.

    Written here rather than in a template: lists show it on every card, and an included
    template with three date filters in a time zone block made 20 meeting cards take 5.1 ms
    instead of 3.7."""
    starts = meeting.local_starts_at
    ends = meeting.local_ends_at if long else None
    weekday = f"{date_format(starts, 'l')}, " if long else ""
    if meeting.all_day:
        when = _time(starts.date().isoformat(), weekday + date_format(starts, "DATE_FORMAT"))
        if ends and ends.date() != starts.date():
            when += format_html(
                "–{}", _time(ends.date().isoformat(), date_format(ends, "DATE_FORMAT"))
            )
        return when
    start_time = f"{date_format(starts, 'DATE_FORMAT')}, {date_format(starts, 'TIME_FORMAT')}"
    when = _time(starts.isoformat(), weekday + start_time)
    if ends:
        end_time = date_format(ends, "TIME_FORMAT")
        if ends.date() != starts.date():
            end_time = f"{date_format(ends, 'DATE_FORMAT')}, {end_time}"
        when += format_html("–{}", _time(ends.isoformat(), end_time))
    if long:
        zone = gettext("time zone %(zone)s") % {"zone": meeting.timezone}
        when += format_html(' <span class="meta">({})</span>', zone)
    return when


def _time(machine_readable: str, text: str) -> SafeString:
    return format_html('<time datetime="{}">{}</time>', machine_readable, text)
