"""search_text folded with anyascii, the names first between marks (see core.search)."""

from django.db import migrations

from core.search import names, rewrite_search_text, translations_of


def region_parts(region):
    return [*names(*translations_of(region, "name")), region.code]


def organisation_parts(organisation):
    return [
        *names(
            *translations_of(organisation, "name"),
            organisation.official_name,
            organisation.acronym,
        ),
        *translations_of(organisation, "description"),
    ]


def centre_parts(centre):
    return [
        *names(*translations_of(centre, "name")),
        centre.address,
        *(translations_of(centre.city, "name") if centre.city_id else []),
        *translations_of(centre, "description"),
    ]


def rewrite(apps, schema_editor):
    rewrite_search_text(apps.get_model("partners", "Region").objects.all(), region_parts)
    rewrite_search_text(
        apps.get_model("partners", "Organisation").objects.all(), organisation_parts
    )
    rewrite_search_text(
        apps.get_model("partners", "IntegrationCentre").objects.select_related("city"),
        centre_parts,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0008_organisation_company_kind_address_temporary_protection"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop, elidable=True)]
