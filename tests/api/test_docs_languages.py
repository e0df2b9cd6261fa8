"""The API's documentation page and its OpenAPI document, in each of the portal's languages."""

import html
import re

import pytest
from django.conf import settings
from django.utils.functional import Promise


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
