"""Small genuine files of each accepted attachment type, and impostors."""

import io
import zipfile

from openpyxl import Workbook
from PIL import Image
from pypdf import PdfWriter


def _pdf() -> bytes:
    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    return buffer.getvalue()


def _image(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 51, 153)).save(buffer, format=image_format)
    return buffer.getvalue()


PDF = _pdf()
PNG = _image("PNG")
JPEG = _image("JPEG")
# Files that carry the right first bytes and nothing a reader can open.
PDF_SIGNATURE_ONLY = b"%PDF-1.4 test"
PDF_WITHOUT_PAGES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
PNG_SIGNATURE_ONLY = PNG[:40]
JPEG_SIGNATURE_ONLY = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + bytes(
    64
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120


def _zip(entries: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries:
            archive.writestr(name, text)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORD_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Minutes</w:t></w:r></w:p></w:body></w:document>"
)


def docx(document: str = WORD_DOCUMENT) -> bytes:
    return _zip(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", "<Relationships/>"),
            ("docProps/app.xml", "<Properties/>"),
            ("word/document.xml", document),
        ]
    )


def xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Participants"
    workbook.save(buffer)
    return buffer.getvalue()


MANIFEST = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
)
ODF_CONTENT = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
)


def opendocument(mimetype: str, *, manifest: bool = True) -> bytes:
    entries = [("mimetype", mimetype), ("content.xml", ODF_CONTENT)]
    if manifest:
        entries.append(("META-INF/manifest.xml", MANIFEST))
    return _zip(entries)


ODT_TYPE = "application/vnd.oasis.opendocument.text"


def odt() -> bytes:
    return opendocument(ODT_TYPE)


def ods() -> bytes:
    return opendocument("application/vnd.oasis.opendocument.spreadsheet")


def docx_with_a_damaged_member() -> bytes:
    """A sound-looking archive whose document part fails its checksum."""
    data = bytearray(docx())
    position = data.index(b"word/document.xml") + len(b"word/document.xml")
    data[position + 4] ^= 0xFF  # A byte of the compressed document part.
    return bytes(data)


def plain_zip() -> bytes:
    return _zip([("notes.txt", "not a document")])


GENUINE = {
    "pdf": lambda: PDF,
    "docx": docx,
    "xlsx": xlsx,
    "odt": odt,
    "ods": ods,
    "png": lambda: PNG,
    "jpg": lambda: JPEG,
    "jpeg": lambda: JPEG,
}
