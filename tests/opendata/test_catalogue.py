"""The DCAT-AP catalogue national portals harvest."""

import json

import pytest
from pyld import jsonld

from opendata.datasets import DATASETS
from tests.factories import ProjectFactory

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.fixture
def catalogue(client, db) -> dict:
    ProjectFactory()
    response = client.get("/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    return json.loads(response.content)


def test_catalogue_is_json_ld_with_the_dcat_and_dublin_core_vocabularies(catalogue):
    assert catalogue["@context"]["dcat"] == DCAT
    assert catalogue["@context"]["dct"] == DCT
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:publisher"]["foaf:name"]
    assert catalogue["dct:license"]["@id"].endswith("/licence/CC_BY_4_0")


def test_catalogue_names_every_dataset_of_the_data_package(client, catalogue):
    package = json.loads(client.get("/datapackage.json").content)

    identifiers = [dataset["dct:identifier"] for dataset in catalogue["dcat:dataset"]]

    assert identifiers == [resource["name"] for resource in package["resources"]]
    assert len(identifiers) == len(DATASETS)


def test_each_dataset_is_titled_in_every_language_and_dated(catalogue):
    for dataset in catalogue["dcat:dataset"]:
        assert [title["@language"] for title in dataset["dct:title"]] == ["en", "ro", "bg"]
        assert [text["@language"] for text in dataset["dct:description"]] == ["en", "ro", "bg"]
        assert dataset["dct:modified"]["@type"] == "xsd:date"
        assert dataset["dct:license"]["@id"]


def test_each_dataset_offers_csv_xlsx_and_the_api(catalogue):
    projects = catalogue["dcat:dataset"][0]
    distributions = {
        distribution["dcat:mediaType"]["@id"].rsplit("/", 2)[-1]: distribution
        for distribution in projects["dcat:distribution"]
    }

    assert set(distributions) == {
        "csv",
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json",
    }
    csv = distributions["csv"]
    assert csv["dcat:downloadURL"]["@id"] == "http://127.0.0.1:8000/en/open-data/projects.csv"
    assert csv["dct:format"]["@id"].endswith("/file-type/CSV")
    assert distributions["json"]["dcat:accessURL"]["@id"] == "http://127.0.0.1:8000/api/projects/"


def test_catalogue_expands_as_json_ld_to_dcat_datasets_with_distributions(catalogue):
    """Read by a JSON-LD processor, as a harvester reads it (the context is inline: offline)."""
    expanded = jsonld.expand(catalogue)
    (catalog,) = expanded

    datasets = catalog[f"{DCAT}dataset"]
    assert catalog["@type"] == [f"{DCAT}Catalog"]
    assert len(datasets) == len(DATASETS)
    for dataset in datasets:
        assert dataset["@type"] == [f"{DCAT}Dataset"]
        assert {title["@language"] for title in dataset[f"{DCT}title"]} == {"en", "ro", "bg"}
        assert len(dataset[f"{DCAT}distribution"]) == 3
        assert dataset[f"{DCT}modified"][0]["@type"] == "http://www.w3.org/2001/XMLSchema#date"
