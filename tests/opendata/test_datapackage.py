"""The data package describes every file, and the files the views write hold to it."""

import json

import pytest
from frictionless import Package

from opendata.datasets import DATASETS
from tests.opendata.conftest import build_open_world


@pytest.fixture
def descriptor(client, db) -> dict:
    response = client.get("/datapackage.json")
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_data_package_descriptor_is_valid(descriptor):
    report = Package.validate_descriptor(descriptor)

    assert report.valid, report.flatten(["type", "note"])


def test_data_package_lists_every_dataset_at_its_absolute_unfiltered_csv(descriptor, settings):
    resources = {resource["name"]: resource for resource in descriptor["resources"]}

    assert list(resources) == [dataset.name for dataset in DATASETS]
    assert resources["projects"]["path"] == "http://127.0.0.1:8000/en/open-data/projects.csv"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert resources["projects"]["schema"]["primaryKey"] == ["slug"]
    assert {
        "fields": ["beneficiary"],
        "reference": {"resource": "organisations", "fields": ["slug"]},
    } in resources["projects"]["schema"]["foreignKeys"]


def test_every_column_is_described_with_its_type(descriptor):
    for resource, dataset in zip(descriptor["resources"], DATASETS, strict=True):
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == dataset.column_names
        assert all(field["description"] and field["type"] for field in fields)


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_the_files_the_views_write_validate_against_their_schemas(
    client, descriptor, tmp_path, language
):
    """Each CSV as a visitor downloads it, and the keys between files, checked offline."""
    build_open_world(4)
    for resource in descriptor["resources"]:
        response = client.get(f"/{language}/open-data/{resource['name']}.csv")
        (tmp_path / f"{resource['name']}.csv").write_bytes(b"".join(response.streaming_content))
        resource["path"] = f"{resource['name']}.csv"

    report = Package(descriptor, basepath=str(tmp_path)).validate()

    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert all(task.stats["rows"] > 0 for task in report.tasks)
