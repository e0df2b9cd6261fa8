"""The API's documentation page: Swagger UI from the portal's own static files.

drf-spectacular's split view serves the page's start-up script from its own address, so the
page needs no inline script; its few inline styles moved to a stylesheet (api/docs.css).
"""

from django.conf import settings
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularSwaggerSplitView

# Swagger UI's stylesheet draws its icons as data: images; everything else stays as strict
# as on every page.
DOCS_CSP = {**settings.SECURE_CSP, "img-src": [CSP.SELF, "data:"]}


@method_decorator(csp_override(DOCS_CSP), name="dispatch")
class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "Integration Portal API"
