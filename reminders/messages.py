"""The reminder e-mails themselves: subject, text and HTML bodies, calendar file, headers."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from core.site_address import site_url
from meetings.calendar import meetings_calendar
from meetings.enums import MeetingFormat
from meetings.models import Meeting
from reminders.enums import ReminderKind
from reminders.models import Reminder
from reminders.planning import follow_ups_to_list, missing_from_report
from reminders.tokens import unsubscribe_token


def build_message(reminder: Reminder) -> EmailMultiAlternatives:
    """The e-mail for a reminder, in the reminder's language."""
    with translation.override(reminder.language):
        unsubscribe_url = site_url(
            reverse(
                "reminders:unsubscribe", kwargs={"token": unsubscribe_token(reminder.recipient)}
            )
        )
        context = {
            "name": reminder.recipient_name,
            "unsubscribe_url": unsubscribe_url,
            "site_url": site_url(reverse("home")),
        }
        if reminder.kind == ReminderKind.BEFORE_MEETING:
            subject, template, extra, attachments = _before_meeting(reminder.meeting)
        elif reminder.kind == ReminderKind.FOLLOW_UPS:
            subject, template, extra, attachments = _follow_ups(reminder)
        else:
            subject, template, extra, attachments = _after_meeting(reminder)
        context |= extra
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"reminders/email/{template}.txt", context),
            to=[reminder.recipient],
            attachments=attachments,
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                # One click in the mail program unsubscribes, with a POST (RFC 8058).
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string(f"reminders/email/{template}.html", context), "text/html"
        )
    return message


def _before_meeting(meeting: Meeting):
    when = meeting_when(meeting)
    subject = _("Reminder: %(title)s, %(date)s") % {
        "title": meeting.title,
        "date": date_format(meeting.local_starts_at, "DATE_FORMAT"),
    }
    calendar = meetings_calendar([meeting], name=str(meeting.title))
    context = {
        "meeting": meeting,
        "when": when,
        "place": meeting_place(meeting),
        "meeting_url": site_url(meeting.get_absolute_url()) if meeting.is_published else "",
    }
    return subject, "before_meeting", context, [("meeting.ics", calendar, "text/calendar")]


def _after_meeting(reminder: Reminder):
    meeting = reminder.meeting
    missing = missing_from_report(meeting)
    labels = {
        "held": _("it is not marked as held;"),
        "minutes": _("it has no minutes;"),
        "attendance": _("it has no attendance list and no number of participants."),
    }
    subject = _("Please complete the record of %(title)s") % {"title": meeting.title}
    context = {
        "meeting": meeting,
        "when": meeting_when(meeting),
        "missing": [labels[item] for item in missing],
        "days": 3 if reminder.kind == ReminderKind.THREE_DAYS_AFTER else 7,
        "change_url": site_url(reverse("admin:meetings_meeting_change", args=[meeting.pk])),
    }
    return subject, "after_meeting", context, []


def _follow_ups(reminder: Reminder):
    today = timezone.localdate()
    items = list(
        follow_ups_to_list()
        .filter(pk__in=reminder.action_item_ids)
        .select_related("meeting", "responsible_organisation")
        .order_by("due_date", "pk")
    )
    rows = [
        {
            "text": item.text,
            "due": date_format(item.due_date, "DATE_FORMAT"),
            "organisation": item.responsible_organisation,
            "meeting": item.meeting,
            "url": site_url(reverse("admin:meetings_meeting_change", args=[item.meeting_id])),
        }
        for item in items
    ]
    overdue = [row for row, item in zip(rows, items, strict=True) if item.due_date < today]
    due_soon = [row for row, item in zip(rows, items, strict=True) if item.due_date >= today]
    subject = _("Follow-ups: %(overdue)d overdue, %(due)d due within a week") % {
        "overdue": len(overdue),
        "due": len(due_soon),
    }
    return subject, "follow_ups", {"overdue": overdue, "due_soon": due_soon}, []


def meeting_when(meeting: Meeting) -> str:
    """ "Thursday, 7 December 2026, 10:00–12:00 (time zone Europe/Bucharest)", at the venue."""
    start = meeting.local_starts_at
    day = f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}"
    if meeting.all_day:
        return day
    when = f"{day}, {time_format(start, 'TIME_FORMAT')}"
    end = meeting.local_ends_at
    if end is not None:
        if end.date() != start.date():
            when += f" – {date_format(end, 'DATE_FORMAT')}, {time_format(end, 'TIME_FORMAT')}"
        else:
            when += f"–{time_format(end, 'TIME_FORMAT')}"
    return _("%(when)s (time zone %(zone)s)") % {"when": when, "zone": meeting.timezone}


def meeting_place(meeting: Meeting) -> str:
    place = ", ".join(str(part) for part in (meeting.venue, meeting.address, meeting.city) if part)
    if meeting.format == MeetingFormat.ONLINE:
        return _("Online")
    if meeting.format == MeetingFormat.HYBRID:
        return _("%(place)s, and online") % {"place": place} if place else _("Online")
    return place
