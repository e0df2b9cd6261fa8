"""Turn a report template into PDF bytes with WeasyPrint.

Rendering happens in memory: a view or command only gets bytes once the whole document has been
laid out and written, so a failure never leaves a half-written file behind, and it surfaces as a
``ReportRenderError`` with a message a person can act on.

The HTML is rendered in the calling process, which reads the database; ``pdf_from_html`` then
lays it out in a separate process under a time budget (see there).
"""

import logging
import multiprocessing
from collections.abc import Iterable, Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any

import django
import pydyf
from django.apps import apps
from django.conf import settings
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


#: Imported once by the process the report workers are forked from (see ``pdf_from_html``).
WORKER_PRELOAD = ["meetings.reports.worker_preload"]


class ReportRenderError(Exception):
    """A report could not be produced; the message says which one and why."""


class ReportTimedOut(ReportRenderError):
    """Laying out the report took longer than ``PDF_RENDER_TIMEOUT_SECONDS``; it was stopped."""


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
        return merged.write_pdf(finisher=scope_table_headers, **PDF_OPTIONS)
    except Exception as error:
        logger.exception("Writing a PDF report failed")
        raise ReportRenderError(f"The report could not be written: {error}") from error


def scope_table_headers(document: Document, pdf: pydyf.PDF) -> None:
    """Mark each table header cell as a column or a row header (``/Scope``, PDF/UA-1 7.5).

    WeasyPrint tags header cells (TH) and links data cells to them, but writes no ``/Scope``,
    which PDF/UA asks for on every TH. The reports' templates put column headers in
    ``<thead>`` (``scope="col"``) and row headers in ``<tbody>`` or ``<tfoot>``
    (``scope="row"``), so a TH under THead heads its column and any other TH its row.
    """
    elements = {
        obj.reference: obj
        for obj in pdf.objects
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"
    }
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = elements.get(element.get("P"))
        section = elements.get(row.get("P")) if row is not None else None
        in_head = section is not None and section.get("S") == "/THead"
        attributes = element.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
        attributes["Scope"] = "/Column" if in_head else "/Row"


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


def pdf_from_html(documents_html: Sequence[str], *, timeout: int | None = None) -> bytes:
    """Lay out each HTML document and write them as one PDF, within the time budget.

    WeasyPrint cannot be interrupted from another thread, so the work runs in a child process
    that is killed once ``PDF_RENDER_TIMEOUT_SECONDS`` have passed; the caller gets
    ``ReportTimedOut`` and its worker is free again. The children are forked from a
    "forkserver" process that has Django set up and WeasyPrint loaded (``WORKER_PRELOAD``), so
    each report pays a fork, not the second and a half of a fresh interpreter. Forking the web
    worker itself would be quicker still, but it may run threads (gunicorn's gthread workers)
    and holds database connections, which a fork must not share. With a budget of 0 the
    report is laid out here, without a limit. ``timeout`` replaces the setting (background jobs
    wait longer than a request may).
    """
    if timeout is None:
        timeout = settings.PDF_RENDER_TIMEOUT_SECONDS
    if not timeout:
        return write_pdf([layout_html(html) for html in documents_html])
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_write_pdf_to, args=(list(documents_html), sender), name="pdf-report", daemon=True
    )
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            logger.warning("A PDF report took over %s s to lay out and was stopped", timeout)
            raise ReportTimedOut(f"The report took longer than {timeout} s to lay out.")
        outcome, payload = receiver.recv()
    except EOFError:
        logger.error("The process laying out a PDF report ended with code %s", worker.exitcode)
        raise ReportRenderError("The process laying out the report stopped unexpectedly.") from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if outcome == "error":
        raise ReportRenderError(payload)
    return payload


def _write_pdf_to(documents_html: list[str], sender: Connection) -> None:
    """In the child process: the PDF, or the error's message, sent back through ``sender``."""
    if not apps.ready:  # forked from a server that did not preload (another library started it)
        django.setup()
    try:
        sender.send(("pdf", write_pdf([layout_html(html) for html in documents_html])))
    except ReportRenderError as error:
        sender.send(("error", str(error)))
    finally:
        sender.close()
