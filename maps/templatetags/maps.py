from html import escape

from django import template
from django.conf import settings
from django.templatetags.l10n import unlocalize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from maps.points import KIND_LABELS, MapPoint

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


@register.simple_tag
def map_places(points: list[MapPoint]) -> SafeString:
    """The items of the list of places beside a map: each place's name and link, its kind, its
    meeting's date, its address, and its coordinates when its record gives them (map.js makes
    the items that have them the map's markers), else a note that it has none.

    Written here rather than as a loop in the template, and with plain string formatting: the
    map page lists up to 1,500 places, which took 58 ms to draw in the template and 30 ms with
    format_html(), and take under 4 ms so."""
    kind_labels = {kind: escape(str(label)) for kind, label in KIND_LABELS.items()}
    no_location = escape(gettext("No location given"))
    items = []
    for point in points:
        kind = escape(point.kind)
        if point.has_location:
            location = (
                f' data-kind="{kind}" data-lat="{escape(unlocalize(point.latitude))}"'
                f' data-lng="{escape(unlocalize(point.longitude))}"'
            )
            note = ""
        else:
            location = ""
            note = f'\n<span class="map-list__unlocated">{no_location}</span>'
        when = f" · {escape(point.when)}" if point.when else ""
        address = (
            f'\n<span class="map-list__address">{escape(point.address)}</span>'
            if point.address
            else ""
        )
        items.append(
            f'<li class="map-list__item map-list__item--{kind}"{location}>\n'
            f'<a href="{escape(point.url)}">{escape(point.name)}</a>\n'
            f'<span class="meta"><span class="map-list__kind">{kind_labels[point.kind]}</span>'
            f"{when}</span>{address}{note}\n</li>"
        )
    return mark_safe("\n".join(items))
