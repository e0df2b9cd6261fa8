"""Each API list selects the rows its public page selects, in the same order, for the same
query string: both run the page's FilterSet over the page's queryset."""

import pytest

# (API list, public page, query strings the page's filters take)
LISTS = [
    (
        "/api/projects/",
        "/en/projects/",
        [
            "",
            "status=ongoing",
            "status=completed",
            "programme=esf-plus",
            "country=romania",
            "region=sofia",
            "partner=alpha-ngo",
            "q=ongoing",
            "year=2021",
            "ordering=-title",
        ],
    ),
    (
        "/api/organisations/",
        "/en/organisations/",
        ["", "kind=public_authority", "country=bulgaria", "q=alpha", "ordering=-name"],
    ),
    (
        "/api/centres/",
        "/en/centres/",
        ["", "region=romania", "kind=working_point", "q=sofia", "ordering=-name"],
    ),
    (
        "/api/meetings/",
        "/en/meetings/",
        [
            "",
            "when=upcoming",
            "when=past",
            "kind=workshop",
            "project=ongoing",
            "organisation=alpha-ngo",
            "region=bulgaria",
            "year=2016",
            "q=past",
            "ordering=title",
        ],
    ),
]


def page_slugs(client, page: str, query: str) -> list[str]:
    response = client.get(f"{page}?{query}")
    assert response.status_code == 200
    return [row.slug for row in response.context["paginator"].object_list]


def api_slugs(client, api: str, query: str) -> list[str]:
    response = client.get(f"{api}?{query}&page_size=100")
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize(("api", "page", "queries"), LISTS, ids=[api for api, *_ in LISTS])
def test_api_list_selects_the_rows_of_its_public_page(client, network, api, page, queries):
    narrowed = 0
    for query in queries:
        expected = page_slugs(client, page, query)
        assert api_slugs(client, api, query) == expected, query
        narrowed += bool(query) and len(expected) < len(page_slugs(client, page, ""))
    assert narrowed >= 2, "the queries must narrow the list, or the comparison proves little"


def test_participations_filter_by_project_organisation_and_role(client, network):
    def organisations(query: str) -> list[str]:
        rows = client.get(f"/api/participations/?{query}").json()["results"]
        return [row["organisation"]["name"] for row in rows]

    assert organisations("project=ongoing") == ["Alpha NGO", "Marker unreviewed organisation"]
    assert organisations("organisation=sofia-municipality") == ["Sofia Municipality"]
    assert organisations("role=coordinator") == ["Sofia Municipality"]


def test_regions_filter_by_kind_and_parent(client, network):
    cities = client.get("/api/regions/?kind=city").json()["results"]
    assert [region["slug"] for region in cities] == ["galati", "sofia"]
    inside = client.get("/api/regions/?parent=bulgaria").json()["results"]
    assert [region["slug"] for region in inside] == ["sofia"]
