"""Turn a report template into PDF bytes with WeasyPrint.

Rendering happens in memory: a view or command only gets bytes once the whole document has been
laid out and written, so a failure never leaves a half-written file behind, and it surfaces as a
``ReportRenderError`` with a message a person can act on.
"""

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from .fetcher import ProjectFilesURLFetcher

logger = logging.getLogger(__name__)

#: Relative URLs in report HTML (``/static/…``, ``/media/…``) resolve against this, and only
#: ``ProjectFilesURLFetcher`` knows how to read them.
BASE_URL = "file:///"

#: Tagged PDF for assistive technology; the title comes from ``<title>`` and the language from
#: ``<html lang>`` in ``reports/base.html``.
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}


class ReportRenderError(Exception):
    """A report could not be produced; the message says which one and why."""


def render_html(template_name: str, context: Mapping[str, Any], *, language: str) -> str:
    with translation.override(language):
        return render_to_string(template_name, {**context, "report_language": language})


def layout_html(
    html: str,
    *,
    font_config: FontConfiguration | None = None,
    url_fetcher: ProjectFilesURLFetcher | None = None,
) -> Document:
    """Lay out report HTML into a WeasyPrint document (pages, not yet a PDF)."""
    url_fetcher = url_fetcher or ProjectFilesURLFetcher()
    try:
        return HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher).render(
            font_config=font_config or FontConfiguration(), **PDF_OPTIONS
        )
    except Exception as error:
        logger.exception("Laying out a PDF report failed")
        raise ReportRenderError(f"The report could not be laid out: {error}") from error


def write_pdf(documents: Iterable[Document]) -> bytes:
    """Write one or more laid-out documents as a single PDF, each keeping its page numbers.

    The first document's metadata (title, language) is used for the whole file.
    """
    documents = list(documents)
    if not documents:
        raise ReportRenderError("There is nothing to put in the report.")
    merged = (
        documents[0]
        if len(documents) == 1
        else documents[0].copy([page for document in documents for page in document.pages])
    )
    try:
        return merged.write_pdf(**PDF_OPTIONS)
    except Exception as error:
        logger.exception("Writing a PDF report failed")
        raise ReportRenderError(f"The report could not be written: {error}") from error


def render_pdf(
    template_name: str,
    context: Mapping[str, Any],
    *,
    language: str,
    url_fetcher: ProjectFilesURLFetcher | None = None,
) -> bytes:
    """Render one report template in ``language`` to PDF bytes."""
    html = render_html(template_name, context, language=language)
    return write_pdf([layout_html(html, url_fetcher=url_fetcher)])
