import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils.deconstruct import deconstructible


@deconstructible
class AttachmentStorage(FileSystemStorage):
    """Attachments live outside MEDIA_ROOT, in PRIVATE_MEDIA_ROOT.

    Their URL is a permission-checking view, never a path a web server could serve. The
    location is read from settings on each use so tests and deployments can move it.
    """

    def __init__(self) -> None:
        super().__init__()

    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str) -> str:
        return reverse("meetings:attachment-file", kwargs={"name": name})


attachment_storage = AttachmentStorage()
