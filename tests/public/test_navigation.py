"""A visitor reaches every seed project, its partners, meetings, region and centres from home."""

import pytest

from tests.public.conftest import crawl

pytestmark = pytest.mark.django_db

SEED_PROJECTS = [
    "integrare-plus",
    "epi",
    "connection",
    "integra",
    "niem",
    "snapshots-from-the-borders",
]


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_home_page_leads_to_every_seed_page(client, demo, language):
    pages = crawl(client, [f"/{language}/"])

    reached = {path for path, response in pages.items() if response.status_code == 200}
    for slug in SEED_PROJECTS:
        assert f"/{language}/projects/{slug}/" in reached
    for path in (
        "organisations/world-vision-romania/",
        "organisations/novapolis/",
        "organisations/civic-resource-centre/",
        "meetings/integrare-plus-quarterly-meeting-constanta-2016/",
        "meetings/connection-first-partner-meeting-2020/",
        "regions/region-2/",
        "regions/constanta/",
        "centres/regional-integration-centre-galati/",
        "centres/regional-integration-centre-constanta/",
        "centres/working-point-vaslui/",
    ):
        assert f"/{language}/{path}" in reached
    assert not [path for path, response in pages.items() if response.status_code >= 500]
