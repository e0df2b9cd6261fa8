"""PDF exports for staff and coordinators: meeting report, attendance sheet, quarterly report.

A meeting's report and attendance sheet are rendered in the request; quarterly reports and
merged meeting reports are prepared in the background, and each person finds theirs on
"My reports".

Who may export what is decided by ``meetings.permissions`` alone, as for every other door.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.roles import is_coordinator, is_staff_reader
from core.quarters import Quarter
from meetings.models import Meeting, PreparedReport
from meetings.permissions import get_meeting_for_user
from meetings.report_forms import QuarterlyReportForm
from meetings.report_jobs import (
    fail_stalled_reports,
    get_report_for_user,
    reports_of,
    request_quarterly_report,
    retry_report,
)
from meetings.reports.documents import (
    DEFAULT_BLANK_ROWS,
    render_attendance_sheet,
    render_meeting_reports,
)
from meetings.reports.queries import with_report_details
from meetings.reports.rendering import ReportRenderError, ReportTimedOut

#: Reports are kept for days (PREPARED_REPORT_RETENTION_DAYS): the newest are enough.
MAX_REPORTS_LISTED = 50


def pdf_response(request: HttpRequest, render_pdf: Callable[[], bytes], filename: str):
    """The PDF as a download, or a page saying it could not be produced (and no file)."""
    try:
        pdf = render_pdf()
    except ReportTimedOut:
        # 503: the server cannot make it now; the request itself is fine (so not 413), and no
        # proxy timed out (so not 504).
        return render(request, "reports/render_timed_out.html", status=503)
    except ReportRenderError as error:
        return render(request, "reports/render_failed.html", {"error": error}, status=500)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    # Reports carry attendance lists: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _meeting_for_export(request: HttpRequest, slug: str) -> Meeting:
    return get_meeting_for_user(
        request.user, slug=slug, queryset=with_report_details(Meeting.objects.all())
    )


@require_GET
@login_required
def meeting_report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _meeting_for_export(request, slug)
    language = get_language()
    return pdf_response(
        request,
        lambda: render_meeting_reports([meeting], language=language, user=request.user),
        f"{meeting.slug}-report-{language}.pdf",
    )


@require_GET
@login_required
def meeting_attendance_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _meeting_for_export(request, slug)
    language = get_language()
    try:
        blank_rows = int(request.GET.get("blank_rows", DEFAULT_BLANK_ROWS))
    except ValueError:
        blank_rows = DEFAULT_BLANK_ROWS  # the sheet is still useful with the usual empty rows
    return pdf_response(
        request,
        lambda: render_attendance_sheet(
            meeting,
            language=language,
            user=request.user,
            blank_rows=blank_rows,
        ),
        f"{meeting.slug}-attendance-{language}.pdf",
    )


@require_http_methods(["GET", "POST"])
@login_required
def quarterly_report(request: HttpRequest) -> HttpResponse:
    """The form; once it is sent, the report is prepared in the background."""
    if not (is_staff_reader(request.user) or is_coordinator(request.user)):
        raise PermissionDenied
    if request.method == "POST":
        form = QuarterlyReportForm(request.POST, user=request.user)
    else:
        # Opened from a project's or region's page: that one chosen, and the current quarter.
        quarter = Quarter.containing(timezone.localdate())
        initial = {"year": quarter.year, "quarter": quarter.number}
        initial.update(
            {
                key: request.GET[key]
                for key in ("project", "region", "year", "quarter")
                if request.GET.get(key)
            }
        )
        form = QuarterlyReportForm(user=request.user, initial=initial)
    if not form.is_valid():
        return render(
            request,
            "meetings/quarterly_report_form.html",
            {"form": form},
            status=400 if form.is_bound else 200,
        )
    request_quarterly_report(
        user=request.user,
        quarter=form.quarter_chosen,
        language=get_language(),
        project=form.cleaned_data["project"],
        region=form.cleaned_data["region"],
    )
    return _see_my_reports()


# --- Reports prepared in the background (see meetings.tasks)


@require_GET
@login_required
def prepared_report_list(request: HttpRequest) -> HttpResponse:
    """The reports the signed-in person asked for: their state, and the ready ones' files."""
    fail_stalled_reports()
    reports = list(reports_of(request.user)[:MAX_REPORTS_LISTED])
    response = render(
        request,
        "meetings/prepared_report_list.html",
        {
            "reports": reports,
            "any_pending": any(report.is_pending for report in reports),
            "retention_days": settings.PREPARED_REPORT_RETENTION_DAYS,
        },
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
@login_required
def prepared_report_download(request: HttpRequest, pk: int) -> FileResponse:
    report = get_report_for_user(request.user, pk)
    if report.status != PreparedReport.Status.READY or not report.file:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=_download_name(report),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Reports carry attendance lists: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_POST
@login_required
def prepared_report_retry(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    if report.status == PreparedReport.Status.FAILED:
        retry_report(report=report)
    return _see_my_reports()


def _see_my_reports() -> HttpResponse:
    # 303: the browser shows the list with a GET, and going back does not send the form again.
    response = redirect("meetings:prepared-report-list")
    response.status_code = 303
    return response


def _download_name(report: PreparedReport) -> str:
    parameters = report.parameters
    if report.kind == PreparedReport.Kind.QUARTERLY:
        return (
            f"quarterly-report-{parameters['year']}-q{parameters['quarter']}-"
            f"{parameters.get('scope', 'report')}-{report.language}.pdf"
        )
    return f"meeting-reports-{report.pk}-{report.language}.pdf"
