"""The Frictionless data package: every dataset's CSV with its Table Schema.

https://specs.frictionlessdata.io/data-package/ and /table-schema/. The descriptor is written
in English; the CSV it points to is the unfiltered English download.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.site_address import site_url
from opendata.columns import FALSE_VALUES, TRUE_VALUES, Column, Dataset
from opendata.datasets import DATASETS
from opendata.licence import LICENCE_NAME, LICENCE_TITLE, LICENCE_URL
from opendata.writers import CSV_CONTENT_TYPE

DESCRIPTOR_LANGUAGE = "en"


def download_url(dataset: Dataset, extension: str) -> str:
    return reverse(f"opendata:download-{extension}", kwargs={"name": dataset.name})


def field_descriptor(column: Column) -> dict:
    descriptor = {"name": column.name, "type": column.type, "description": str(column.description)}
    if column.format:
        descriptor["format"] = column.format
    if column.type == "boolean":
        descriptor |= {"trueValues": TRUE_VALUES, "falseValues": FALSE_VALUES}
    if constraints := column.constraints():
        descriptor["constraints"] = constraints
    return descriptor


def table_schema(dataset: Dataset) -> dict:
    schema = {
        "fields": [field_descriptor(column) for column in dataset.columns],
        "missingValues": [""],
        "primaryKey": [dataset.primary_key],
    }
    if dataset.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [key.column],
                "reference": {"resource": key.dataset, "fields": [key.dataset_column]},
            }
            for key in dataset.foreign_keys
        ]
    return schema


def resource_descriptor(dataset: Dataset) -> dict:
    return {
        "name": dataset.name,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "path": site_url(download_url(dataset, "csv")),
        "format": "csv",
        "mediatype": CSV_CONTENT_TYPE,
        "encoding": "utf-8",
        "schema": table_schema(dataset),
    }


def data_package() -> dict:
    with translation.override(DESCRIPTOR_LANGUAGE):
        return {
            "name": "integration-portal",
            "title": "Integration Portal: open data",
            "description": (
                "Projects, organisations, integration centres, meetings and regions of the "
                "regional migrant integration network. Each file is also offered in Romanian "
                "and Bulgarian (the same columns, texts in that language) and as XLSX."
            ),
            "homepage": site_url(reverse("opendata:open-data")),
            "licenses": [{"name": LICENCE_NAME, "title": LICENCE_TITLE, "path": LICENCE_URL}],
            "contributors": [{"title": settings.PORTAL_OPERATOR_NAME, "role": "publisher"}],
            "resources": [resource_descriptor(dataset) for dataset in DATASETS],
        }
