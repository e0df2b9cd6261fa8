from django.utils.deconstruct import deconstructible

from meetings.storage import AttachmentStorage


@deconstructible
class PreparedReportStorage(AttachmentStorage):
    """Prepared PDF reports beside the attachments, in PRIVATE_MEDIA_ROOT, which every app
    server and worker mounts. They carry attendance lists, so they have no URL of their own:
    only the owner's download view (``report_views.prepared_report_download``) serves them."""

    def url(self, name: str) -> str:
        raise NotImplementedError("Prepared reports are served only through a checked view.")


prepared_report_storage = PreparedReportStorage()
