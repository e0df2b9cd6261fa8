from django import template
from django.conf import settings
from django.utils.html import json_script

register = template.Library()


@register.simple_tag(takes_context=True)
def map_data(context, points) -> str:
    """The map's markers as a JSON data island, and a note to the response that it shows a
    map: maps.middleware then lets the page load the configured tile server's images."""
    request = context.get("request")
    if request is not None:
        request.shows_map = True
    return json_script(points.markers, "map-points")


@register.simple_tag
def map_tiles() -> dict:
    return {"url": settings.MAP_TILES_URL, "attribution": settings.MAP_TILES_ATTRIBUTION}
