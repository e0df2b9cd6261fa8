"""The datasets as a DCAT-AP catalogue in JSON-LD, for national data portals to harvest.

DCAT-AP 3 (https://semiceu.github.io/DCAT-AP/): a dcat:Catalog with its publisher and
licence, one dcat:Dataset per file of the data package, titled and described in every
language of the portal, each with CSV, XLSX and API distributions.
"""

import datetime

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.site_address import site_url
from opendata.columns import Dataset
from opendata.datapackage import download_url
from opendata.datasets import DATASETS
from opendata.licence import LICENCE_EU_VOCABULARY
from opendata.writers import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE

# The read API's documentation, served by the api package (one layer beside this one, so
# named by its address rather than its URL name).
API_DOCS_PATH = "/api/docs/"
API_PATH = "/api/"

CATALOGUE_TITLE = _("Integration Portal: open data")
CATALOGUE_DESCRIPTION = _(
    "Projects, organisations, integration centres, meetings and regions of the regional "
    "migrant integration network, for reuse under CC BY 4.0."
)

FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _in_every_language(text) -> list[dict]:
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@value": str(text), "@language": code})
    return values


def _date(value: datetime.date) -> dict:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def last_modified(dataset: Dataset) -> datetime.date:
    """The day of the latest change in the dataset's change history; today for a dataset
    without one, whose files are made from the current rows on every request."""
    days = []
    for model in dataset.history_models:
        history = getattr(model, "history", None)
        if history is None:
            continue
        latest = history.aggregate(latest=Max("history_date"))["latest"]
        if latest is not None:
            days.append(timezone.localdate(latest))
    return max(days, default=timezone.localdate())


def _file_distribution(dataset: Dataset, extension: str, media_type: str, title: str) -> dict:
    url = site_url(download_url(dataset, extension))
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"{dataset.name}.{extension}",
        "dct:description": {"@value": title, "@language": "en"},
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dct:format": {"@id": FILE_TYPES + extension.upper()},
        "dcat:mediaType": {"@id": MEDIA_TYPES + media_type},
        "dct:license": {"@id": LICENCE_EU_VOCABULARY},
    }


def _api_distribution(dataset: Dataset) -> dict:
    return {
        "@type": "dcat:Distribution",
        "dct:title": "API",
        "dct:description": {
            "@value": "The read-only JSON API, with the same filters as the public lists.",
            "@language": "en",
        },
        "dcat:accessURL": {"@id": site_url(f"{API_PATH}{dataset.api_resource}/")},
        "foaf:page": {"@id": site_url(API_DOCS_PATH)},
        "dct:format": {"@id": FILE_TYPES + "JSON"},
        "dcat:mediaType": {"@id": MEDIA_TYPES + "application/json"},
        "dct:license": {"@id": LICENCE_EU_VOCABULARY},
    }


def _dataset(dataset: Dataset, publisher: dict) -> dict:
    with translation.override("en"):
        landing_page = site_url(reverse(dataset.list_url_name))
    modified = _date(last_modified(dataset))
    return {
        "@id": site_url(f"{reverse('datapackage')}#{dataset.name}"),
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.name,
        "dct:title": _in_every_language(dataset.title),
        "dct:description": _in_every_language(dataset.description),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE_EU_VOCABULARY},
        "dct:modified": modified,
        "dcat:landingPage": {"@id": landing_page},
        "dct:language": [
            {"@id": f"http://publications.europa.eu/resource/authority/language/{code}"}
            for code in ("ENG", "RON", "BUL")
        ],
        "dcat:distribution": [
            _file_distribution(dataset, "csv", CSV_CONTENT_TYPE, "CSV, UTF-8 with BOM"),
            _file_distribution(dataset, "xlsx", XLSX_CONTENT_TYPE, "Excel workbook"),
            _api_distribution(dataset),
        ],
    }


def catalogue() -> dict:
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": settings.PORTAL_OPERATOR_NAME,
        "foaf:mbox": {"@id": f"mailto:{settings.PORTAL_CONTACT_EMAIL}"},
    }
    with translation.override("en"):
        homepage = site_url(reverse("opendata:open-data"))
        datasets = [_dataset(dataset, publisher) for dataset in DATASETS]
        title = _in_every_language(CATALOGUE_TITLE)
        description = _in_every_language(CATALOGUE_DESCRIPTION)
    return {
        "@context": CONTEXT,
        "@id": site_url(reverse("dcat-catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": title,
        "dct:description": description,
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE_EU_VOCABULARY},
        "dct:modified": max(
            (dataset["dct:modified"] for dataset in datasets), key=lambda day: day["@value"]
        ),
        "foaf:homepage": {"@id": homepage},
        "dcat:dataset": datasets,
    }
