"""The integration centres shown on organisation and region pages, and a region's
organisations."""

from django.urls import reverse

from core.sections import Section, page_sections
from core.views import first_rows, list_url
from partners.enums import RegionKind
from partners.models import IntegrationCentre, Organisation, Region

RELATED_LIMIT = 50
# What a card or a row of these sections does not show: left in the database.
LONG_TEXTS = ("search_text", "description")


def _unread(*relations: str) -> list[str]:
    """The long texts of the rows and of their `relations`, for defer()."""
    return [*LONG_TEXTS, *(f"{rel}__{field}" for rel in relations for field in LONG_TEXTS)]


@page_sections.register("partners:organisation", order=30)
def centres_of_organisation(organisation: Organisation) -> list[Section]:
    centres = list(
        organisation.centres.select_related("city")
        .defer(*_unread("city"))
        .prefetch_related("languages")
        .order_by("-is_active", "name")
    )
    return [Section("centres", "partners/sections/organisation_centres.html", centres)]


@page_sections.register("partners:region", order=20)
def centres_in_region(region: Region) -> list[Section]:
    # Closed centres stay listed, after the open ones, saying that they closed: someone who
    # heard of one learns it no longer receives people.
    centres, more = first_rows(
        IntegrationCentre.objects.filter(city__path__startswith=region.path)
        .select_related("city")
        .defer(*_unread("city"))
        .prefetch_related("languages")
        .order_by("-is_active", "name"),
        RELATED_LIMIT,
    )
    url = list_url(reverse("partners:centre-list"), region=region.slug)
    return [
        Section(
            "centres", "partners/sections/region_centres.html", centres, has_more=more, list_url=url
        )
    ]


@page_sections.register("partners:region", order=15)
def organisations_in_region(region: Region) -> list[Section]:
    """Organisations based in the place or in a place inside it."""
    organisations, more = first_rows(
        Organisation.objects.reviewed()
        .located_in(region)
        .with_places()
        .defer(*_unread("city", "country"))
        .order_by("name"),
        RELATED_LIMIT,
    )
    url = ""
    if region.kind == RegionKind.COUNTRY:
        url = list_url(reverse("partners:organisation-list"), country=region.slug)
    return [
        Section(
            "organisations",
            "partners/sections/region_organisations.html",
            organisations,
            has_more=more,
            list_url=url,
        )
    ]
