"""The base of every sitemap section: every page listed in every language."""

import math

from django.contrib.sitemaps import Sitemap


class PublicSitemap(Sitemap):
    """A sitemap section that names the host the request came to.

    The sites framework's default domain (example.com) says nothing about where the portal
    runs, so the views build each section with the request's host.
    """

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, domain: str = "") -> None:
        self.domain = domain

    def get_domain(self, site=None) -> str:
        return self.domain or super().get_domain(site)

    def page_count(self) -> int:
        """Pages of this section without loading its rows (the index needs only this)."""
        items = self.items()
        count = len(items) if isinstance(items, list) else items.count()
        return max(1, math.ceil(count * len(self._languages()) / self.limit))
