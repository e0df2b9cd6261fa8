"""Web addresses of places and organisations are made unique for the editor, never refused."""

import pytest
from django.urls import reverse

from partners.enums import RegionKind
from partners.models import Organisation, Region
from tests.factories import OrganisationFactory, RegionFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _add_form(client, model_name: str):
    url = reverse(f"admin:partners_{model_name}_add")
    return url, find_form(client.get(url).content.decode(), with_field="name_en")


def test_a_county_named_like_its_city_gets_its_own_web_address(client, superuser):
    romania = RegionFactory(name="Romania", slug="romania")
    RegionFactory(name="Constanța", slug="constanta", kind=RegionKind.CITY, parent=romania)
    client.force_login(superuser)
    url, form = _add_form(client, "region")
    form.data.update(
        {"name_en": ["Constanța"], "kind": [RegionKind.COUNTY], "parent": [str(romania.pk)]}
    )
    form.data["slug"] = ["constanta"]  # what the admin's script proposes from the name

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:2000]
    county = Region.objects.get(kind=RegionKind.COUNTY)
    assert county.slug == "constanta-county"
    assert "Constanța" in client.get(county.get_absolute_url()).content.decode()


def test_an_organisation_saved_without_a_web_address_gets_one_from_its_name(client, superuser):
    OrganisationFactory(name="Caritas", slug="caritas")
    client.force_login(superuser)
    url, form = _add_form(client, "organisation")
    form.data.update({"name_ro": ["Caritas"], "kind": [form.options["kind"][-1]]})
    form.data["slug"] = [""]

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(Organisation.objects.values_list("slug", flat=True)) == {"caritas", "caritas-2"}


def test_the_web_address_field_speaks_of_web_addresses_not_slugs(client, superuser):
    client.force_login(superuser)

    page = client.get(reverse("admin:partners_region_add")).content.decode()

    assert "Web address" in page
    assert "Slug" not in page
