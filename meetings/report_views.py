"""PDF exports for staff and coordinators: meeting report, attendance sheet, quarterly report.

Who may export what is decided by ``meetings.permissions`` alone, as for every other door.
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from accounts.roles import is_coordinator, is_staff_reader
from core.quarters import Quarter
from meetings.models import Meeting
from meetings.permissions import get_meeting_for_user, meetings_visible_to
from meetings.report_forms import QuarterlyReportForm
from meetings.reports.documents import (
    DEFAULT_BLANK_ROWS,
    render_attendance_sheet,
    render_meeting_reports,
    render_quarterly_report,
)
from meetings.reports.queries import with_report_details
from meetings.reports.rendering import ReportRenderError, ReportTimedOut


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


@require_GET
@login_required
def quarterly_report(request: HttpRequest) -> HttpResponse:
    """The form; once it is filled in, the report itself."""
    if not (is_staff_reader(request.user) or is_coordinator(request.user)):
        raise PermissionDenied
    if "year" in request.GET:
        form = QuarterlyReportForm(request.GET, user=request.user)
    else:
        # Opened from a project's or region's page: that one chosen, and the current quarter.
        quarter = Quarter.containing(timezone.localdate())
        initial = {"year": quarter.year, "quarter": quarter.number}
        initial.update(
            {key: request.GET[key] for key in ("project", "region") if request.GET.get(key)}
        )
        form = QuarterlyReportForm(user=request.user, initial=initial)
    if not form.is_valid():
        return render(
            request,
            "meetings/quarterly_report_form.html",
            {"form": form},
            status=400 if form.is_bound else 200,
        )
    scope = form.cleaned_data["project"] or form.cleaned_data["region"]
    quarter = form.quarter_chosen
    language = get_language()
    return pdf_response(
        request,
        lambda: render_quarterly_report(
            meetings_visible_to(request.user),
            quarter=quarter,
            language=language,
            user=request.user,
            project=form.cleaned_data["project"],
            region=form.cleaned_data["region"],
        ),
        f"quarterly-report-{quarter.year}-q{quarter.number}-{scope.slug}-{language}.pdf",
    )
