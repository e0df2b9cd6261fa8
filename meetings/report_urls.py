from django.urls import path

from meetings import attendance_views, report_views

# Included from meetings/urls.py, so the names live in the "meetings" namespace.
urlpatterns = [
    # PDF reports (staff and the meetings' coordinators)
    path(
        "meetings/<slug:slug>/report.pdf",
        report_views.meeting_report_pdf,
        name="meeting-report-pdf",
    ),
    path(
        "meetings/<slug:slug>/attendance.pdf",
        report_views.meeting_attendance_pdf,
        name="meeting-attendance-pdf",
    ),
    path(
        "meetings/<slug:slug>/attendance.xlsx",
        attendance_views.attendance_xlsx,
        name="meeting-attendance-xlsx",
    ),
    path("reports/quarterly/", report_views.quarterly_report, name="quarterly-report"),
    # Reports prepared in the background: each person's own
    path("reports/mine/", report_views.prepared_report_list, name="prepared-report-list"),
    path(
        "reports/mine/<int:pk>/download/",
        report_views.prepared_report_download,
        name="prepared-report-download",
    ),
    path(
        "reports/mine/<int:pk>/retry/",
        report_views.prepared_report_retry,
        name="prepared-report-retry",
    ),
]
