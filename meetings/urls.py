from django.urls import include, path

from meetings import attachment_views, feeds, views

app_name = "meetings"

urlpatterns = [
    # Meetings, their calendars and feeds
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/calendar.ics", views.meeting_calendar, name="meeting-calendar"),
    path("meetings/feed/", feeds.MeetingAtomFeed(), name="meeting-feed"),
    path("meetings/feed/rss/", feeds.MeetingRssFeed(), name="meeting-feed-rss"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_ical, name="meeting-ical"),
    # Attachments (public ones of published meetings, private ones to entitled users)
    path(
        "attachments/<int:pk>/download/",
        attachment_views.download_attachment,
        name="attachment-download",
    ),
    path(
        "attachments/file/<path:name>",
        attachment_views.download_attachment_file,
        name="attachment-file",
    ),
    # PDF reports: meeting report, attendance sheet, quarterly report (see report_urls.py)
    path("", include("meetings.report_urls")),
]
