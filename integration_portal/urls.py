from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from integration_portal import health
from integration_portal import views as site_views
from opendata import urls as opendata_urls

admin.site.site_header = _("Integration Portal administration")
admin.site.site_title = _("Integration Portal")
admin.site.index_title = _("Back office")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Load balancers: not language-prefixed
    path("healthz", health.healthz, name="healthz"),
    # Crawlers: not language-prefixed
    path("robots.txt", site_views.robots_txt, name="robots-txt"),
    path("sitemap.xml", site_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", site_views.sitemap_section, name="sitemap-section"),
    # Browsers and feed readers ask for it at the root, whatever the page links
    path("favicon.ico", site_views.favicon, name="favicon"),
    # Open data harvesters: the data package and the DCAT-AP catalogue, not language-prefixed
    *opendata_urls.root_urlpatterns,
    # The read-only JSON API, its OpenAPI document and docs: not language-prefixed
    path("api/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", site_views.home, name="home"),
    path("search/", site_views.search, name="search"),
    # The pages a public body's site must have
    path("about/", site_views.AboutView.as_view(), name="about"),
    path("contact/", site_views.ContactView.as_view(), name="contact"),
    path("privacy/", site_views.PrivacyNoticeView.as_view(), name="privacy-notice"),
    path(
        "accessibility/",
        site_views.AccessibilityStatementView.as_view(),
        name="accessibility-statement",
    ),
    path("", include("feedback.urls")),
    path("", include("projects.urls")),
    path("", include("partners.urls")),
    path("", include("meetings.urls")),
    path("", include("maps.urls")),
    path("", include("reminders.urls")),
    path("", include("opendata.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
