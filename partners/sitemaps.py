"""Sitemap sections of organisations, regions and integration centres."""

from core.sitemaps import PublicSitemap
from partners.models import IntegrationCentre, Organisation, Region


class OrganisationSitemap(PublicSitemap):
    def items(self):
        return Organisation.objects.reviewed().only("slug").order_by("pk")


class RegionSitemap(PublicSitemap):
    def items(self):
        return Region.objects.only("slug").order_by("pk")


class CentreSitemap(PublicSitemap):
    def items(self):
        # Closed centres too: their pages say so, to whoever finds them by name.
        return IntegrationCentre.objects.only("slug").order_by("pk")
