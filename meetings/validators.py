from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

ALLOWED_ATTACHMENT_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg"]


@deconstructible
class MaxFileSizeValidator:
    message = _("This file is %(size)s; the largest file accepted is %(limit)s.")

    def __call__(self, file) -> None:
        limit = settings.ATTACHMENT_MAX_BYTES
        if file.size > limit:
            raise ValidationError(
                self.message,
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, MaxFileSizeValidator)


def attachment_upload_to(instance, filename: str) -> str:
    return f"attachments/{instance.meeting_id or 'new'}/{Path(filename).name}"


def validate_timezone(value: str) -> None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a known time zone, such as Europe/Bucharest."),
            code="invalid_timezone",
            params={"value": value},
        ) from None
