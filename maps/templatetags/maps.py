from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def map_shown(context) -> str:
    """A note to the response that it shows a map: maps.middleware then lets the page load the
    configured tile server's images. (The markers are the list's items: see map.js.)"""
    request = context.get("request")
    if request is not None:
        request.shows_map = True
    return ""


@register.simple_tag
def map_tiles() -> dict:
    return {"url": settings.MAP_TILES_URL, "attribution": settings.MAP_TILES_ATTRIBUTION}
