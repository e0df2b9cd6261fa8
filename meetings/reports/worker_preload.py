"""Imported only by the process that PDF report workers are forked from (``multiprocessing``'s
forkserver, see ``rendering.pdf_from_html``). Django is set up and one blank report laid out
there once, so each worker starts with WeasyPrint, its fonts and caches ready.

Nothing here may raise: the forkserver would stop, and with it every report.
"""

import logging

logger = logging.getLogger(__name__)

try:
    import django
    from django.apps import apps
    from django.conf import settings

    if not apps.ready:
        django.setup()

    from meetings.reports import rendering

    blank = rendering.render_html("reports/base.html", {}, language=settings.LANGUAGE_CODE)
    rendering.write_pdf([rendering.layout_html(blank)])
except Exception:
    logger.exception("Preparing the PDF report workers failed; each will set itself up")
