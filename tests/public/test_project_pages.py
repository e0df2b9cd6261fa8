import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.enums import RegionKind
from partners.models import Region, TargetGroup
from projects.models import ProjectRegion, ThematicArea
from tests.factories import (
    CityFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import build_project_with_related, page_text

pytestmark = pytest.mark.django_db


# --- Demo data in three languages


@pytest.mark.parametrize(
    ("language", "budget", "title", "role"),
    [
        ("en", "RON 1,469,247.47", "Services and assistance for migrants in Region 2", "Partner 2"),
        ("ro", "1.469.247,47 lei", "Servicii și asistență pentru migranți în Regiunea 2", "2"),
        ("bg", "1\xa0469\xa0247,47 RON", "Услуги и помощ за мигранти в Регион 2", "2"),
    ],
)
def test_project_page_shows_integrare_facts_in_each_language(
    client, demo, language, budget, title, role
):
    response = client.get(f"/{language}/projects/integrare-plus/")

    text = page_text(response)
    assert response.status_code == 200
    assert title in text
    assert "FAMI/15.03.02" in text
    assert "12" in text  # months
    assert budget in text
    assert role in text


def test_project_page_shows_romanian_budget_with_lei(client, demo):
    text = page_text(client.get("/ro/projects/integrare-plus/"))

    assert "1.469.247,47 lei" in text


def test_project_page_shows_english_budget_with_currency_code_first(client, demo):
    text = page_text(client.get("/en/projects/integrare-plus/"))

    assert "RON 1,469,247.47" in text


def test_project_page_lists_partners_in_role_order(client, demo):
    text = page_text(client.get("/en/projects/integrare-plus/"))

    beneficiary = text.index("World Vision")
    partner_1 = text.index("Novapolis")
    partner_2 = text.index("Civic Resource")
    assert beneficiary < partner_1 < partner_2


def test_project_page_shows_planned_outputs_of_connection(client, demo):
    text = page_text(client.get("/en/projects/connection/"))

    for figure in ("14", "7", "5"):
        assert figure in text
    assert "EUROCITIES" in text


def test_project_page_links_to_its_centres_region_and_meetings(client, demo):
    response = client.get("/en/projects/integrare-plus/")
    html = response.content.decode()

    assert 'href="/en/regions/region-2/"' in html
    assert 'href="/en/centres/regional-integration-centre-galati/"' in html
    assert 'href="/en/meetings/integrare-plus-quarterly-meeting-constanta-2016/"' in html
    assert "2nd quarterly coordination meeting" in page_text(response)


def test_unpublished_project_is_not_found(client):
    ProjectFactory(slug="draft-project", is_published=False)

    assert client.get("/en/projects/draft-project/").status_code == 404


def test_unknown_project_is_not_found(client):
    assert client.get("/en/projects/no-such-project/").status_code == 404


@pytest.mark.parametrize("n", [2, 50])
def test_project_page_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, n
):
    project = build_project_with_related(n)

    # project+programme, participations, regions, centres, their languages, outputs, target
    # groups, themes, outputs delivered, meetings, their quarterly numbers, their public
    # attachments, and the map's meeting venues (its centres and organisations are the
    # page's own, read once)
    with django_assert_num_queries(13):
        response = client.get(f"/en{project.get_absolute_url()[3:]}")

    assert response.status_code == 200
    assert page_text(response).count("Town ") >= n


def test_project_page_leaves_search_texts_and_meeting_minutes_unread(client):
    project = build_project_with_related(3)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/en{project.get_absolute_url()[3:]}")

    assert response.status_code == 200
    assert project.title in page_text(response)
    read = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert any('"meetings_meeting"."title_en"' in sql for sql in read)
    assert not any('"projects_project"."search_text"' in sql for sql in read)
    assert not any('"meetings_meeting"."minutes_en"' in sql for sql in read)


# --- The list and its filters


def _titles(response) -> set[str]:
    return {project.title for project in response.context["object_list"]}


def test_project_list_reads_the_summaries_its_cards_show_and_no_other_long_text(client):
    ProjectFactory(title="Listed", summary="What the card says", description="A long story")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/projects/")

    assert "What the card says" in page_text(response)
    read = " ".join(q["sql"] for q in queries if q["sql"].startswith("SELECT"))
    assert '"projects_project"."summary_en"' in read
    assert '"projects_project"."description_en"' not in read
    assert '"projects_project"."search_text"' not in read


def test_project_list_shows_published_projects_only(client):
    ProjectFactory(title="Visible project")
    ProjectFactory(title="Hidden project", is_published=False)

    text = page_text(client.get("/en/projects/"))

    assert "Visible project" in text
    assert "Hidden project" not in text


def test_project_list_filters_by_programme(client):
    fami = FundingProgrammeFactory(slug="fami")
    ProjectFactory(title="Under FAMI", programme=fami)
    ProjectFactory(title="Elsewhere")

    assert _titles(client.get("/en/projects/?programme=fami")) == {"Under FAMI"}


def test_project_list_filters_by_status(client):
    today = timezone.localdate()
    ProjectFactory(
        title="Done", start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 1, 1)
    )
    ProjectFactory(
        title="Running",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=10),
    )
    ProjectFactory(title="Coming", start_date=today + datetime.timedelta(days=30), end_date=None)

    assert _titles(client.get("/en/projects/?status=completed")) == {"Done"}
    assert _titles(client.get("/en/projects/?status=ongoing")) == {"Running"}
    assert _titles(client.get("/en/projects/?status=planned")) == {"Coming"}


def test_project_list_region_filter_includes_sub_regions(client):
    country = RegionFactory(slug="romania", kind=RegionKind.COUNTRY)
    region = Region.objects.create(
        name="Region 2", slug="region-2", kind=RegionKind.REGION, parent=country
    )
    county = Region.objects.create(
        name="Galați County", slug="galati-county", kind=RegionKind.COUNTY, parent=region
    )
    city = Region.objects.create(name="Galați", slug="galati", kind=RegionKind.CITY, parent=county)
    other = RegionFactory(slug="bulgaria", kind=RegionKind.COUNTRY)
    in_city = ProjectFactory(title="In the city")
    ProjectRegion.objects.create(project=in_city, region=city)
    abroad = ProjectFactory(title="Abroad")
    ProjectRegion.objects.create(project=abroad, region=other)

    assert _titles(client.get("/en/projects/?region=region-2")) == {"In the city"}
    assert _titles(client.get("/en/projects/?country=romania")) == {"In the city"}
    assert _titles(client.get("/en/projects/?country=bulgaria")) == {"Abroad"}


def test_project_list_names_a_place_outside_the_chosen_country_as_the_error(client):
    romania = RegionFactory(name="Romania", slug="romania", kind=RegionKind.COUNTRY)
    RegionFactory(name="Bulgaria", slug="bulgaria", kind=RegionKind.COUNTRY)
    galati = CityFactory(name="Galați", slug="galati", parent=romania)
    ProjectRegion.objects.create(project=ProjectFactory(title="In Galați"), region=galati)

    outside = client.get("/ro/projects/?country=bulgaria&region=galati")
    inside = client.get("/en/projects/?country=romania&region=galati")

    assert outside.context["filter"].form.errors["region"] == [
        "Galați nu se află în Bulgaria. Alegeți un loc din Bulgaria sau orice țară."
    ]
    assert "Galați nu se află în Bulgaria" in page_text(outside)
    assert _titles(inside) == {"In Galați"}
    assert not inside.context["filter"].form.errors


def test_project_list_filters_by_target_group_and_theme(client):
    bip = TargetGroup.objects.get(code="bip")
    employment = ThematicArea.objects.create(name="Employment", slug="employment")
    both = ProjectFactory(title="Both")
    both.target_groups.add(bip)
    both.thematic_areas.add(employment)
    group_only = ProjectFactory(title="Group only")
    group_only.target_groups.add(bip)
    ProjectFactory(title="Neither")

    assert _titles(client.get("/en/projects/?target_group=bip")) == {"Both", "Group only"}
    assert _titles(client.get("/en/projects/?target_group=bip&theme=employment")) == {"Both"}


def test_project_list_filters_by_partner_organisation(client):
    novapolis = OrganisationFactory(slug="novapolis")
    ParticipationFactory(organisation=novapolis, project=ProjectFactory(title="With Novapolis"))
    ProjectFactory(title="Without")

    assert _titles(client.get("/en/projects/?partner=novapolis")) == {"With Novapolis"}


def test_project_list_filters_by_year_running(client):
    ProjectFactory(
        title="EPI", start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2022, 6, 30)
    )
    ProjectFactory(
        title="Old", start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2016, 12, 31)
    )

    assert _titles(client.get("/en/projects/?year=2021")) == {"EPI"}
    assert _titles(client.get("/en/projects/?year=2016")) == {"Old"}


def test_project_list_words_filter_folds_accents(client):
    ProjectFactory(title="Servicii pentru migranți în Brașov")
    ProjectFactory(title="Something else")

    assert _titles(client.get("/en/projects/?q=brasov")) == {"Servicii pentru migranți în Brașov"}


@pytest.mark.parametrize(
    "query",
    ["year=abc", "year=99999999999", "programme=<script>", "status=everything", "region=nowhere"],
)
def test_project_list_bad_filter_value_shows_form_error(client, query):
    ProjectFactory(title="Some project")

    response = client.get(f"/en/projects/?{query}")

    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert 'class="field__errors"' in response.content.decode()


def test_project_list_paginates_and_keeps_filters_in_page_links(client):
    programme = FundingProgrammeFactory(slug="fami")
    for _ in range(25):
        ProjectFactory(programme=programme)

    first = client.get("/en/projects/?programme=fami")
    second = client.get("/en/projects/?programme=fami&page=2")

    assert len(first.context["object_list"]) == 20
    assert "?programme=fami&amp;page=2" in first.content.decode()
    assert len(second.context["object_list"]) == 5


def test_project_list_page_out_of_range_is_not_found(client):
    assert client.get("/en/projects/?page=9").status_code == 404


def test_project_list_sorts_by_title(client):
    for title in ("Beta", "Alpha", "Gamma"):
        ProjectFactory(title=title)

    response = client.get("/en/projects/?ordering=title")

    assert [p.title for p in response.context["object_list"]] == ["Alpha", "Beta", "Gamma"]


@pytest.mark.parametrize("n", [2, 50])
def test_project_list_query_count_does_not_grow_with_rows(client, django_assert_num_queries, n):
    for _ in range(n):
        ProjectFactory()

    # count, page of projects+programmes, then the filter form's choices: programmes,
    # countries, regions, target groups, themes (the partner is typed, no choices read)
    with django_assert_num_queries(7):
        response = client.get("/en/projects/")

    assert response.status_code == 200
