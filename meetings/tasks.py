"""Background jobs (Django's tasks framework; see TASKS in the settings).

A worker (``manage.py db_worker``) runs them outside any request. Each job enters the scope of
the person who asked, in their language, so a report prepared in the background holds exactly
what the same person would have got from the immediate download.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.tasks import default_task_backend, task
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from core.quarters import Quarter
from meetings.models import Meeting, PreparedReport
from meetings.permissions import meetings_visible_to
from meetings.report_retention import delete_old_reports
from meetings.reports.documents import meeting_reports_html, quarterly_report_html
from meetings.reports.queries import with_report_details
from meetings.reports.rendering import ReportTimedOut, pdf_from_html
from partners.models import Region
from projects.models import Project

logger = logging.getLogger(__name__)

#: Wait before the next attempt grows with each one: a database that was restarting or a full
#: disk has a moment to recover.
RETRY_DELAY = datetime.timedelta(seconds=30)


class ReportRequestNoLongerValid(Exception):
    """What the report was asked for is gone or no longer readable: trying again cannot help."""


@task
def prepare_report(report_id: int) -> str:
    """Render the prepared report ``report_id`` and store its file.

    A failure is written on the request (its reason, for the person who asked) and the job is
    queued again until ``REPORT_JOB_MAX_ATTEMPTS`` attempts were made; a report that took over
    its time budget, or whose subject is gone, is not tried again.
    """
    claimed = PreparedReport.objects.filter(
        pk=report_id, status__in=[PreparedReport.Status.QUEUED, PreparedReport.Status.PREPARING]
    ).update(status=PreparedReport.Status.PREPARING, attempts=F("attempts") + 1, started_at=Now())
    if not claimed:
        return "skipped"  # deleted meanwhile, or already done
    report = PreparedReport.objects.select_related("requested_by").get(pk=report_id)
    try:
        pdf = render_prepared_report(report)
    except Exception as error:
        _record_failure(report, error)
        raise
    report.file.save(_file_name(report), ContentFile(pdf), save=False)
    report.status = PreparedReport.Status.READY
    report.error = ""
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "error", "finished_at"])
    return report.file.name


@task
def delete_old_prepared_reports() -> int:
    """``delete_old_reports`` for a scheduler."""
    return delete_old_reports()


def queue_report(report: PreparedReport, *, delay: datetime.timedelta | None = None) -> None:
    """Enqueue the job that prepares ``report`` and remember its id.

    Called inside the transaction that saved the request: with the database backend the job
    and the request become visible to workers together.
    """
    job = prepare_report
    if delay and default_task_backend.supports_defer:
        job = job.using(run_after=timezone.now() + delay)
    result = job.enqueue(report.pk)
    PreparedReport.objects.filter(pk=report.pk).update(task_result_id=str(result.id))
    report.task_result_id = str(result.id)


def render_prepared_report(report: PreparedReport) -> bytes:
    user = report.requested_by
    if not user.is_active:
        raise ReportRequestNoLongerValid(_("The account that asked for this report is closed."))
    with translation.override(report.language), scope(user=user):
        html = _report_html(report, user)
        return pdf_from_html(html, timeout=settings.REPORT_JOB_TIMEOUT_SECONDS)


def _report_html(report: PreparedReport, user) -> list[str]:
    parameters = report.parameters
    if report.kind == PreparedReport.Kind.QUARTERLY:
        project = _chosen(Project, parameters.get("project"))
        region = _chosen(Region, parameters.get("region"))
        if project is None and region is None:
            raise ReportRequestNoLongerValid(_("The project or region no longer exists."))
        return [
            quarterly_report_html(
                meetings_visible_to(user),
                quarter=Quarter(parameters["year"], parameters["quarter"]),
                language=report.language,
                user=user,
                project=project,
                region=region,
            )
        ]
    meetings = list(
        with_report_details(
            Meeting.objects.filter(pk__in=parameters.get("meetings", []))
            .filter(pk__in=meetings_visible_to(user).values("pk"))
            .order_by("starts_at", "pk")
        )
    )
    if not meetings:
        raise ReportRequestNoLongerValid(_("None of the selected meetings can be exported."))
    return meeting_reports_html(meetings, language=report.language, user=user)


def _chosen(model, pk):
    return model.objects.filter(pk=pk).first() if pk else None


def _file_name(report: PreparedReport) -> str:
    return f"{report.kind}-report-{report.pk}-{report.language}.pdf"


def _record_failure(report: PreparedReport, error: Exception) -> None:
    logger.warning("Preparing report #%s failed (attempt %s)", report.pk, report.attempts)
    permanent = isinstance(error, ReportTimedOut | ReportRequestNoLongerValid)
    retry = not permanent and report.attempts < settings.REPORT_JOB_MAX_ATTEMPTS
    report.error = str(error) or error.__class__.__name__
    report.status = PreparedReport.Status.QUEUED if retry else PreparedReport.Status.FAILED
    report.finished_at = None if retry else timezone.now()
    with transaction.atomic():
        report.save(update_fields=["error", "status", "finished_at"])
        if retry:
            queue_report(report, delay=RETRY_DELAY * report.attempts)
