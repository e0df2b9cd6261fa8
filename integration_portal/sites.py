"""The sites framework's Site names the portal's configured address.

Django's admin ("View on site") and allauth's e-mails take the host from the sites framework,
whose first Site says example.com until someone edits it. Each ``migrate`` (every deploy runs
one) sets it to ``SITE_DOMAIN``, so it cannot drift from the setting.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import DEFAULT_DB_ALIAS

SITE_NAME = "Integration Portal"


def follow_site_domain(sender=None, *, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Receiver of ``post_migrate`` from the sites app, after it has created its default Site."""
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": SITE_NAME}
    )
    Site.objects.clear_cache()
