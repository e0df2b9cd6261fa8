"""schema.org JSON-LD for public pages, written into the page as a data block.

Each app that owns a page registers, in its `ready()`, a builder that describes one of its rows
as schema.org data (a meeting as an `Event`, a project as a `Project`); `{% json_ld object %}`
(core.templatetags.json_ld) writes it into the page's head. Lower apps never learn of higher
apps' builders, as with core.sections.

The data goes inline rather than as a linked `.jsonld` file: search engines read structured
data from the page itself and do not follow such links. The tag carries the response's CSP
nonce, so the policy stays strict even for a browser that would treat the block as a script.
"""

import json
from collections.abc import Callable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

SCHEMA_ORG = "https://schema.org"

# As django.utils.html.json_script escapes: no "</script>", "<!--" or "&" can reach the HTML
# parser, whatever a title holds, and JSON reads the escapes back as the same characters.
SCRIPT_SAFE_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

JsonLdBuilder = Callable[[models.Model], dict | None]


class JsonLdRegistry:
    def __init__(self) -> None:
        self._builders: dict[str, JsonLdBuilder] = {}

    def register(self, model: type[models.Model]) -> Callable[[JsonLdBuilder], JsonLdBuilder]:
        """Describe `model`'s rows with the decorated builder; it returns None for a row that
        must not be described (a draft)."""

        def decorator(builder: JsonLdBuilder) -> JsonLdBuilder:
            self._builders[model._meta.label] = builder
            return builder

        return decorator

    def data_for(self, obj: models.Model) -> dict | None:
        builder = self._builders.get(obj._meta.label)
        return builder(obj) if builder else None


json_ld_builders = JsonLdRegistry()


def without_empty(data: dict) -> dict:
    """The entries that say something: no empty strings, lists or missing values."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def json_ld_script(data: dict, *, nonce: str | None = None) -> SafeString:
    """`data` as a `<script type="application/ld+json">` element, safe in any HTML page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    nonce_attribute = format_html(' nonce="{}"', nonce) if nonce is not None else ""
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        nonce_attribute,
        mark_safe(text.translate(SCRIPT_SAFE_ESCAPES)),
    )
