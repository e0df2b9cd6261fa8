"""The base of every sitemap section: every page listed in every language."""

import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class PublicSitemap(Sitemap):
    """A sitemap section on the portal's configured address (``SITE_SCHEME``, ``SITE_DOMAIN``).

    Crawlers are told one address for each page, whatever host they asked the sitemap from.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None) -> str:
        return settings.SITE_DOMAIN

    def get_protocol(self, protocol=None) -> str:
        return settings.SITE_SCHEME

    def page_count(self) -> int:
        """Pages of this section without loading its rows (the index needs only this)."""
        items = self.items()
        count = len(items) if isinstance(items, list) else items.count()
        return max(1, math.ceil(count * len(self._languages()) / self.limit))
