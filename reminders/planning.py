"""Which reminders are due at a moment: who gets which e-mail about which meeting.

Reads every meeting's private rows (attendance, contacts, follow-ups), so callers run it with
scopes disabled: it decides whom to write to, and shows nothing to anyone.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.roles import Role
from core.search import translations_of
from meetings.enums import (
    ActionItemKind,
    ActionItemStatus,
    MeetingStatus,
    OrganisationRoleInMeeting,
    Presence,
    ProjectRoleInMeeting,
)
from meetings.models import ActionItem, Attendance, Meeting, MeetingOrganisation, MeetingProject
from partners.models import Contact, Region
from projects.models import Project
from reminders.enums import ReminderKind
from reminders.languages import meeting_country, organisation_country

# Organisers are reminded until this long after a meeting; an older meeting is not nagged about.
LAST_DAY_AFTER = 14
FOLLOW_UP_HORIZON = datetime.timedelta(days=7)
NOT_COMING = [Presence.EXCUSED, Presence.ABSENT]


@dataclass
class DueReminder:
    kind: str
    occasion: datetime.date
    recipient: str
    name: str = ""
    meeting: Meeting | None = None
    # The country whose language the e-mail is in, unless the recipient chose one.
    country: Region | None = None
    action_item_ids: list[int] = field(default_factory=list)


def due_reminders(now: datetime.datetime) -> list[DueReminder]:
    return [
        *reminders_before_meetings(now),
        *reminders_after_meetings(now),
        *follow_up_digests(now),
    ]


# --- Before a meeting: its expected attendees and its organisers' contacts


def days_before(meeting: Meeting) -> int:
    return meeting.reminder_days_before or settings.REMINDER_DAYS_BEFORE


def venue_day(meeting: Meeting, moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, meeting.venue_timezone).date()


def reminders_before_meetings(now: datetime.datetime) -> list[DueReminder]:
    upcoming = Meeting.objects.filter(
        reminders_enabled=True, status=MeetingStatus.PLANNED, starts_at__gt=now
    )
    # Only the meetings the longest notice can reach, not every planned meeting of the years.
    longest = upcoming.aggregate(longest=Max("reminder_days_before"))["longest"] or 0
    horizon = now + datetime.timedelta(days=max(longest, settings.REMINDER_DAYS_BEFORE) + 1)
    meetings = upcoming.filter(starts_at__lte=horizon).select_related(
        "city", "host__country", "host__city"
    )
    due = []
    for meeting in meetings:
        meeting_day = meeting.local_starts_at.date()
        if venue_day(meeting, now) < meeting_day - datetime.timedelta(days=days_before(meeting)):
            continue
        country = meeting_country(meeting)
        for email, name in before_meeting_recipients(meeting):
            due.append(
                DueReminder(
                    kind=ReminderKind.BEFORE_MEETING,
                    occasion=meeting_day,
                    recipient=email,
                    name=name,
                    meeting=meeting,
                    country=country,
                )
            )
    return due


def before_meeting_recipients(meeting: Meeting) -> list[tuple[str, str]]:
    """Addresses (lower case) and names of the expected attendees and the contacts of the
    organising organisations: the host and those taking part as organisers."""
    attendees = (
        Attendance.objects.filter(meeting=meeting)
        .exclude(email="")
        .exclude(presence__in=NOT_COMING)
        .values_list("email", "person_name")
    )
    organisers = MeetingOrganisation.objects.filter(
        meeting=meeting, role=OrganisationRoleInMeeting.ORGANISER
    ).values("organisation_id")
    contacts = (
        Contact.objects.filter(Q(organisation_id=meeting.host_id) | Q(organisation__in=organisers))
        .exclude(email="")
        .values_list("email", "name")
    )
    recipients: dict[str, str] = {}
    for email, name in [*attendees, *contacts]:
        recipients.setdefault(email.strip().lower(), name)
    return list(recipients.items())


# --- After a meeting: its coordinators, while its report is missing


def reminders_after_meetings(now: datetime.datetime) -> list[DueReminder]:
    with_attendance = Attendance.objects.filter(meeting=OuterRef("pk"))
    meetings = (
        Meeting.objects.filter(
            reminders_enabled=True,
            starts_at__lt=now - datetime.timedelta(days=2),
            starts_at__gt=now - datetime.timedelta(days=LAST_DAY_AFTER + 1),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(has_attendance=Exists(with_attendance))
        .select_related("city", "host__country", "host__city")
    )
    incomplete = [
        (meeting, kind)
        for meeting in meetings
        if (kind := after_meeting_kind(meeting, now)) and missing_from_report(meeting)
    ]
    coordinators = coordinators_of_meetings([meeting.pk for meeting, _kind in incomplete])
    due = []
    for meeting, kind in incomplete:
        country = meeting_country(meeting)
        for email, name in coordinators.get(meeting.pk, {}).items():
            due.append(
                DueReminder(
                    kind=kind,
                    occasion=meeting.local_starts_at.date(),
                    recipient=email,
                    name=name,
                    meeting=meeting,
                    country=country,
                )
            )
    return due


def after_meeting_kind(meeting: Meeting, now: datetime.datetime) -> str | None:
    days_since = (venue_day(meeting, now) - meeting.local_starts_at.date()).days
    if 3 <= days_since < 7:
        return ReminderKind.THREE_DAYS_AFTER
    if 7 <= days_since <= LAST_DAY_AFTER:
        return ReminderKind.SEVEN_DAYS_AFTER
    return None


def missing_from_report(meeting: Meeting) -> list[str]:
    """What the meeting's record still lacks: "held", "minutes", "attendance"."""
    missing = []
    if meeting.status != MeetingStatus.HELD:
        missing.append("held")
    if not translations_of(meeting, "minutes"):
        missing.append("minutes")
    has_attendance = getattr(meeting, "has_attendance", None)
    if has_attendance is None:
        has_attendance = Attendance.objects.filter(meeting=meeting).exists()
    if not has_attendance and meeting.participant_count is None:
        missing.append("attendance")
    return missing


def coordinators_of_meetings(meeting_ids) -> dict[int, dict[str, str]]:
    """{meeting id: {address: name}} of the active coordinators of each meeting's organising
    projects."""
    projects_of = defaultdict(set)
    for meeting_id, project_id in MeetingProject.objects.filter(
        meeting_id__in=meeting_ids, role=ProjectRoleInMeeting.ORGANISER
    ).values_list("meeting_id", "project_id"):
        projects_of[meeting_id].add(project_id)
    project_ids = set().union(*projects_of.values())
    coordinators_of_project = defaultdict(dict)
    links = Project.coordinators.through.objects.filter(
        project_id__in=project_ids,
        user__is_active=True,
        user__groups__name=Role.COORDINATOR,
    ).values_list("project_id", "user__email", "user__full_name")
    for project_id, email, name in links:
        coordinators_of_project[project_id][email.strip().lower()] = name
    return {
        meeting_id: {
            email: name
            for project_id in sorted(project_ids)
            for email, name in coordinators_of_project[project_id].items()
        }
        for meeting_id, project_ids in projects_of.items()
    }


# --- Follow-ups: a weekly digest of what is due within a week or overdue


def follow_ups_to_list() -> QuerySet[ActionItem]:
    """The follow-ups a digest may list: open actions of meetings that were not cancelled and
    whose reminders are on. Read when a digest is planned and again when it is sent."""
    return ActionItem.objects.filter(
        kind=ActionItemKind.ACTION,
        status=ActionItemStatus.OPEN,
        meeting__reminders_enabled=True,
    ).exclude(meeting__status=MeetingStatus.CANCELLED)


def follow_up_digests(now: datetime.datetime) -> list[DueReminder]:
    today = timezone.localdate(now)
    week = today - datetime.timedelta(days=today.weekday())
    items = list(
        follow_ups_to_list()
        .filter(due_date__lte=today + FOLLOW_UP_HORIZON)
        .select_related("responsible_organisation__country", "responsible_organisation__city")
        .order_by("due_date", "pk")
    )
    digests: dict[str, DueReminder] = {}

    def add(email: str, name: str, item: ActionItem, country: Region | None) -> None:
        digest = digests.setdefault(
            email,
            DueReminder(
                kind=ReminderKind.FOLLOW_UPS,
                occasion=week,
                recipient=email,
                name=name,
                country=country,
            ),
        )
        if item.pk not in digest.action_item_ids:
            digest.action_item_ids.append(item.pk)

    organisation_ids = {item.responsible_organisation_id for item in items} - {None}
    contacts = defaultdict(dict)
    for organisation_id, email, name in (
        Contact.objects.filter(organisation_id__in=organisation_ids)
        .exclude(email="")
        .values_list("organisation_id", "email", "name")
    ):
        contacts[organisation_id].setdefault(email.strip().lower(), name)
    coordinators = coordinators_of_meetings({item.meeting_id for item in items})
    countries = {
        organisation.pk: organisation_country(organisation)
        for organisation in {item.responsible_organisation for item in items} - {None}
    }
    for item in items:
        country = countries.get(item.responsible_organisation_id)
        for email, name in contacts.get(item.responsible_organisation_id, {}).items():
            add(email, name, item, country)
        for email, name in coordinators.get(item.meeting_id, {}).items():
            add(email, name, item, country)
    return list(digests.values())
