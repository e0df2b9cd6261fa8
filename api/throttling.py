from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from core.client_address import client_address


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client address, counted in the default cache at API_ANON_RATE.

    Read from the settings on each request rather than once at import, as DRF's own class
    does, so that the rate follows the settings in force.
    """

    def get_rate(self) -> str:
        return settings.API_ANON_RATE

    def get_ident(self, request) -> str:
        # The same address as every other limit and the audit log read (TRUSTED_PROXY_COUNT).
        return client_address(request)

    def get_cache_key(self, request, view) -> str:
        # Every reader is anonymous here, signed in to the portal or not.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
