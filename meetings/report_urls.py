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
]
