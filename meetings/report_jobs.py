"""Asking for a PDF report to be prepared in the background, and finding one's own.

The job itself is ``meetings.tasks.prepare_report``; these services save what was asked and
queue it, and ``get_report_for_user`` is the one door to a prepared report.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from accounts.roles import is_administrator
from core.quarters import Quarter
from meetings.models import PreparedReport
from meetings.tasks import queue_report
from partners.models import Region
from projects.models import Project

#: How long past its time budget a job may still be "being prepared" before its worker is
#: taken to have stopped: the PDF is written and saved after the budget's clock stops.
STALL_MARGIN_SECONDS = 120


def request_quarterly_report(
    *,
    user,
    quarter: Quarter,
    language: str,
    project: Project | None = None,
    region: Region | None = None,
) -> PreparedReport:
    """Save the request for a quarterly report of a project or region and queue its job.

    The form has already checked that ``user`` may ask for this project; the job applies the
    user's rights again when it reads the meetings.
    """
    scope = project or region
    with override(language):
        title = _("Quarterly report %(quarter)s: %(scope)s") % {
            "quarter": quarter.label,
            "scope": project.title if project else region.name,
        }
    parameters = {
        "year": quarter.year,
        "quarter": quarter.number,
        "project": project.pk if project else None,
        "region": region.pk if region else None,
        "scope": scope.slug,
    }
    return _request(user, PreparedReport.Kind.QUARTERLY, title, parameters, language)


def request_meeting_reports(*, user, meeting_ids: Iterable[int], language: str) -> PreparedReport:
    """Save the request for one PDF of several meetings' reports and queue its job."""
    meeting_ids = sorted(meeting_ids)
    with override(language):
        title = ngettext(
            "Report of %(count)d meeting", "Reports of %(count)d meetings", len(meeting_ids)
        ) % {"count": len(meeting_ids)}
    parameters = {"meetings": meeting_ids}
    return _request(user, PreparedReport.Kind.MEETINGS, title, parameters, language)


def retry_report(*, report: PreparedReport) -> PreparedReport:
    """Queue a failed report again, with a fresh count of attempts; the request is unchanged."""
    with transaction.atomic():
        report.status = PreparedReport.Status.QUEUED
        report.attempts = 0
        report.finished_at = None
        report.save(update_fields=["status", "attempts", "finished_at"])
        queue_report(report)
    report.refresh_from_db()
    return report


def _request(user, kind: str, title: str, parameters: dict, language: str) -> PreparedReport:
    report = PreparedReport(
        requested_by=user, kind=kind, title=title, parameters=parameters, language=language
    )
    report.full_clean()
    with transaction.atomic():
        report.save()
        queue_report(report)
    # An immediate backend has already prepared it.
    report.refresh_from_db()
    return report


def fail_stalled_reports(*, now: datetime.datetime | None = None) -> int:
    """Mark as failed the reports still "being prepared" well past the job's time budget: their
    worker was stopped (a restart, a killed process) and no job will finish them. Return how
    many; their owners can try again from their list."""
    now = now or timezone.now()
    budget = datetime.timedelta(seconds=settings.REPORT_JOB_TIMEOUT_SECONDS + STALL_MARGIN_SECONDS)
    stalled = PreparedReport.objects.filter(
        status=PreparedReport.Status.PREPARING, started_at__lt=now - budget
    )
    count = 0
    for report in stalled:
        with override(report.language):
            report.error = _("The worker preparing it stopped before it was ready.")
        report.status = PreparedReport.Status.FAILED
        report.finished_at = now
        report.save(update_fields=["status", "error", "finished_at"])
        count += 1
    return count


def reports_of(user) -> QuerySet[PreparedReport]:
    """The reports ``user`` asked for, newest first."""
    return PreparedReport.objects.filter(requested_by=user)


def reports_downloadable_by(user) -> QuerySet[PreparedReport]:
    """The reports whose file ``user`` may download: their own, or any for administrators."""
    return PreparedReport.objects.all() if is_administrator(user) else reports_of(user)


def get_report_for_user(user, pk: int) -> PreparedReport:
    """The report if ``user`` asked for it or is an administrator; else 404, so that other
    people's reports cannot be discovered by counting."""
    reports = reports_downloadable_by(user)
    try:
        return reports.get(pk=pk)
    except PreparedReport.DoesNotExist:
        raise Http404 from None
