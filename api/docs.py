"""The API's OpenAPI document and its documentation page, Swagger UI from the portal's own
static files, in each of the portal's languages.

Like the rest of the API they are not language-prefixed: `?lang=ro` chooses the language, else
Accept-Language, else English (never the site's language cookie), and the page loads the
document in its own language.

drf-spectacular's split view serves the page's start-up script from its own address, so the
page needs no inline script; its few inline styles moved to a stylesheet (api/docs.css).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views.decorators.csp import csp_override
from django.views.decorators.http import conditional_page
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import ValidationError

from api.language import LANGUAGE_PARAMETER, language_codes, requested_language

# Swagger UI's stylesheet draws its icons as data: images; everything else stays as strict
# as on every page.
DOCS_CSP = {**settings.SECURE_CSP, "img-src": [CSP.SELF, "data:"]}


@method_decorator(conditional_page, name="dispatch")
class OpenApiDocumentView(SpectacularJSONAPIView):
    """The document in the language of `lang`, else of Accept-Language, else English.

    drf-spectacular alone would follow the site's language cookie where `lang` is not given;
    but a shared cache keys a copy by its address and by Accept-Language (Vary), never by a
    cookie, and would hand one reader's language to the next. Each language's document has its
    own ETag."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        language = requested_language(request)
        # Activated, as by the API's lists, so that a 304 too names the language it confirms.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = super().get(request, *args, **kwargs)
        # Caches may keep a copy but must ask whether it is still current (a deploy changes it).
        response["Cache-Control"] = "public, no-cache"
        return response

    def _get_filename(self, request, version):
        # The translated title would put Cyrillic into a header.
        return f"integration-portal-api.{translation.get_language()}.json"


@dataclass(frozen=True)
class DocsVersion:
    code: str
    name_local: str
    url: str
    is_current: bool


def docs_url(language: str, **parameters: str) -> str:
    return f"{reverse('api:docs')}?{urlencode({LANGUAGE_PARAMETER: language, **parameters})}"


def docs_language(request) -> str:
    try:
        return requested_language(request)
    except ValidationError:
        # A mistyped link still opens the documentation, in the default language.
        return settings.LANGUAGE_CODE


@method_decorator(csp_override(DOCS_CSP), name="dispatch")
class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    url_name = "api:openapi"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        language = docs_language(request)
        # Activated, not overridden: the page is rendered after the view returns.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = super().get(request, *args, **kwargs)
        if request.query_params.get("script") is None:
            response.data["language"] = language
            response.data["versions"] = [
                DocsVersion(
                    code=code,
                    name_local=translation.get_language_info(code)["name_local"],
                    url=docs_url(code),
                    is_current=code == language,
                )
                for code in language_codes()
            ]
            # The script in the page's language, even where the page's `lang` was mistyped.
            response.data["script_url"] = docs_url(language, script="")
        return response

    def _get_schema_url(self, request):
        # Always named, so that the document's address alone says its language.
        language = translation.get_language()
        return f"{reverse(self.url_name)}?{urlencode({LANGUAGE_PARAMETER: language})}"
