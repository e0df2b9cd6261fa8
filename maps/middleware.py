"""The tile server's origin in the Content Security Policy of pages that show a map, only."""

from urllib.parse import urlsplit

from django.conf import settings


def tiles_origin(url: str) -> str:
    """https://tiles.example.org/{z}/{x}/{y}.png -> https://tiles.example.org"""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class MapTilesContentSecurityPolicyMiddleware:
    """Runs inside django.middleware.csp.ContentSecurityPolicyMiddleware, which builds the
    header from the policy this one leaves on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        origin = tiles_origin(settings.MAP_TILES_URL)
        if origin and getattr(request, "shows_map", False):
            # A view's own policy stands, also an empty one (no header at all).
            policy = getattr(response, "_csp_config", settings.SECURE_CSP)
            if policy:
                img_src = [*policy.get("img-src", []), origin]
                response._csp_config = {**policy, "img-src": img_src}
        return response
