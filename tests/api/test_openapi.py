"""The OpenAPI document is valid, and its documentation page works from the portal alone."""

import html
import re

from openapi_spec_validator import validate


def test_openapi_document_validates_and_names_every_list(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    lists = {"projects", "programmes", "organisations", "participations", "regions"}
    lists |= {"centres", "meetings"}
    assert {f"/api/{name}/" for name in lists} <= set(schema["paths"])
    year = next(
        parameter
        for parameter in schema["paths"]["/api/projects/"]["get"]["parameters"]
        if parameter["name"] == "year"
    )
    assert year["in"] == "query"


def test_docs_page_loads_everything_from_the_portal_under_a_strict_policy(client, db):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/") for source in sources)
    assert "<script>" not in page and "<style" not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    script_url = html.unescape(re.search(r'<script src="([^"]*script=[^"]*)"', page).group(1))
    script = client.get(script_url)
    assert script.status_code == 200
    assert "/api/openapi.json" in script.content.decode()


def test_api_root_links_every_list_and_the_documentation(client, db):
    root = client.get("/api/").json()

    assert set(root) == {
        "projects",
        "programmes",
        "organisations",
        "participations",
        "regions",
        "centres",
        "meetings",
        "openapi",
        "docs",
    }
    assert all(client.get(url).status_code == 200 for url in root.values())
