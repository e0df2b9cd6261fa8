"""Whether an uploaded file opens as the document type its bytes announce.

A file's first bytes are easy to fake: fourteen bytes starting with `%PDF` look like a PDF to a
signature check. Each check here opens the file with a real reader: pypdf for PDFs, the zip
reader and an XML parser for office documents (their parts must be intact and well-formed),
Pillow for images (every pixel must decode). Each check is bounded, so a hostile file cannot
hold a worker: office archives are refused before decompression when they would unpack to more
than `MAX_UNPACKED_BYTES`, and images above Pillow's pixel limit are refused, not decoded.
"""

import warnings
import zipfile
import zlib
from collections.abc import Callable
from typing import BinaryIO
from xml.etree import ElementTree

from PIL import Image
from pypdf import PdfReader

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PNG = "image/png"
JPEG = "image/jpeg"

MAX_UNPACKED_BYTES = 200 * 1024 * 1024

# The parts without which each office format does not open, and which must be well-formed XML.
OFFICE_PARTS = {
    DOCX: ("[Content_Types].xml", "word/document.xml"),
    XLSX: ("[Content_Types].xml", "xl/workbook.xml"),
    ODT: ("META-INF/manifest.xml", "content.xml"),
    ODS: ("META-INF/manifest.xml", "content.xml"),
}
IMAGE_FORMATS = {PNG: "PNG", JPEG: "JPEG"}


def pdf_opens(file: BinaryIO) -> bool:
    try:
        reader = PdfReader(file)
        return len(reader.pages) > 0
    except Exception:  # pypdf raises many kinds of errors on broken files; all mean "no".
        return False


def office_document_opens(file: BinaryIO, content_type: str) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                return False
            if archive.testzip() is not None:  # A member whose checksum does not match.
                return False
            names = {member.filename for member in members}
            for part in OFFICE_PARTS[content_type]:
                if part not in names:
                    return False
                with archive.open(part) as member:
                    ElementTree.parse(member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, OSError):
        return False
    except (zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
        return False  # Corrupt, truncated, encrypted or of an unsupported compression.
    return True


def image_opens(file: BinaryIO, content_type: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                if image.format != IMAGE_FORMATS[content_type]:
                    return False
                image.verify()
            file.seek(0)
            with Image.open(file) as image:
                image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            return False
        except Image.DecompressionBombWarning:
            return False
    return True


CHECKS: dict[str, Callable[[BinaryIO, str], bool]] = {
    PDF: lambda file, _content_type: pdf_opens(file),
    DOCX: office_document_opens,
    XLSX: office_document_opens,
    ODT: office_document_opens,
    ODS: office_document_opens,
    PNG: image_opens,
    JPEG: image_opens,
}


def document_opens(file: BinaryIO, content_type: str) -> bool:
    """True when `file`, already known by its signature to be `content_type`, opens as one."""
    check = CHECKS.get(content_type)
    return check is None or check(file, content_type)
