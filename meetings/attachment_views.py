from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from meetings.models import Attachment
from meetings.permissions import can_download_attachment


def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an attachment to whoever may read it; everyone else gets a 404."""
    attachment = get_object_or_404(Attachment.objects.select_related("meeting"), pk=pk)
    return _serve(request, attachment)


def download_attachment_file(request: HttpRequest, name: str) -> FileResponse:
    """The same, addressed by stored file name: what the storage's `url()` points to."""
    attachment = get_object_or_404(Attachment.objects.select_related("meeting"), file=name)
    return _serve(request, attachment)


def _serve(request: HttpRequest, attachment: Attachment) -> FileResponse:
    if not can_download_attachment(request.user, attachment):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
