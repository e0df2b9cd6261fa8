"""The three reports: which facts each one prints, rendered in the reader's language."""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint.document import Document

from core.quarters import Quarter
from meetings.enums import OrganisationRoleInMeeting, ProjectRoleInMeeting
from meetings.models import Meeting
from meetings.outputs import quarter_output_progress
from meetings.reports.attendance import summarise_attendance
from meetings.reports.queries import (
    carried_action_items,
    held_in_quarter,
    meetings_in_scope,
    open_action_items_until,
    planned_in_quarter,
    with_report_details,
)
from meetings.reports.rendering import layout_html, pdf_from_html, render_html
from partners.models import Region
from projects.models import Project

DEFAULT_BLANK_ROWS = 15
MAX_BLANK_ROWS = 200


def _generated(user) -> dict[str, Any]:
    return {
        "generated_at": timezone.now(),
        "generated_by": (user.get_full_name() or user.email) if user else _("the portal"),
    }


def _organising_projects(meeting: Meeting) -> list[Project]:
    links = list(meeting.meeting_projects.all())
    organisers = [link.project for link in links if link.role == ProjectRoleInMeeting.ORGANISER]
    return organisers or [link.project for link in links]


def meeting_report_context(meeting: Meeting, *, user) -> dict[str, Any]:
    """Everything the meeting report prints for ``user``; ``meeting`` comes from
    ``with_report_details``."""
    organisations = list(meeting.meeting_organisations.all())
    return {
        "meeting": meeting,
        "report_title": _("Meeting report: %(title)s") % {"title": meeting.title},
        "projects": _organising_projects(meeting),
        "participating_projects": [
            link.project
            for link in meeting.meeting_projects.all()
            if link.role == ProjectRoleInMeeting.PARTICIPANT
        ],
        "organisers": [
            link.organisation
            for link in organisations
            if link.role == OrganisationRoleInMeeting.ORGANISER
        ],
        "contributors": [
            link for link in organisations if link.role != OrganisationRoleInMeeting.ORGANISER
        ],
        "agenda_has_times": any(item.time for item in meeting.agenda_items.all()),
        "agenda_has_speakers": any(item.speaker for item in meeting.agenda_items.all()),
        "attendance": summarise_attendance(meeting),
        "carried_items": list(carried_action_items(meeting, user=user)),
    }


def meeting_reports_html(meetings: Sequence[Meeting], *, language: str, user) -> list[str]:
    with translation.override(language):
        return [
            render_html(
                "reports/meeting_report.html",
                {**meeting_report_context(meeting, user=user), **_generated(user)},
                language=language,
            )
            for meeting in meetings
        ]


def layout_meeting_reports(meetings: Sequence[Meeting], *, language: str, user) -> list[Document]:
    return [
        layout_html(html) for html in meeting_reports_html(meetings, language=language, user=user)
    ]


def render_meeting_reports(meetings: Sequence[Meeting], *, language: str, user) -> bytes:
    """One PDF holding the report of each meeting, each with its own page numbers."""
    return pdf_from_html(meeting_reports_html(meetings, language=language, user=user))


def attendance_sheet_html(
    meeting: Meeting, *, language: str, user, blank_rows: int = DEFAULT_BLANK_ROWS
) -> str:
    blank_rows = max(0, min(blank_rows, MAX_BLANK_ROWS))
    with translation.override(language):
        expected = summarise_attendance(meeting).expected
        context = {
            "meeting": meeting,
            "report_title": _("Attendance sheet: %(title)s") % {"title": meeting.title},
            "projects": _organising_projects(meeting),
            "expected": expected,
            "blank_rows": range(len(expected) + 1, len(expected) + 1 + blank_rows),
            **_generated(user),
        }
        return render_html("reports/attendance_sheet.html", context, language=language)


def render_attendance_sheet(
    meeting: Meeting, *, language: str, user, blank_rows: int = DEFAULT_BLANK_ROWS
) -> bytes:
    """A sign-in sheet: the expected attendees, then ``blank_rows`` empty numbered rows."""
    return pdf_from_html(
        [attendance_sheet_html(meeting, language=language, user=user, blank_rows=blank_rows)]
    )


def quarterly_report_context(
    visible_meetings: QuerySet[Meeting],
    *,
    quarter: Quarter,
    project: Project | None = None,
    region: Region | None = None,
) -> dict[str, Any]:
    """The quarter's held meetings of a project or region among ``visible_meetings``."""
    in_scope = meetings_in_scope(visible_meetings, project=project, region=region)
    meetings = list(with_report_details(held_in_quarter(in_scope, quarter)))
    rows = [(meeting, summarise_attendance(meeting)) for meeting in meetings]
    planned = list(with_report_details(planned_in_quarter(in_scope, quarter)))

    organisations = {}
    for meeting, attendance in rows:
        for person in attendance.present:
            if person.organisation:
                organisations[person.organisation.pk] = person.organisation
        for link in meeting.meeting_organisations.all():
            organisations[link.organisation.pk] = link.organisation
    organisations_by_kind = Counter(str(o.get_kind_display()) for o in organisations.values())

    if project is not None:
        projects = [project]
        scope_label = project.title
    else:
        projects = list({p.pk: p for m in meetings for p in _organising_projects(m)}.values())
        scope_label = region.name if region else ""

    return {
        "report_title": _("Quarterly report %(quarter)s: %(scope)s")
        % {"quarter": quarter.label, "scope": scope_label},
        "quarter": quarter,
        "scope_project": project,
        "scope_region": region,
        "scope_label": scope_label,
        "projects": projects,
        "rows": rows,
        "meeting_count": len(meetings),
        "participant_total": sum(a.participant_count or 0 for _m, a in rows),
        "meetings_without_count": sum(1 for _m, a in rows if a.participant_count is None),
        "organisation_total": len(organisations),
        "organisations_by_kind": sorted(organisations_by_kind.items(), key=lambda i: (-i[1], i[0])),
        "open_items": list(open_action_items_until(in_scope, quarter)),
        "planned_rows": [(meeting, summarise_attendance(meeting)) for meeting in planned],
        "output_rows": (
            quarter_output_progress(project, among=visible_meetings, quarter=quarter)
            if project is not None
            else []
        ),
    }


def quarterly_report_html(
    visible_meetings: QuerySet[Meeting],
    *,
    quarter: Quarter,
    language: str,
    user,
    project: Project | None = None,
    region: Region | None = None,
) -> str:
    with translation.override(language):
        context = quarterly_report_context(
            visible_meetings, quarter=quarter, project=project, region=region
        )
        return render_html(
            "reports/quarterly_report.html", {**context, **_generated(user)}, language=language
        )


def layout_quarterly_report(visible_meetings: QuerySet[Meeting], **kwargs) -> Document:
    """See ``quarterly_report_html`` for the arguments."""
    return layout_html(quarterly_report_html(visible_meetings, **kwargs))


def render_quarterly_report(visible_meetings: QuerySet[Meeting], **kwargs) -> bytes:
    """See ``quarterly_report_html`` for the arguments."""
    return pdf_from_html([quarterly_report_html(visible_meetings, **kwargs)])
