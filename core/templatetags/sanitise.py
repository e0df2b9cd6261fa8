"""Show the little markup coordinators may use in minutes, and nothing that could run.

    {% load sanitise %}
    <div class="prose">{{ meeting.minutes|sanitised_markup }}</div>

Text without markup gets paragraphs and line breaks as `linebreaks` would give it. The public
meeting page and the meeting report (PDF) both show minutes through this filter.
"""

import re

import nh3
from django import template
from django.template.defaultfilters import stringfilter
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": {"colspan"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_TAG = re.compile(r"<(p|ul|ol|h3|h4|blockquote|table)\b", re.IGNORECASE)


def sanitise_markup(value: str) -> str:
    """The allowed subset of `value`'s HTML; scripts, styles, handlers and frames removed."""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


@register.filter(is_safe=True)
@stringfilter
def sanitised_markup(value: str) -> SafeString:
    cleaned = sanitise_markup(value)
    if BLOCK_TAG.search(cleaned):
        return mark_safe(cleaned)
    # The text is already clean HTML, so linebreaks must not escape it a second time.
    return mark_safe(linebreaks(cleaned, autoescape=False))
