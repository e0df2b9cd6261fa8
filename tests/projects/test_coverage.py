"""The places a project works in follow every change to its links and to the places themselves:
the region pages and the project list's region filter read them."""

import pytest
from django.core import serializers
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.enums import RegionKind
from projects.coverage import refresh_coverage, refreshed_once
from projects.enums import ParticipationRole
from projects.models import Participation, Project, ProjectCoverage
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import page_text
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    romania = RegionFactory(name="Romania", slug="romania")
    constanta_county = RegionFactory(
        name="Constanța County", slug="constanta-county", kind=RegionKind.COUNTY, parent=romania
    )
    constanta = CityFactory(name="Constanța", slug="constanta", parent=constanta_county)
    iasi_county = RegionFactory(
        name="Iași County", slug="iasi-county", kind=RegionKind.COUNTY, parent=romania
    )
    iasi = CityFactory(name="Iași", slug="iasi", parent=iasi_county)
    poland = RegionFactory(name="Poland", slug="poland")
    return {
        "romania": romania,
        "constanta_county": constanta_county,
        "constanta": constanta,
        "iasi_county": iasi_county,
        "iasi": iasi,
        "poland": poland,
    }


def covering(region) -> set[str]:
    return set(Project.objects.covering(region).values_list("title", flat=True))


def listed_on_region_page(client, region) -> str:
    return page_text(client.get(f"/en/regions/{region.slug}/"))


def test_a_partner_moving_to_another_city_moves_its_project_between_region_pages(client, places):
    partner = OrganisationFactory(city=places["constanta"], country=places["romania"])
    ParticipationFactory(project=ProjectFactory(title="Harbour welcome"), organisation=partner)
    assert "Harbour welcome" in listed_on_region_page(client, places["constanta_county"])

    partner.city = places["iasi"]
    partner.save()

    assert "Harbour welcome" not in listed_on_region_page(client, places["constanta_county"])
    assert "Harbour welcome" in listed_on_region_page(client, places["iasi_county"])
    assert "Harbour welcome" in listed_on_region_page(client, places["romania"])


def test_regions_added_and_removed_together_are_followed(places):
    project = ProjectFactory(title="Two counties")

    project.regions.add(places["constanta"], places["iasi_county"])
    assert all(
        "Two counties" in covering(places[name])
        for name in ("constanta", "constanta_county", "iasi_county", "romania")
    )
    assert covering(places["iasi"]) == set()  # a county named covers the county, not each city

    project.regions.remove(places["constanta"])
    assert covering(places["constanta_county"]) == set()
    assert covering(places["romania"]) == {"Two counties"}

    project.regions.clear()
    assert covering(places["romania"]) == set()


def test_a_centre_leaving_its_projects_takes_them_off_its_city(places):
    centre = IntegrationCentreFactory(city=places["constanta"])
    centre.projects.add(ProjectFactory(title="First"), ProjectFactory(title="Second"))
    assert covering(places["constanta"]) == {"First", "Second"}

    centre.projects.clear()

    assert covering(places["constanta"]) == set()


def test_a_centre_moved_to_another_city_takes_its_projects_along(places):
    centre = IntegrationCentreFactory(city=places["constanta"])
    ProjectFactory(title="Mobile centre").centres.add(centre)

    centre.city = places["iasi"]
    centre.save()

    assert covering(places["constanta_county"]) == set()
    assert covering(places["iasi_county"]) == {"Mobile centre"}


def test_a_county_moved_under_another_country_takes_its_projects_along(client, places):
    partner = OrganisationFactory(city=places["constanta"])
    ParticipationFactory(project=ProjectFactory(title="Black Sea"), organisation=partner)

    county = places["constanta_county"]
    county.parent = places["poland"]
    county.save()

    assert covering(places["romania"]) == set()
    assert covering(places["poland"]) == {"Black Sea"}
    response = client.get("/en/projects/", {"region": "poland"})
    assert "Black Sea" in page_text(response)


def test_removing_a_partner_and_then_the_project_leaves_no_rows_behind(places):
    participation = ParticipationFactory(
        organisation=OrganisationFactory(city=places["constanta"], country=places["romania"])
    )
    project = participation.project
    assert ProjectCoverage.objects.filter(project=project).exists()

    Participation.objects.filter(project=project).delete()
    assert not ProjectCoverage.objects.filter(project=project).exists()
    project.delete()

    assert not Project.objects.filter(pk=project.pk).exists()


def test_rows_kept_along_the_way_are_those_worked_out_from_scratch(places):
    project = ProjectFactory()
    project.regions.add(places["iasi_county"])
    centre = IntegrationCentreFactory(city=places["constanta"])
    project.centres.add(centre)
    partner = OrganisationFactory(country=places["poland"])
    ParticipationFactory(project=project, organisation=partner, role=ParticipationRole.LEAD_PARTNER)
    partner.country = places["romania"]
    partner.save()
    centre.city = places["iasi"]
    centre.save()

    def rows() -> set[tuple[int, int]]:
        return set(ProjectCoverage.objects.values_list("project_id", "region_id"))

    kept = rows()
    refresh_coverage()

    assert kept == rows()
    assert (project.pk, places["poland"].pk) not in kept


def test_rows_loaded_as_they_were_saved_bring_their_own_coverage(places):
    partner = OrganisationFactory(city=places["constanta"])
    participation = ParticipationFactory(project=ProjectFactory(title="Kept"), organisation=partner)
    saved = serializers.serialize("json", [participation, *ProjectCoverage.objects.all()])
    participation.delete()
    assert covering(places["romania"]) == set()

    for row in serializers.deserialize("json", saved):
        row.save()

    assert covering(places["romania"]) == {"Kept"}


def test_partners_added_in_one_admin_save_rewrite_the_coverage_once(client, superuser, places):
    project = ProjectFactory(title="Three partners")
    partners = [
        OrganisationFactory(city=places[city], country=places["romania"])
        for city in ("constanta", "iasi", "constanta")
    ]
    url = reverse("admin:projects_project_change", args=[project.pk])
    client.force_login(superuser)
    form = find_form(client.get(url).content.decode(), with_field="participations-TOTAL_FORMS")
    for partner in partners:
        row = form.add_inline_row("participations")
        form.data[f"participations-{row}-organisation"] = [str(partner.pk)]
        form.data[f"participations-{row}-role"] = [ParticipationRole.PARTNER]

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:3000]
    rewrites = [q for q in queries if q["sql"].startswith('INSERT INTO "projects_projectcoverage"')]
    assert len(rewrites) == 1
    assert covering(places["constanta_county"]) == {"Three partners"}
    assert covering(places["iasi_county"]) == {"Three partners"}


def test_a_failed_block_refreshes_nothing_and_later_saves_refresh_again(places):
    project = ProjectFactory(title="Rolled back")
    with pytest.raises(RuntimeError), transaction.atomic(), refreshed_once():
        project.regions.add(places["iasi"])
        raise RuntimeError

    project.regions.add(places["constanta"])

    assert covering(places["constanta_county"]) == {"Rolled back"}
    assert covering(places["iasi_county"]) == set()
