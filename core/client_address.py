"""The address a request came from, seen through the proxies the portal runs behind.

Behind a reverse proxy every request's REMOTE_ADDR is the proxy's, so a limit per address
would limit everyone together and the audit log would name the proxy. Each proxy appends the
address it received the request from to X-Forwarded-For; with TRUSTED_PROXY_COUNT proxies of
our own in front, the client is the entry that many places from the right. Entries further
left were written by the client itself and prove nothing, so they are never read.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "-"
