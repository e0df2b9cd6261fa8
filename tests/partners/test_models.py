from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from partners.enums import RegionKind
from partners.models import Region
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    OrganisationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def test_region_within_includes_every_level_below():
    country = RegionFactory(kind=RegionKind.COUNTRY)
    region = RegionFactory(kind=RegionKind.REGION, parent=country)
    county = RegionFactory(kind=RegionKind.COUNTY, parent=region)
    city = RegionFactory(kind=RegionKind.CITY, parent=county)
    elsewhere = RegionFactory(kind=RegionKind.CITY, parent=RegionFactory())

    assert set(Region.objects.within(region)) == {region, county, city}
    assert elsewhere not in Region.objects.within(country)
    assert city.depth == 3


def test_moving_a_region_moves_its_descendants():
    old_country, new_country = RegionFactory(), RegionFactory()
    county = RegionFactory(kind=RegionKind.COUNTY, parent=old_country)
    city = RegionFactory(kind=RegionKind.CITY, parent=county)

    county.parent = new_country
    county.save()

    city.refresh_from_db()
    assert city in Region.objects.within(new_country)
    assert city not in Region.objects.within(old_country)


def test_region_cannot_sit_inside_a_smaller_one():
    city = CityFactory()
    county = RegionFactory.build(kind=RegionKind.COUNTY, parent=city, slug="a-county")

    with pytest.raises(ValidationError) as error:
        county.full_clean()
    assert "cannot sit inside" in str(error.value.message_dict["parent"])


def test_region_cannot_sit_inside_its_own_descendant():
    country = RegionFactory()
    region = RegionFactory(kind=RegionKind.REGION, parent=country)
    country.parent = region
    country.kind = RegionKind.COUNTRY

    with pytest.raises(ValidationError):
        country.full_clean()


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [(91, 28, "latitude"), (-90.5, 28, "latitude"), (44, 181, "longitude")],
)
def test_centre_coordinates_out_of_range_are_refused(latitude, longitude, field):
    centre = IntegrationCentreFactory()
    centre.latitude, centre.longitude = latitude, longitude

    with pytest.raises(ValidationError) as error:
        centre.full_clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("factory", [IntegrationCentreFactory, OrganisationFactory])
@pytest.mark.parametrize(
    ("latitude", "longitude", "missing"), [(44.17, None, "longitude"), (None, 28.65, "latitude")]
)
def test_half_a_coordinate_is_refused_on_the_field_left_empty(
    factory, latitude, longitude, missing
):
    place = factory()
    place.latitude, place.longitude = latitude, longitude

    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert error.value.message_dict[missing] == ["Give both latitude and longitude, or neither."]


def test_a_whole_coordinate_pair_or_none_is_accepted():
    centre = IntegrationCentreFactory(latitude=None, longitude=None)
    centre.full_clean()
    centre.latitude, centre.longitude = Decimal("44.173300"), Decimal("28.638300")
    centre.full_clean()


def test_centre_public_email_must_be_valid():
    centre = IntegrationCentreFactory()
    centre.email = "not-an-address"

    with pytest.raises(ValidationError) as error:
        centre.full_clean()
    assert "email" in error.value.message_dict


def test_deleting_a_region_with_a_city_or_centre_is_refused():
    centre = IntegrationCentreFactory()

    with pytest.raises(ProtectedError):
        centre.city.delete()
    with pytest.raises(ProtectedError):
        centre.city.parent.delete()


def test_deleting_an_organisation_that_runs_a_centre_is_refused():
    centre = IntegrationCentreFactory(organisation=OrganisationFactory())

    with pytest.raises(ProtectedError):
        centre.organisation.delete()
