from django.urls import path

from meetings import attachment_views

app_name = "meetings"

urlpatterns = [
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
]
