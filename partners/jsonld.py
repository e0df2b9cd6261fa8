"""Organisations and places as schema.org data (see core.jsonld)."""

from decimal import Decimal

from core.jsonld import SCHEMA_ORG, json_ld_builders, without_empty
from core.site_address import site_url
from partners.models import Organisation, Region


def postal_address(*, street: str = "", city: Region | None, country: Region | None) -> dict:
    """A `PostalAddress`: the country as its ISO code where the portal holds one."""
    return without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": city.name if city else "",
            "addressCountry": (country.code or country.name) if country else "",
        }
    )


def geo_coordinates(latitude: Decimal | None, longitude: Decimal | None) -> dict | None:
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def organisation_reference(organisation: Organisation) -> dict:
    """Enough to name an organisation inside another description, and find its page."""
    return without_empty(
        {
            "@type": "Organization",
            "@id": site_url(organisation.get_absolute_url()),
            "name": organisation.name,
            "url": site_url(organisation.get_absolute_url()),
        }
    )


@json_ld_builders.register(Organisation)
def organisation_json_ld(organisation: Organisation) -> dict | None:
    if not organisation.is_reviewed:
        return None
    address = postal_address(
        street=organisation.address, city=organisation.city, country=organisation.country
    )
    geo = geo_coordinates(organisation.latitude, organisation.longitude)
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            **organisation_reference(organisation),
            "legalName": organisation.official_name,
            "alternateName": organisation.acronym,
            "description": organisation.description,
            "address": address if len(address) > 1 else None,
            "location": {"@type": "Place", "geo": geo} if geo else None,
            "sameAs": organisation.website,
        }
    )
