"""The API's documentation page and its OpenAPI document, in each of the portal's languages."""

import html
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real


def script_of(client, page: str) -> str:
    address = html.unescape(re.search(r'<script src="([^"]*script=[^"]*)"', page).group(1))
    return client.get(address).content.decode()


def parameter(schema: dict, path: str, name: str) -> dict:
    parameters = schema["paths"][path]["get"]["parameters"]
    return next(parameter for parameter in parameters if parameter["name"] == name)


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_docs_page_is_in_the_language_asked_and_loads_that_languages_document(client, db, language):
    response = client.get(f"/api/docs/?lang={language}")

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    assert response["Content-Language"] == language
    assert f'"/api/openapi.json?lang\\u003D{language}"' in script_of(client, page)


def test_docs_page_without_lang_follows_accept_language_not_the_site_cookie(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "bg"

    page = client.get("/api/docs/", HTTP_ACCEPT_LANGUAGE="ro").content.decode()

    assert '<html lang="ro">' in page
    assert "/api/openapi.json?lang\\u003Dro" in script_of(client, page)


def test_docs_page_links_its_other_languages(client, db):
    page = client.get("/api/docs/?lang=ro").content.decode()

    switch = re.search(r'<nav class="docs-languages" aria-label="Limbă">.*?</nav>', page, re.S)
    assert switch is not None
    assert '<span class="docs-languages__current" lang="ro" aria-current="true">Română' in (
        switch.group(0)
    )
    assert '<a href="/api/docs/?lang=en" lang="en" hreflang="en">English</a>' in switch.group(0)
    assert '<a href="/api/docs/?lang=bg" lang="bg" hreflang="bg">български</a>' in switch.group(0)


def test_docs_page_in_another_language_keeps_the_strict_policy(client, db):
    response = client.get("/api/docs/?lang=bg")

    page = response.content.decode()
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_docs_page_in_an_unknown_language_opens_in_english(client, db):
    response = client.get("/api/docs/?lang=xx", HTTP_ACCEPT_LANGUAGE="ro")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "/api/openapi.json?lang\\u003Den" in script_of(client, page)


def test_romanian_document_quotes_the_models_romanian_names(client, db):
    romanian = client.get("/api/openapi.json?lang=ro").json()
    english = client.get("/api/openapi.json?lang=en").json()

    # The project list's programme filter is labelled with the model's verbose_name.
    assert parameter(romanian, "/api/projects/", "programme")["description"] == (
        "Program de finanțare"
    )
    assert parameter(english, "/api/projects/", "programme")["description"] == ("Funding programme")
    acronym = romanian["components"]["schemas"]["Project"]["properties"]["acronym"]
    assert acronym["description"] == "Se scrie la fel în toate limbile."
    assert "Program de finanțare" not in str(english)
    # The same names for the same things in every language, for generated clients.
    assert romanian["components"]["schemas"].keys() == english["components"]["schemas"].keys()


def test_document_follows_accept_language_and_varies_on_it_not_on_the_cookie(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"

    response = client.get("/api/openapi.json", HTTP_ACCEPT_LANGUAGE="bg")

    assert response["Content-Language"] == "bg"
    assert "Accept-Language" in response["Vary"]
    assert parameter(response.json(), "/api/projects/", "programme")["description"] != (
        "Program de finanțare"
    )
    without_header = client.get("/api/openapi.json")
    assert without_header["Content-Language"] == "en"
    assert parameter(without_header.json(), "/api/projects/", "programme")["description"] == (
        "Funding programme"
    )


def test_each_languages_document_is_cached_under_its_own_etag(client, db):
    english = client.get("/api/openapi.json?lang=en")
    romanian = client.get("/api/openapi.json?lang=ro")

    assert english["Cache-Control"] == "public, no-cache"
    assert english["ETag"] != romanian["ETag"]
    again = client.get("/api/openapi.json?lang=en", HTTP_IF_NONE_MATCH=english["ETag"])
    assert again.status_code == 304
    assert again["Content-Language"] == "en"
    other = client.get("/api/openapi.json?lang=ro", HTTP_IF_NONE_MATCH=english["ETag"])
    assert other.status_code == 200
    assert parameter(other.json(), "/api/projects/", "programme")["description"] == (
        "Program de finanțare"
    )


def test_document_in_an_unknown_language_is_refused_as_a_bad_parameter(client, db):
    response = client.get("/api/openapi.json?lang=xx")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"lang"}


def test_documents_own_texts_are_translatable():
    """Translated in one pass later: the title, description and lists' descriptions must
    reach the document lazily."""
    spectacular = settings.SPECTACULAR_SETTINGS
    assert isinstance(spectacular["TITLE"], Promise)
    assert isinstance(spectacular["DESCRIPTION"], Promise)
    assert all(isinstance(tag["description"], Promise) for tag in spectacular["TAGS"])


def test_every_list_of_the_document_has_a_described_tag(client, db):
    schema = client.get("/api/openapi.json?lang=en").json()

    used = {
        tag for methods in schema["paths"].values() for op in methods.values() for tag in op["tags"]
    }
    assert used == {tag["name"] for tag in schema["tags"]}


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_open_data_page_links_the_api_docs_in_its_own_language(client, db, language):
    page = client.get(f"/{language}/open-data/").content.decode()

    assert f'href="/api/docs/?lang={language}"' in page


PROJECT_LIST_TEXT = (
    "The projects published on the portal, each with its funding programme, dates, status "
    "(planned, ongoing or completed; null while its dates are not known), summary, and its "
    "planned outputs against what its meetings delivered. Each row links to the lists of "
    "its partners and of its meetings. The filters are those of the portal's project list: "
    "words (`q`), funding programme, status, country or smaller place, target group, "
    "theme, partner organisation and a year the project runs in; `ordering` sorts by start "
    "date, end date or title."
)


def generated_schema() -> dict:
    """The document as drf-spectacular builds it, before its texts are written out in a
    language."""
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def test_project_list_is_described_for_a_reader_of_the_data(client, db):
    schema = client.get("/api/openapi.json?lang=en").json()

    operation = schema["paths"]["/api/projects/"]["get"]
    assert operation["summary"] == "List projects"
    assert operation["description"].startswith(PROJECT_LIST_TEXT)
    assert "a page at a time (`page`, `page_size`)" in operation["description"]
    # The docstring is for the code's readers, not the document's.
    assert "the filters of the public project list" not in operation["description"]
    assert parameter(schema, "/api/projects/", "page_size")["description"] == (
        "How many rows a page holds: from 1 to 100; 20 if not given."
    )
    assert parameter(schema, "/api/projects/", "partner")["description"] == (
        "Partner organisation, by its slug or by its name (enough of the name to match only one)."
    )


def test_every_operation_is_described_with_translatable_texts(db, monkeypatch):
    """Each text read through the catalogue while the document is built comes out marked."""
    real_gettext = trans_real.gettext
    monkeypatch.setattr(translation._trans, "gettext", lambda text: f"«{real_gettext(text)}»")

    schema = generated_schema()

    operations = [
        (path, op) for path, methods in schema["paths"].items() for op in methods.values()
    ]
    assert len(operations) == 14
    for path, operation in operations:
        assert operation["summary"].startswith("«"), path
        assert operation["description"].startswith("«"), path
        for name in ("lang", "Accept-Language", "page", "page_size", "slug", "id", "q", "region"):
            for described in (p for p in operation["parameters"] if p["name"] == name):
                assert str(described["description"]).startswith("«"), (path, name)


def test_every_parameter_of_the_document_is_described(client, db):
    schema = client.get("/api/openapi.json?lang=en").json()

    for path, methods in schema["paths"].items():
        for operation in methods.values():
            for described in operation["parameters"]:
                assert described.get("description"), (path, described["name"])


def test_project_list_description_is_translated_into_romanian(db):
    with translation.override("ro"):
        if translation.gettext(PROJECT_LIST_TEXT) == PROJECT_LIST_TEXT:
            pytest.skip("The Romanian catalogue does not translate the project list's text yet.")
        description = generated_schema()["paths"]["/api/projects/"]["get"]["description"]
        romanian = str(description)
        translated = translation.gettext(PROJECT_LIST_TEXT)

    assert romanian.startswith(translated)
    assert PROJECT_LIST_TEXT not in romanian
