"""The portal's own public address, for links and identifiers that leave the site.

Calendar UIDs and the links in feeds, calendar files and the sitemap are read by programs that
keep them: a calendar that saw ``meeting-3@localhost`` and then ``meeting-3@127.0.0.1:8102`` shows
the meeting twice. So they name the configured ``SITE_SCHEME`` and ``SITE_DOMAIN``, never the
host a request happened to use.
"""

from django.conf import settings


def site_url(path: str = "/") -> str:
    """``https://portal.example.org/en/meetings/``: ``path`` on the portal's public address."""
    return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}{path}"
