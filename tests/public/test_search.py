import pytest

from core.search import fold, search_terms
from meetings.enums import MeetingStatus
from tests.factories import (
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ProjectFactory,
)
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def _group(response, key: str) -> list:
    for group in response.context["results"].groups:
        if group.key == key:
            return group.results
    raise AssertionError(key)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Constanta", "Constanța"),
        ("Galati", "Galați"),
        ("Brasov", "Brașov"),
        ("CONSTANŢA", "Constanța"),  # cedilla and comma-below forms of the same letter
        ("софия", "София"),
        ("kosice", "Košice"),
    ],
)
def test_fold_makes_typed_and_stored_forms_equal(typed, stored):
    assert fold(typed) == fold(stored)


def test_search_terms_drop_duplicates_and_cap_the_length():
    assert search_terms("  Galați galati  ") == ["galati"]
    assert search_terms("x" * 10_000) == ["x" * 200]


@pytest.mark.parametrize(
    ("query", "group", "expected"),
    [
        ("Constanta", "centres", "Regional Integration Centre Constanța"),
        ("Galati", "centres", "Regional Integration Centre Galați"),
        ("Brasov", "organisations", "Migrant Integration Center Brașov"),
        ("constanta", "meetings", "Quarterly coordination meeting of Region 2 in Constanța"),
        ("integrare", "projects", "INTEGRARE+: Services and assistance for migrants in Region 2"),
    ],
)
def test_search_finds_demo_rows_without_accents(client, demo, query, group, expected):
    response = client.get(f"/en/search/?q={query}")

    assert response.status_code == 200
    assert expected in [
        str(getattr(row, "title", None) or row.name) for row in _group(response, group)
    ]


def test_search_matches_any_language_of_the_content(client, demo):
    # The Romanian and Bulgarian titles find the page from the English interface.
    romanian = client.get("/en/search/?q=Servicii asistenta migranti")
    bulgarian = client.get("/en/search/?q=Услуги помощ мигранти")

    assert [p.slug for p in _group(romanian, "projects")] == ["integrare-plus"]
    assert [p.slug for p in _group(bulgarian, "projects")] == ["integrare-plus"]


def test_search_folds_cyrillic_case(client):
    OrganisationFactory(name="Асоциация за развитие на София", slug="ars")

    response = client.get("/en/search/?q=СОФИЯ")

    assert [o.slug for o in _group(response, "organisations")] == ["ars"]


def test_search_needs_every_word(client):
    ProjectFactory(title="Integration in Galați")
    ProjectFactory(title="Integration in Sofia")

    response = client.get("/en/search/?q=integration galati")

    assert [p.title for p in _group(response, "projects")] == ["Integration in Galați"]


def test_search_groups_results_by_type(client):
    ProjectFactory(title="Harbour project")
    OrganisationFactory(name="Harbour association")
    IntegrationCentreFactory(name="Harbour centre")
    MeetingFactory(title="Harbour meeting")

    text = page_text(client.get("/en/search/?q=harbour"))

    for heading in ("Projects", "Organisations", "Integration centres", "Meetings"):
        assert heading in text
    assert text.index("Harbour project") < text.index("Harbour association")


def test_search_leaves_out_unpublished_and_inactive_rows(client):
    ProjectFactory(title="Lighthouse draft", is_published=False)
    MeetingFactory(title="Lighthouse unpublished", is_published=False)
    MeetingFactory(title="Lighthouse draft meeting", status=MeetingStatus.DRAFT)
    IntegrationCentreFactory(name="Lighthouse closed", is_active=False)

    response = client.get("/en/search/?q=lighthouse")

    assert "Lighthouse" not in page_text(response).replace("“lighthouse”", "")


def test_search_without_a_query_shows_the_form_only(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<input type="search" name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "%00", "%ZZ", "<script>alert(1)</script>", "' OR 1=1 --"]
)
def test_search_answers_hostile_queries_without_error(client, query):
    ProjectFactory(title="Anything")

    response = client.get(f"/en/search/?q={query}")

    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("n", [2, 50])
def test_search_query_count_does_not_grow_with_matches(client, django_assert_num_queries, n):
    for _ in range(n):
        ProjectFactory(title="Common word")
        OrganisationFactory(name="Common word")
        IntegrationCentreFactory(name="Common word")
        MeetingFactory(title="Common word")

    # one query per group: projects, organisations, centres, meetings, places
    with django_assert_num_queries(5):
        response = client.get("/en/search/?q=common")

    assert len(_group(response, "projects")) == min(n, 10)
