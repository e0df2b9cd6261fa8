"""Read PDFs the way a person (or a screen reader) would: their text, title, language, fonts."""

import io

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
