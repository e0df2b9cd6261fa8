"""The reads behind the reports, each fetching what its document shows in a fixed number of
queries however many attendees, items or meetings there are."""

from django.db.models import Prefetch, Q, QuerySet

from core.quarters import Quarter
from meetings.enums import ActionItemKind, MeetingStatus
from meetings.models import (
    ActionItem,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from meetings.permissions import action_items_carried_to
from partners.models import Region
from projects.models import Project


def with_report_details(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with everything a meeting report or attendance sheet prints."""
    return (
        meetings.with_places()
        .with_ordinal()
        .prefetch_related(
            Prefetch(
                "meeting_projects",
                queryset=MeetingProject.objects.select_related("project"),
            ),
            Prefetch(
                "meeting_organisations",
                queryset=MeetingOrganisation.objects.select_related("organisation"),
            ),
            "agenda_items",
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("organisation"),
            ),
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.select_related("responsible_organisation"),
            ),
            "attachments",
        )
    )


def carried_action_items(meeting: Meeting, *, user) -> QuerySet[ActionItem]:
    """Open items of earlier meetings of the same projects that the user may read, oldest
    meeting first."""
    return (
        action_items_carried_to(meeting, user=user)
        .select_related("meeting", "responsible_organisation")
        .order_by("meeting__starts_at", "due_date", "pk")
    )


def meetings_in_scope(
    meetings: QuerySet[Meeting], *, project: Project | None = None, region: Region | None = None
) -> QuerySet[Meeting]:
    """Meetings of a project, or coordinating (or held in) a region or any place within it."""
    if project is not None:
        return meetings.filter(meeting_projects__project=project).distinct()
    if region is not None:
        places = Region.objects.within(region).values("pk")
        return meetings.filter(Q(region__in=places) | Q(city__in=places))
    return meetings.none()


def held_in_quarter(meetings: QuerySet[Meeting], quarter: Quarter) -> QuerySet[Meeting]:
    return meetings.filter(
        status=MeetingStatus.HELD,
        starts_at__gte=quarter.starts_at,
        starts_at__lt=quarter.ends_at,
    ).order_by("starts_at", "pk")


def planned_in_quarter(meetings: QuerySet[Meeting], quarter: Quarter) -> QuerySet[Meeting]:
    """Meetings of the quarter still marked planned: held or not, nobody has said yet."""
    return meetings.filter(
        status=MeetingStatus.PLANNED,
        starts_at__gte=quarter.starts_at,
        starts_at__lt=quarter.ends_at,
    ).order_by("starts_at", "pk")


def open_action_items_until(meetings: QuerySet[Meeting], quarter: Quarter) -> QuerySet[ActionItem]:
    """Follow-up actions still open today that meetings in scope took up to the end of the
    quarter. Decisions are recorded, not followed up, so they are never open work."""
    return (
        ActionItem.objects.open()
        .filter(kind=ActionItemKind.ACTION)
        .filter(meeting__in=meetings.filter(starts_at__lt=quarter.ends_at).values("pk"))
        .select_related("meeting", "responsible_organisation")
        .order_by("meeting__starts_at", "due_date", "pk")
    )
