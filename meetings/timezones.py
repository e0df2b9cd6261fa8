"""Venue time zones: the IANA names a coordinator chooses from, and a country's usual zone."""

import zoneinfo
from functools import cache

from django.conf import settings

from partners.enums import RegionKind
from partners.models import Organisation, Region

# The zone of a country's capital, for the countries where the portal's meetings take place
# (the EU, its neighbours and the candidate countries). Where a country spans several zones
# (Portugal, Spain) this is the mainland's; a coordinator picks another zone by hand.
COUNTRY_TIME_ZONES = {
    "AT": "Europe/Vienna",
    "BE": "Europe/Brussels",
    "BG": "Europe/Sofia",
    "CY": "Asia/Nicosia",
    "CZ": "Europe/Prague",
    "DE": "Europe/Berlin",
    "DK": "Europe/Copenhagen",
    "EE": "Europe/Tallinn",
    "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki",
    "FR": "Europe/Paris",
    "GR": "Europe/Athens",
    "HR": "Europe/Zagreb",
    "HU": "Europe/Budapest",
    "IE": "Europe/Dublin",
    "IT": "Europe/Rome",
    "LT": "Europe/Vilnius",
    "LU": "Europe/Luxembourg",
    "LV": "Europe/Riga",
    "MT": "Europe/Malta",
    "NL": "Europe/Amsterdam",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "RO": "Europe/Bucharest",
    "SE": "Europe/Stockholm",
    "SI": "Europe/Ljubljana",
    "SK": "Europe/Bratislava",
    # Neighbours and candidates.
    "AL": "Europe/Tirane",
    "BA": "Europe/Sarajevo",
    "CH": "Europe/Zurich",
    "GB": "Europe/London",
    "IS": "Atlantic/Reykjavik",
    "MD": "Europe/Chisinau",
    "ME": "Europe/Podgorica",
    "MK": "Europe/Skopje",
    "NO": "Europe/Oslo",
    "RS": "Europe/Belgrade",
    "TR": "Europe/Istanbul",
    "UA": "Europe/Kyiv",
}

# The areas of the IANA database; other names are old aliases ("US/Eastern", "Etc/GMT+2").
AREAS = [
    "Europe",
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Indian",
    "Pacific",
]


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The IANA zones grouped by area, Europe first: [("Europe", [("Europe/Warsaw", …)]), …]."""
    groups = []
    for area in AREAS:
        names = sorted(name for name in _zone_names() if name.startswith(f"{area}/"))
        groups.append((area, [(name, name) for name in names]))
    groups.append(("UTC", [("UTC", "UTC")]))
    return groups


def is_offered(zone: str) -> bool:
    return any(zone == name for _area, names in time_zone_choices() for name, _label in names)


def country_time_zone(country: Region | None) -> str | None:
    """The usual zone of a country (a region of kind country, by its ISO 3166 code)."""
    if country is None:
        return None
    return COUNTRY_TIME_ZONES.get(country.code.split("-")[0].upper())


def country_of(place: Region | None) -> Region | None:
    """The country a place lies in: itself, or the ancestor of kind country."""
    if place is None:
        return None
    if place.kind == RegionKind.COUNTRY:
        return place
    return (
        Region.objects.filter(pk__in=place.ancestor_ids, kind=RegionKind.COUNTRY)
        .order_by("path")
        .first()
    )


def venue_time_zone(*, city: Region | None, host: Organisation | None) -> str:
    """The zone of a meeting's venue, from the country of its city or else of its host
    organisation; the portal's own zone when neither tells."""
    countries = [country_of(city)]
    if host is not None:
        countries += [country_of(host.city) if host.city_id else None, host.country]
    for country in countries:
        zone = country_time_zone(country)
        if zone:
            return zone
    return settings.TIME_ZONE
