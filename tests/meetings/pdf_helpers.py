"""Read PDFs the way a person (or a screen reader) would: their text, title, language, fonts."""

import io
import re

from django.http import HttpResponse
from pypdf import PdfReader


def read_pdf(content: bytes) -> PdfReader:
    assert content.startswith(b"%PDF-"), content[:200]
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    """All pages' text with runs of whitespace (line and page breaks) folded to one space."""
    reader = read_pdf(content)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def page_count(content: bytes) -> int:
    return len(read_pdf(content).pages)


def page_fonts(content: bytes) -> dict[str, bool]:
    """Every font the pages use, by name, and whether its font program is embedded."""
    fonts = {}
    for page in read_pdf(content).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts", []):
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(key in d.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def prepared_report(client, url: str, data: dict | None = None):
    """Send a report form as a person does and download the PDF prepared for it from "My
    reports" (the tests' immediate task backend prepares it before the answer). Without data
    the form itself; a refused form comes back as it is."""
    if not data:
        return client.get(url)
    response = client.post(url, data)
    if response.status_code not in (302, 303):
        return response
    listing = client.get(response["Location"]).content.decode()
    links = re.findall(r'href="([^"]+/download/)"', listing)
    assert links, listing
    download = client.get(links[0])
    return HttpResponse(
        b"".join(download.streaming_content),
        content_type=download["Content-Type"],
        status=download.status_code,
    )
