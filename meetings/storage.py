from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class AttachmentStorage(LazyObject):
    """Attachments live outside MEDIA_ROOT; only a permission-checking view serves them."""

    def _setup(self) -> None:
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


attachment_storage = AttachmentStorage()
