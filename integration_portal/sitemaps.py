from django.urls import reverse

from core.sitemaps import PublicSitemap
from meetings.sitemaps import MeetingSitemap
from partners.sitemaps import CentreSitemap, OrganisationSitemap, RegionSitemap
from projects.sitemaps import ProjectSitemap


class PageSitemap(PublicSitemap):
    """The home page and the lists."""

    def items(self) -> list[str]:
        return [
            "home",
            "projects:project-list",
            "partners:organisation-list",
            "partners:region-list",
            "partners:centre-list",
            "meetings:meeting-list",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[PublicSitemap]] = {
    "pages": PageSitemap,
    "projects": ProjectSitemap,
    "organisations": OrganisationSitemap,
    "regions": RegionSitemap,
    "centres": CentreSitemap,
    "meetings": MeetingSitemap,
}
