"""Detail pages' addresses made from a pattern reversed once: the same as reverse() gives."""

import pytest
from django.urls import get_script_prefix, reverse, set_script_prefix
from django.utils import translation

from core.detail_urls import slug_url
from tests.factories import IntegrationCentreFactory, MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db

DETAIL_PAGES = (
    "projects:project-detail",
    "partners:organisation-detail",
    "partners:region-detail",
    "partners:centre-detail",
    "meetings:meeting-detail",
)


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
@pytest.mark.parametrize("url_name", DETAIL_PAGES)
def test_a_slugs_address_is_the_one_reverse_gives_in_each_language(url_name, language):
    with translation.override(language):
        for slug in ("constanta", "centru-de-integrare-2", "q4_2026", "a"):
            assert slug_url(url_name, slug) == reverse(url_name, kwargs={"slug": slug})
        assert slug_url(url_name, "iasi").startswith(f"/{language}/")


def test_the_address_follows_the_script_prefix_the_site_is_served_under():
    saved = get_script_prefix()
    try:
        set_script_prefix("/portal/")
        with translation.override("ro"):
            assert slug_url("partners:region-detail", "iasi") == "/portal/ro/regions/iasi/"
    finally:
        set_script_prefix(saved)
    with translation.override("ro"):
        assert slug_url("partners:region-detail", "iasi") == "/ro/regions/iasi/"


def test_rows_link_their_pages_by_slug_in_the_active_language():
    project = ProjectFactory(slug="fami-connect")
    centre = IntegrationCentreFactory(slug="centrul-constanta")
    meeting = MeetingFactory(slug="q3-coordination")

    with translation.override("bg"):
        assert project.get_absolute_url() == "/bg/projects/fami-connect/"
        assert centre.get_absolute_url() == "/bg/centres/centrul-constanta/"
        assert meeting.get_absolute_url() == "/bg/meetings/q3-coordination/"
