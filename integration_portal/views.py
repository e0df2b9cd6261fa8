"""Home page, site-wide search, the operator's pages (about, contact, privacy, accessibility),
robots.txt and the sitemap."""

from django import forms
from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sitemaps.views import sitemap as sitemap_section_view
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import TemplateView

from core import public_cache
from core.deferral import without_long_texts
from core.search import MAX_QUERY_LENGTH
from core.site_address import site_url
from integration_portal.search import search_site
from integration_portal.sitemaps import SITEMAPS
from meetings.models import Meeting
from partners.models import IntegrationCentre, Organisation, Region
from projects.models import Project

HOME_MEETINGS = 5


def home(request):
    # One queryset for both lists: a meeting's place in its series is built into it once.
    # The meeting cards show a meeting's summary and none of its other long texts, nor any
    # of its places' and host's.
    meetings = without_long_texts(
        Meeting.objects.published().for_list(), "city", "host", keep=["summary"]
    )
    context = {
        "counts": public_cache.remember(("home-counts",), home_counts),
        "upcoming_meetings": meetings.upcoming()[:HOME_MEETINGS],
        "recent_meetings": meetings.past()[:HOME_MEETINGS],
    }
    return render(request, "home.html", context)


def home_counts() -> dict[str, int]:
    return {
        "projects": Project.objects.published().count(),
        "organisations": Organisation.objects.reviewed().count(),
        "centres": IntegrationCentre.objects.active().count(),
        "regions": Region.objects.count(),
    }


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, required=False)


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            results = search_site(query)
    return render(
        request,
        "search.html",
        {"form": form, "results": results, "search_query": query},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


# --- The operator's pages: what the portal is, who runs it, its privacy notice and its
# accessibility statement. The facts they state come from settings, read on each request.


class OperatorPageView(TemplateView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | self.facts()

    def facts(self) -> dict:
        return {
            "operator": {
                "name": settings.PORTAL_OPERATOR_NAME,
                "address": settings.PORTAL_OPERATOR_ADDRESS,
                "email": settings.PORTAL_CONTACT_EMAIL,
                "phone": settings.PORTAL_CONTACT_PHONE,
            }
        }


class AboutView(OperatorPageView):
    template_name = "pages/about.html"


class ContactView(OperatorPageView):
    template_name = "pages/contact.html"


class PrivacyNoticeView(OperatorPageView):
    template_name = "pages/privacy.html"

    def facts(self) -> dict:
        return super().facts() | {
            "attendance_years": settings.ATTENDANCE_RETENTION_YEARS,
            "sign_in_log_days": settings.SIGN_IN_LOG_RETENTION_DAYS,
            "feedback_years": settings.FEEDBACK_RETENTION_YEARS,
            "authority_name": settings.PRIVACY_SUPERVISORY_AUTHORITY,
            "authority_url": settings.PRIVACY_SUPERVISORY_AUTHORITY_URL,
        }


class AccessibilityStatementView(OperatorPageView):
    template_name = "pages/accessibility.html"

    def facts(self) -> dict:
        return super().facts() | {
            "prepared_on": settings.ACCESSIBILITY_STATEMENT_PREPARED_ON,
            "reviewed_on": settings.ACCESSIBILITY_STATEMENT_REVIEWED_ON,
            "enforcement_body": settings.ACCESSIBILITY_ENFORCEMENT_BODY,
            "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
            "enforcement_law": settings.ACCESSIBILITY_ENFORCEMENT_LAW,
        }


@require_GET
def robots_txt(request) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /*/admin/",
        "Disallow: /*/accounts/",
        "Disallow: /*/search/",
        f"Sitemap: {site_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=24 * 3600)
def favicon(request) -> HttpResponse:
    """``/favicon.ico``, which browsers and feed readers ask for whatever the page links."""
    path = finders.find("favicon.ico")
    if not path:
        raise Http404
    with open(path, "rb") as icon:  # a few kilobytes
        return HttpResponse(icon.read(), content_type="image/x-icon")


def _sections_for(request) -> dict:
    return {name: cls() for name, cls in SITEMAPS.items()}


@require_GET
@x_robots_tag
def sitemap_index(request) -> TemplateResponse:
    """Every section's pages, counted rather than loaded."""
    entries = []
    for name, section in _sections_for(request).items():
        location = site_url(reverse("sitemap-section", args=[name]))
        entries.append(SitemapIndexItem(location))
        entries.extend(
            SitemapIndexItem(f"{location}?p={page}") for page in range(2, section.page_count() + 1)
        )
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@require_GET
def sitemap_section(request, section: str):
    if section not in SITEMAPS:
        raise Http404
    return sitemap_section_view(request, _sections_for(request), section=section)
