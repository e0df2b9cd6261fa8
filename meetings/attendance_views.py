"""The attendance tools of a meeting: import a list of people, mark who came, export the list.

The import and marking pages are back-office pages that MeetingAdmin serves (its URLs, its
sign-in check); the export is a download beside the attendance sheet PDF and scoped like it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from meetings.attendance_export import attendance_workbook
from meetings.attendance_forms import (
    AttendeeImportConfirmForm,
    AttendeeImportForm,
    PresenceFormSet,
)
from meetings.enums import Presence
from meetings.models import Attendance, Meeting
from meetings.permissions import get_meeting_for_user, meetings_editable_by
from meetings.services import import_attendees

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(model_admin, request, template: str, meeting: Meeting, context: dict):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "original": meeting,
        "change_url": _change_url(meeting),
        **context,
    }
    return TemplateResponse(request, f"admin/meetings/meeting/{template}", context)


def _change_url(meeting: Meeting) -> str:
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


# --- Import


def import_attendees_view(model_admin, request: HttpRequest, object_id) -> HttpResponse:
    """Paste or upload → preview (every problem named by its row; unknown organisations may be
    added) → confirm; nothing is saved until the confirmed list imports without a problem."""
    meeting = model_admin.get_visible_object_or_404(request, object_id)
    if not (
        model_admin.has_change_permission(request, meeting)
        and request.user.has_perm("meetings.add_attendance")
    ):
        raise PermissionDenied
    default_presence = Presence.ATTENDED if meeting.is_past else Presence.EXPECTED
    form = AttendeeImportForm(initial={"presence": default_presence})
    report = confirm_form = people = None
    if request.method == "POST" and "confirm" in request.POST:
        posted = AttendeeImportConfirmForm(request.POST)
        if posted.is_valid():
            people = posted.cleaned_data["rows"]
            presence = posted.cleaned_data["presence"]
            report = import_attendees(
                meeting=meeting,
                dataset=people.dataset,
                presence=presence,
                imported_by=request.user,
                dry_run=False,
                add_organisations=posted.cleaned_data.get("add_organisations") or [],
            )
            if report.saved:
                _report_import(model_admin, request, report)
                return HttpResponseRedirect(_change_url(meeting))
            confirm_form = _confirm_form(report, people, presence)
        else:
            form.add_error(None, _("The preview expired; paste or upload the list again."))
    elif request.method == "POST":
        form = AttendeeImportForm(request.POST, request.FILES)
        if form.is_valid():
            people = form.cleaned_data["people"]
            presence = form.cleaned_data["presence"]
            report = import_attendees(
                meeting=meeting,
                dataset=people.dataset,
                presence=presence,
                imported_by=request.user,
                dry_run=True,
            )
            confirm_form = _confirm_form(report, people, presence)
    return _page(
        model_admin,
        request,
        "import_attendees.html",
        meeting,
        {
            "title": _("Import attendees: %(meeting)s") % {"meeting": meeting},
            "form": form,
            "report": report,
            "notes": people.notes if people else [],
            "confirm_form": confirm_form,
        },
    )


def _confirm_form(report, people, presence: str):
    """The form that imports the previewed rows: offered when they would all import, or
    would once the unknown organisations are added."""
    if report.blocked_only_by_unknown_organisations:
        return AttendeeImportConfirmForm.for_preview(
            people, presence=presence, unknown_organisations=report.unknown_organisations
        )
    if not report.has_errors and report.new_count:
        return AttendeeImportConfirmForm.for_preview(people, presence=presence)
    return None


def _report_import(model_admin, request, report) -> None:
    model_admin.message_user(
        request,
        ngettext(
            "%(count)d person added to the attendance list.",
            "%(count)d people added to the attendance list.",
            report.new_count,
        )
        % {"count": report.new_count},
        messages.SUCCESS,
    )
    if report.added_organisations:
        model_admin.message_user(
            request,
            ngettext(
                "%(count)d organisation added: %(names)s. An editor reviews it before it is "
                "shown on the public site.",
                "%(count)d organisations added: %(names)s. An editor reviews them before they "
                "are shown on the public site.",
                len(report.added_organisations),
            )
            % {
                "count": len(report.added_organisations),
                "names": ", ".join(str(o) for o in report.added_organisations),
            },
            messages.INFO,
        )


# --- Marking who came


def markable_meeting_or_404(request: HttpRequest, object_id) -> Meeting:
    """The meeting if the user may change its attendance: a coordinator of one of its
    projects, or an administrator. Anyone else finds nothing here, as with the other tools."""
    try:
        pk = int(object_id)
    except (TypeError, ValueError):
        raise Http404 from None
    meeting = meetings_editable_by(request.user).filter(pk=pk).first()
    if meeting is None or not request.user.has_perm("meetings.change_attendance"):
        raise Http404
    return meeting


def mark_attendance_view(model_admin, request: HttpRequest, object_id) -> HttpResponse:
    """Everyone on the list with present / absent / excused, saved together."""
    meeting = markable_meeting_or_404(request, object_id)
    rows = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("organisation")
        .order_by("person_name", "pk")
    )
    formset = PresenceFormSet(
        request.POST if request.method == "POST" else None, queryset=rows, prefix="marks"
    )
    if request.method == "POST" and formset.is_valid():
        marks = formset.save_marks(all_present="all_present" in request.POST, by=request.user)
        model_admin.message_user(
            request,
            _(
                "Attendance saved: %(present)d present, %(absent)d absent, %(excused)d "
                "excused, %(unmarked)d not marked."
            )
            % {
                "present": marks[Presence.ATTENDED],
                "absent": marks[Presence.ABSENT],
                "excused": marks[Presence.EXCUSED],
                "unmarked": marks[Presence.EXPECTED],
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)
    return _page(
        model_admin,
        request,
        "attendance_marking.html",
        meeting,
        {
            "title": _("Who came: %(meeting)s") % {"meeting": meeting},
            "formset": formset,
            "unmarked_count": sum(
                1 for form in formset.forms if form.instance.presence == Presence.EXPECTED
            ),
        },
    )


# --- Export


@require_GET
@login_required
def attendance_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    """The attendance list as a spreadsheet, for whoever may export the attendance sheet."""
    meeting = get_meeting_for_user(request.user, slug=slug)
    rows = (
        Attendance.objects.filter(meeting=meeting)
        .select_related("organisation")
        .order_by("person_name", "pk")
    )
    response = HttpResponse(attendance_workbook(meeting, rows), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}-attendance.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
