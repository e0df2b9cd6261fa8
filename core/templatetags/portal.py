"""Template helpers shared by every public page: language versions of a page and money."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from core.formatting import format_money
from core.site_address import site_url

register = template.Library()


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name_local: str
    url: str
    absolute_url: str
    is_current: bool
    uses_form: bool


def _home_url(language: str) -> str:
    with translation.override(language):
        try:
            return reverse("home")
        except NoReverseMatch:
            return f"/{language}/"


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[LanguageVersion]:
    """The current page in every language, falling back to the home page where it has none.

    Without a request (the 500 page) the versions are plain links to each home page, because
    the language switcher's form needs a CSRF token that such a page cannot have.
    """
    request = context.get("request")
    current = translation.get_language()
    path = request.get_full_path() if request is not None else ""
    resolvable = request is not None and getattr(request, "resolver_match", None) is not None
    versions = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code) if resolvable else ""
        if not url or (url == path and code != current):
            url = _home_url(code)
        # The portal's own address, not the request's host: search engines keep these links.
        absolute = site_url(url) if resolvable else ""
        versions.append(
            LanguageVersion(
                code=code,
                name_local=translation.get_language_info(code)["name_local"],
                url=url,
                absolute_url=absolute,
                is_current=code == current,
                uses_form=request is not None and "csrf_token" in context,
            )
        )
    return versions


@register.filter
def money(value, currency: str = "") -> str:
    """`{{ project.total_budget|money:project.currency }}` in the reader's locale."""
    return format_money(value, currency)
