"""The back office's front page for those who follow meetings: what is coming, what was held
this quarter, which action items are late. Scoped like every other door (meetings_visible_to)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from core.quarters import Quarter
from meetings.enums import MeetingStatus, Presence
from meetings.models import ActionItem, Meeting, MeetingProject
from meetings.permissions import meetings_editable_by, meetings_visible_to
from partners.models import Region
from projects.models import Project

UPCOMING_SHOWN = 8
OVERDUE_SHOWN = 10
TO_MARK_SHOWN = 8
#: How far back a meeting whose attendance is still unmarked is offered for marking.
TO_MARK_DAYS = 60


@dataclass
class Dashboard:
    quarter_label: str
    upcoming: list[Meeting]
    held_per_project: list[tuple[Project, int]]
    held_per_region: list[tuple[Region | None, int]]
    overdue: list[ActionItem]
    overdue_count: int
    #: Meetings of today and the last weeks the user may mark, with people still unmarked.
    to_mark: list[Meeting] = field(default_factory=list)


def staff_dashboard(user, *, today: datetime.date | None = None) -> Dashboard | None:
    """What the user may follow, or None for those who do not work with meetings.

    Eight queries whatever the number of meetings: upcoming meetings, held meetings per project
    and the projects, per region and the regions, overdue items and their count, and the
    meetings whose attendance is still to be marked.
    """
    if not user.has_perm("meetings.view_meeting"):
        return None
    today = today or timezone.localdate()
    visible = meetings_visible_to(user).values("pk")
    quarter = Quarter.containing(today)

    upcoming = list(
        Meeting.objects.filter(pk__in=visible)
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.DRAFT])
        .upcoming()
        .with_places()[:UPCOMING_SHOWN]
    )

    held = Meeting.objects.filter(
        pk__in=visible,
        status=MeetingStatus.HELD,
        starts_at__gte=quarter.starts_at,
        starts_at__lt=quarter.ends_at,
    )
    per_project = dict(
        MeetingProject.objects.filter(meeting__in=held.values("pk"))
        .values_list("project")
        .annotate(count=Count("meeting", distinct=True))
        .values_list("project", "count")
    )
    projects = Project.objects.in_bulk(list(per_project))
    per_region = dict(
        held.order_by()
        .values_list("region")
        .annotate(count=Count("pk"))
        .values_list("region", "count")
    )
    regions = Region.objects.in_bulk([pk for pk in per_region if pk is not None])

    overdue = ActionItem.objects.overdue().filter(meeting__in=visible)
    return Dashboard(
        quarter_label=quarter.label,
        upcoming=upcoming,
        held_per_project=sorted(
            ((projects[pk], count) for pk, count in per_project.items()),
            key=lambda pair: (-pair[1], str(pair[0])),
        ),
        held_per_region=sorted(
            ((regions.get(pk), count) for pk, count in per_region.items()),
            key=lambda pair: (-pair[1], str(pair[0] or "")),
        ),
        overdue=list(
            overdue.select_related("meeting", "responsible_organisation").order_by(
                "due_date", "pk"
            )[:OVERDUE_SHOWN]
        ),
        overdue_count=overdue.count(),
        to_mark=_attendance_to_mark(user, today=today),
    )


def _attendance_to_mark(user, *, today: datetime.date) -> list[Meeting]:
    """Meetings from the last TO_MARK_DAYS up to today that the user may change and whose
    list still has people expected: the coordinator's next job after a meeting."""
    if not user.has_perm("meetings.change_attendance"):
        return []
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=TO_MARK_DAYS), datetime.time())
    )
    until = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )
    return list(
        meetings_editable_by(user)
        .filter(
            starts_at__gte=since,
            starts_at__lt=until,
            attendances__presence=Presence.EXPECTED,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .distinct()
        .order_by("-starts_at")[:TO_MARK_SHOWN]
    )
