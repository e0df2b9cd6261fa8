"""The integration centres shown on organisation and region pages, and a region's
organisations."""

from django.urls import reverse

from core.deferral import without_long_texts
from core.sections import Section, page_sections
from core.views import first_rows, list_url
from partners.models import IntegrationCentre, Organisation, Region

# Centres and organisations a region page previews; the centre list filtered by the place
# holds them all, and organisations, which only a country's list can filter by, show more.
CENTRE_LIMIT = 12
ORGANISATION_LIMIT = 50
# A centre's card shows its address and opening hours; none of these rows' other long texts.
CENTRE_CARD_TEXTS = ("opening_hours",)


@page_sections.register("partners:organisation", order=30)
def centres_of_organisation(organisation: Organisation) -> list[Section]:
    centres = list(
        without_long_texts(
            organisation.centres.select_related("city"), "city", keep=CENTRE_CARD_TEXTS
        )
        .prefetch_related("languages")
        .order_by("-is_active", "name")
    )
    return [Section("centres", "partners/sections/organisation_centres.html", centres)]


@page_sections.register("partners:region", order=20)
def centres_in_region(region: Region) -> list[Section]:
    # Closed centres stay listed, after the open ones, saying that they closed: someone who
    # heard of one learns it no longer receives people.
    centres, more = first_rows(
        without_long_texts(
            IntegrationCentre.objects.filter(city__path__startswith=region.path).select_related(
                "city"
            ),
            "city",
            keep=CENTRE_CARD_TEXTS,
        )
        .prefetch_related("languages")
        .order_by("-is_active", "name"),
        CENTRE_LIMIT,
    )
    url = list_url(reverse("partners:centre-list"), region=region.slug)
    return [
        Section(
            "centres", "partners/sections/region_centres.html", centres, has_more=more, list_url=url
        )
    ]


@page_sections.register("partners:region", order=15)
def organisations_in_region(region: Region) -> list[Section]:
    """Organisations based in the place or in a place inside it, each with its city (the
    country is the page's or above it)."""
    organisations, more = first_rows(
        without_long_texts(
            Organisation.objects.reviewed().located_in(region).select_related("city"), "city"
        ).order_by("name"),
        ORGANISATION_LIMIT,
    )
    url = list_url(reverse("partners:organisation-list"), region=region.slug)
    return [
        Section(
            "organisations",
            "partners/sections/region_organisations.html",
            organisations,
            has_more=more,
            list_url=url,
        )
    ]
