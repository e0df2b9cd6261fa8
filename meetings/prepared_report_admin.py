"""The PDF reports prepared in the background, for staff to follow in the back office.

The list is read-only: a report is asked for on its page and prepared by its job
(``meetings.tasks``). Its file is never linked directly: a ready report is downloaded through
the owner's download view, whose rules (the person who asked, or an administrator) decide.
"""

from django.contrib import admin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_staff_reader
from meetings.models import PreparedReport
from meetings.report_jobs import reports_downloadable_by

#: Enough of a failure's reason to tell failures apart in the list; the whole is on its page.
ERROR_SHOWN_IN_LIST = 80


@admin.register(PreparedReport)
class PreparedReportAdmin(admin.ModelAdmin):
    # What staff look for first comes first; the kind is a filter, the attempts are on the page.
    list_display = ["title", "status", "download", "requester", "created_at", "error_in_short"]
    list_filter = ["status", "kind"]
    list_select_related = ["requested_by"]
    date_hierarchy = "created_at"
    search_fields = ["requested_by__email"]
    # The file is left out: its storage has no address, and its name says where it is kept.
    fields = [
        "title",
        "kind",
        "language",
        "parameters",
        "status",
        "requested_by",
        "created_at",
        "started_at",
        "finished_at",
        "attempts",
        "error",
        "download",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[PreparedReport]:
        """Staff read every report, as they read every meeting. A report names no project or
        meeting it could be scoped by (only the parameters it was asked with) and was prepared
        with its requester's rights, so others, coordinators too, read none here; each person
        finds their own on "My reports"."""
        reports = super().get_queryset(request)
        user = request.user
        if not is_staff_reader(user):
            return reports.none()
        # Whether the download view would serve this user the file, by its own rule.
        downloadable = reports_downloadable_by(user).filter(pk=OuterRef("pk"))
        return reports.annotate(user_may_download=Exists(downloadable))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("requested by"), ordering="requested_by__email")
    def requester(self, report: PreparedReport) -> str:
        # The address the list is searched by; two people may share a name.
        return report.requested_by.email

    @admin.display(description=_("error"))
    def error_in_short(self, report: PreparedReport) -> str:
        return Truncator(report.error).chars(ERROR_SHOWN_IN_LIST)

    @admin.display(description=_("file"))
    def download(self, report: PreparedReport) -> str:
        if report.status != PreparedReport.Status.READY or not report.file:
            return ""
        if not getattr(report, "user_may_download", False):
            return _("Only the person who asked for it may download it.")
        url = reverse("meetings:prepared-report-download", args=[report.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))
