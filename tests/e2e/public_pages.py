"""The pages checked for accessibility and validity: one of each public page type, the search
results, the sign-in page, the operator's pages (about, contact, privacy notice, accessibility
statement), the accessibility feedback form and the 404 page, in every language of the site."""

from django.urls import reverse
from django.utils import translation

LANGUAGES = ["en", "ro", "bg"]

# name: (URL name, URL keyword arguments, query string); the objects come from the demo data.
PAGES: dict[str, tuple[str, dict[str, str], str]] = {
    "home": ("home", {}, ""),
    "project-list": ("projects:project-list", {}, ""),
    "project-list-filtered": ("projects:project-list", {}, "?region=region-2"),
    "project-detail": ("projects:project-detail", {"slug": "integrare-plus"}, ""),
    "organisation-list": ("partners:organisation-list", {}, ""),
    "organisation-detail": ("partners:organisation-detail", {"slug": "world-vision-romania"}, ""),
    "region-list": ("partners:region-list", {}, ""),
    "region-detail": ("partners:region-detail", {"slug": "region-2"}, ""),
    "centre-list": ("partners:centre-list", {}, ""),
    "centre-detail": (
        "partners:centre-detail",
        {"slug": "regional-integration-centre-constanta"},
        "",
    ),
    "meeting-list": ("meetings:meeting-list", {}, ""),
    "meeting-detail": (
        "meetings:meeting-detail",
        {"slug": "integrare-plus-quarterly-meeting-constanta-2016"},
        "",
    ),
    "search-results": ("search", {}, "?q=Constanta"),
    "sign-in": ("account_login", {}, ""),
    "about": ("about", {}, ""),
    "contact": ("contact", {}, ""),
    "privacy-notice": ("privacy-notice", {}, ""),
    "accessibility-statement": ("accessibility-statement", {}, ""),
    "feedback-form": ("feedback:feedback-form", {}, "?page=/en/projects/"),
    "map": ("maps:map", {}, ""),
    "map-filtered": ("maps:map", {}, "?show=centres&region=region-2"),
}
NOT_FOUND = "not-found"
PAGE_NAMES = [*PAGES, NOT_FOUND]


def page_path(name: str, language: str) -> str:
    """The path of the page in that language; the 404 page is any path that matches nothing."""
    if name == NOT_FOUND:
        return f"/{language}/no-such-page/"
    url_name, kwargs, query = PAGES[name]
    with translation.override(language):
        return reverse(url_name, kwargs=kwargs) + query


def all_pages() -> list[tuple[str, str]]:
    return [(language, name) for language in LANGUAGES for name in PAGE_NAMES]
