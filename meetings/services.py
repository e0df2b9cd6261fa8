"""Writes that touch several rows of the meetings app. The admin and commands call these."""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.publication import Publication, publish, set_published
from core.quarters import Quarter
from core.slugs import unique_slug
from meetings.enums import (
    ActionItemStatus,
    MeetingKind,
    MeetingStatus,
    OrganisationRoleInMeeting,
    Presence,
)
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from projects.models import Project

# --- Quarters

SATURDAY = 5


def next_quarterly_start(previous_start: datetime.datetime, *, today: datetime.date):
    """The same place in the next quarter, on a working day, at the same local time.

    A meeting on a weekday gives the same weekday of the same week of the quarter's month:
    after the first Wednesday of December, the first Wednesday of March (the last one when a
    month lacks a fifth). A meeting held at a weekend gives the same day of the month, moved on
    to the Monday after if it falls at a weekend.

    The next quarter is the one after the previous meeting's, or, when that one is already
    over, the one after today's: a planned meeting lies ahead.
    """
    quarter = Quarter.containing(previous_start.date()).next
    if quarter < Quarter.containing(today):
        quarter = Quarter.containing(today).next
    while True:
        month = quarter.first_day.month + (previous_start.month - 1) % 3
        day = _same_place_in_month(previous_start.date(), year=quarter.year, month=month)
        if day >= today:
            return previous_start.replace(year=day.year, month=day.month, day=day.day)
        quarter = quarter.next


def _same_place_in_month(previous: datetime.date, *, year: int, month: int) -> datetime.date:
    days_in_month = calendar.monthrange(year, month)[1]
    weekday = previous.weekday()
    if weekday < SATURDAY:
        week = (previous.day - 1) // 7
        first_weekday = (weekday - datetime.date(year, month, 1).weekday()) % 7 + 1
        day = first_weekday + 7 * week
        return datetime.date(year, month, day if day <= days_in_month else day - 7)
    day = datetime.date(year, month, min(previous.day, days_in_month))
    if day.weekday() >= SATURDAY:
        day += datetime.timedelta(days=7 - day.weekday())
    return day


# --- Planning the next quarterly meeting

# Organisations that come back each quarter; speakers and guests change.
RECURRING_ORGANISATION_ROLES = [
    OrganisationRoleInMeeting.ORGANISER,
    OrganisationRoleInMeeting.SUPPORTING,
]


def previous_quarterly_meeting(project: Project) -> Meeting | None:
    """The project's latest quarterly coordination meeting that was not cancelled."""
    return (
        Meeting.objects.filter(
            kind=MeetingKind.QUARTERLY_COORDINATION, meeting_projects__project=project
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at", "-pk")
        .first()
    )


def plan_next_quarterly_meeting(
    *, project: Project, planned_by, today: datetime.date | None = None
) -> Meeting:
    """Create the project's next quarterly coordination meeting from its previous one.

    Side effects, in one transaction: a new meeting, status planned and unpublished, dated in
    the next quarter (see `next_quarterly_start`) at the previous meeting's local time and for
    as long, or with its time not announced when the previous one had none; with the previous
    meeting's format, venue, address, city, host, region and time zone; its projects and
    recurring organisations
    (organisers, supporting organisations); its agenda as a skeleton (order, time and title,
    without speakers or descriptions); and its attendance list as expected attendees.

    Raises ValidationError when the project has no earlier quarterly meeting to start from.
    """
    previous = previous_quarterly_meeting(project)
    if previous is None:
        raise ValidationError(
            _("%(project)s has no earlier quarterly meeting to start from: add the first one."),
            code="no_previous_meeting",
            params={"project": project},
        )
    today = today or timezone.localdate()
    starts_at = next_quarterly_start(previous.local_starts_at, today=today)
    quarter = Quarter.containing(starts_at.date())
    # Only a time the previous meeting announced is proposed again; otherwise the new one has
    # none either, until its coordinator types one.
    time_known = not previous.all_day
    if time_known and previous.ends_at:
        ends_at = starts_at + (previous.local_ends_at - previous.local_starts_at)
    else:
        ends_at = None
    if not time_known:
        starts_at = starts_at.replace(hour=0, minute=0, second=0, microsecond=0)

    with transaction.atomic():
        meeting = Meeting(
            kind=MeetingKind.QUARTERLY_COORDINATION,
            format=previous.format,
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=not time_known,
            timezone=previous.timezone,
            address=previous.address,
            latitude=previous.latitude,
            longitude=previous.longitude,
            city_id=previous.city_id,
            host_id=previous.host_id,
            region_id=previous.region_id,
            status=MeetingStatus.PLANNED,
            is_published=False,
            slug=unique_slug(
                Meeting,
                f"{project.slug}-quarterly-meeting-{quarter.year}-q{quarter.number}",
                fallback="quarterly-meeting",
            ),
        )
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                title = gettext("%(project)s quarterly coordination meeting, %(quarter)s") % {
                    "project": project,
                    "quarter": quarter.label,
                }
            setattr(
                meeting,
                build_localized_fieldname("title", code),
                title,
            )
            venue_field = build_localized_fieldname("venue", code)
            setattr(meeting, venue_field, getattr(previous, venue_field))
        meeting.full_clean()
        meeting._history_user = planned_by
        meeting.save()

        _copy_rows(
            MeetingProject.objects.filter(meeting=previous),
            meeting,
            fields=["project_id", "role"],
            by=planned_by,
        )
        _copy_rows(
            MeetingOrganisation.objects.filter(
                meeting=previous, role__in=RECURRING_ORGANISATION_ROLES
            ),
            meeting,
            fields=["organisation_id", "role"],
            by=planned_by,
        )
        _copy_rows(
            AgendaItem.objects.filter(meeting=previous),
            meeting,
            fields=[
                "order",
                "time",
                *(build_localized_fieldname("title", code) for code, _n in settings.LANGUAGES),
            ],
            by=planned_by,
        )
        _copy_rows(
            Attendance.objects.filter(meeting=previous),
            meeting,
            fields=["contact_id", "person_name", "organisation_id", "position", "email"],
            extra={"presence": Presence.EXPECTED},
            by=planned_by,
        )
    return meeting


def _copy_rows(queryset, meeting: Meeting, *, fields: list[str], by, extra=None) -> None:
    for source in queryset:
        copy = type(source)(meeting=meeting, **{name: getattr(source, name) for name in fields})
        for name, value in (extra or {}).items():
            setattr(copy, name, value)
        copy.full_clean()
        copy._history_user = by
        copy.save()


# --- Action items carried over from earlier meetings


def close_action_items(
    *, items: Iterable[ActionItem], meeting: Meeting, closed_by
) -> list[ActionItem]:
    """Mark open action items as done at `meeting`.

    Side effects, in one transaction: each still-open item gets status done, `closed_in` this
    meeting and `closed_on` the meeting's local date. Items already closed are left alone.
    Returns the items closed.
    """
    closed = []
    with transaction.atomic():
        for item in items:
            if item.status != ActionItemStatus.OPEN:
                continue
            item.status = ActionItemStatus.DONE
            item.closed_in = meeting
            item.closed_on = meeting.local_starts_at.date()
            item.full_clean()
            item._history_user = closed_by
            item.save(update_fields=["status", "closed_in", "closed_on"])
            closed.append(item)
    return closed


# --- Importing attendees


@dataclass
class ImportedRow:
    number: int
    values: dict[str, str]
    status: str  # "new", "skipped" or "error"
    errors: list[str] = field(default_factory=list)
    #: The organisation name of the row that no organisation answers to, if any.
    unknown_organisation: str = ""

    @property
    def only_organisation_unknown(self) -> bool:
        return bool(self.unknown_organisation) and len(self.errors) == 1


@dataclass
class AttendeeImport:
    """What an import did (or, in a preview, would do), row by row."""

    rows: list[ImportedRow]
    saved: bool
    #: Organisations added for this import (none in a preview, which adds nothing).
    added_organisations: list = field(default_factory=list)

    @property
    def error_rows(self) -> list[ImportedRow]:
        return [row for row in self.rows if row.status == "error"]

    @property
    def unknown_organisations(self) -> list[str]:
        """The organisation names no organisation answers to, once each, in file order."""
        names = {}
        for row in self.rows:
            if row.unknown_organisation:
                names.setdefault(row.unknown_organisation.casefold(), row.unknown_organisation)
        return list(names.values())

    @property
    def blocked_only_by_unknown_organisations(self) -> bool:
        """Adding the unknown organisations would let every row through."""
        errors = self.error_rows
        return bool(errors) and all(row.only_organisation_unknown for row in errors)

    @property
    def new_count(self) -> int:
        return sum(row.status == "new" for row in self.rows)

    @property
    def skipped_count(self) -> int:
        return sum(row.status == "skipped" for row in self.rows)

    @property
    def has_errors(self) -> bool:
        return bool(self.error_rows)


def import_attendees(
    *,
    meeting: Meeting,
    dataset: tablib.Dataset,
    presence: str,
    imported_by,
    dry_run: bool,
    add_organisations: Iterable[str] = (),
) -> AttendeeImport:
    """Add the people in `dataset` (columns name, organisation, position, email, presence,
    and optionally row, the number each had in the file) to the meeting's attendance list.

    Side effects, in one transaction: first, for each name in `add_organisations` that the
    list uses and no organisation answers to, a new organisation awaiting an editor's review
    (see `add_unreviewed_organisation`); then one attendance row per new person, linked to
    the contact with the same e-mail if there is one that `imported_by` may read or that
    belongs to the organisation of the row. People already on the list are skipped. If any
    row is invalid nothing is saved, the organisations neither, and with `dry_run` nothing is
    saved either: the result says what would happen, row by row.
    """
    from meetings.resources import AttendeeResource, find_organisation
    from partners.services import add_unreviewed_organisation

    resource = AttendeeResource(meeting=meeting, presence=presence, imported_by=imported_by)
    wanted = {" ".join(name.split()).casefold() for name in add_organisations}
    used = {}
    if wanted and "organisation" in (dataset.headers or []):
        for name in dataset["organisation"]:
            name = " ".join(str(name or "").split())
            if name.casefold() in wanted:
                used.setdefault(name.casefold(), name)
    with transaction.atomic():
        added = [
            add_unreviewed_organisation(name=name)
            for name in used.values()
            if find_organisation(name) is None
        ]
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            use_transactions=True,
            rollback_on_validation_errors=True,
            raise_errors=False,
        )
        report = AttendeeImport(
            rows=[
                resource.describe_row(number, row_result)
                for number, row_result in enumerate(result.rows, start=1)
            ],
            saved=False,
            added_organisations=added,
        )
        base_errors = [str(error.error) for error in result.base_errors]
        if base_errors:
            report.rows.append(ImportedRow(number=0, values={}, status="error", errors=base_errors))
        if dry_run or report.has_errors:
            transaction.set_rollback(True)
            report.added_organisations = []
        else:
            report.saved = True
    return report


# --- Publication


def publish_meetings(*, meetings: Iterable[Meeting], by) -> Publication:
    """Publish meetings, recording who and when (see `set_published`).

    Meetings that may not be published yet (a draft, no summary: `Meeting.publication_problems`)
    are left unpublished and returned in `refused` with their problems.
    """
    return publish(items=meetings, by=by)


def unpublish_meetings(*, meetings: Iterable[Meeting], by) -> list[Meeting]:
    """Take meetings off the public site; their change history keeps who did it and when."""
    return set_published(items=meetings, published=False, by=by)
