"""The Open data page describes every dataset and column, in every language of the portal."""

import re

import pytest
from django.utils.functional import Promise
from django.utils.html import escape

from opendata.datasets import DATASETS
from partners.models import Service


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_open_data_page_describes_every_column(client, db, language):
    response = client.get(f"/{language}/open-data/")
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    for dataset in DATASETS:
        section = html[html.index(f'<section id="{dataset.name}"') :]
        section = section[: section.index("</section>")]
        assert f'href="/{language}/open-data/{dataset.name}.csv"' in section
        for column in dataset.columns:
            assert f"<dt><code>{column.name}</code></dt>" in section


def test_open_data_page_links_the_licence_package_catalogue_and_api(client, db):
    html = client.get("/en/open-data/").content.decode()

    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "Source: Integration Portal (http://127.0.0.1:8000/), data under CC BY 4.0" in html
    for address in ["/datapackage.json", "/catalog.jsonld", "/api/docs/?lang=en"]:
        assert f'href="{address}"' in html


def test_column_texts_are_translatable():
    """Translated in one pass later: each text must reach the catalogues lazily."""
    for dataset in DATASETS:
        assert isinstance(dataset.title, Promise)
        assert isinstance(dataset.description, Promise)
        for column in dataset.columns:
            assert isinstance(column.description, Promise), column.name
            if not callable(column.choices):  # a vocabulary table's names are translated fields
                assert all(isinstance(label, Promise) for _code, label in column.choices)


def test_codes_are_explained_with_their_labels(client, db):
    html = client.get("/en/open-data/").content.decode()

    assert "<li><code>quarterly</code>: Quarterly coordination meeting</li>" in html
    assert "<li><code>bip</code>: " + escape("Beneficiaries of international protection") in html


def test_footer_links_the_open_data_page(client, db):
    html = client.get("/ro/").content.decode()
    footer = html[html.index("<footer") :]

    assert re.search(r'<a href="/ro/open-data/">[^<]+</a>', footer)


def test_a_service_an_editor_adds_is_explained_with_the_others(client, db):
    Service.objects.create(code="housing-advice", name_en="Housing advice", name_ro="Consiliere")

    html = client.get("/en/open-data/").content.decode()

    assert "<li><code>housing-advice</code>: Housing advice</li>" in html
