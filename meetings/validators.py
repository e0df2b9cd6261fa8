import uuid
import zipfile
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from meetings.document_checks import DOCX, JPEG, ODS, ODT, PDF, PNG, XLSX, document_opens

# What the bytes of a file with each accepted extension must turn out to be.
ATTACHMENT_CONTENT_TYPES = {
    "pdf": PDF,
    "docx": DOCX,
    "xlsx": XLSX,
    "odt": ODT,
    "ods": ODS,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
}
ALLOWED_ATTACHMENT_EXTENSIONS = list(ATTACHMENT_CONTENT_TYPES)
STORED_NAME_MAX_CHARS = 120


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
    """`attachments/<random folder>/<cleaned name>`: no path tricks, no guessable addresses,
    and two files of the same name never overwrite or rename each other."""
    return f"attachments/{uuid.uuid4().hex}/{safe_file_name(filename)}"


def safe_file_name(filename: str) -> str:
    """The base name with only letters, digits, `-`, `_` and `.`; never empty or hidden."""
    name = Path(filename.replace("\\", "/")).name
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = get_valid_filename_or_empty(stem).lstrip(".")[:STORED_NAME_MAX_CHARS] or "attachment"
    extension = get_valid_filename_or_empty(extension)[:10].lower()
    return f"{stem}.{extension}" if extension else stem


def get_valid_filename_or_empty(value: str) -> str:
    try:
        return get_valid_filename(value)
    except Exception:  # SuspiciousFileOperation for "", "." and ".."
        return ""


def detect_content_type(file) -> str | None:
    """The MIME type the file's bytes show, whatever its name says; None if unknown."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(8192)
        kind = filetype.guess(head)
        detected = kind.mime if kind else None
        if head.startswith(b"PK\x03\x04"):
            # Office and OpenDocument files are zip archives; filetype only sees their first
            # entries, so the archive's own listing decides.
            file.seek(0)
            detected = _zipped_document_type(file)
        return detected
    finally:
        file.seek(position)


def _zipped_document_type(file) -> str:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    return member.read(100).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return "application/octet-stream"
    return "application/zip"


@deconstructible
class AttachmentContentValidator:
    """Accept a file only if its bytes are what its extension promises (a PDF named .pdf) and
    the file opens as such: the PDF parses, the office document is a sound container, the
    image decodes. A file that merely starts with the right bytes is not enough."""

    mismatch_message = _(
        "The content of this file is not a %(extension)s document. Upload a PDF, Word, Excel, "
        "OpenDocument, PNG or JPEG file whose name matches what it contains."
    )
    unreadable_message = _(
        "This %(extension)s file cannot be opened: it is damaged or incomplete. Save it again "
        "from the program that made it and upload the new copy."
    )

    def __call__(self, file) -> None:
        if not hasattr(file, "read") or getattr(file, "_committed", False):
            return  # Stored earlier and checked then, or a history row's plain file name.
        extension = Path(file.name or "").suffix.lower().lstrip(".")
        expected = ATTACHMENT_CONTENT_TYPES.get(extension)
        if expected is None:
            return  # FileExtensionValidator reports names outside the list.
        params = {"extension": extension.upper()}
        if detect_content_type(file) != expected:
            raise ValidationError(self.mismatch_message, code="content_mismatch", params=params)
        position = file.tell()
        try:
            file.seek(0)
            opens = document_opens(file, expected)
        finally:
            file.seek(position)
        if not opens:
            raise ValidationError(self.unreadable_message, code="unreadable", params=params)

    def __eq__(self, other) -> bool:
        return isinstance(other, AttachmentContentValidator)


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
