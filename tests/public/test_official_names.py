"""Organisations and projects keep the names they give themselves, on every language's page."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisationFactory, ProjectFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def test_bulgarian_project_page_keeps_the_acronym_connection(client, demo):
    response = client.get("/bg/projects/connection/")

    text = page_text(response)
    assert "CONNECTION" in text
    assert "СВЪРЗВАНЕ" not in text
    assert "СВЪРЗВАНЕ" not in response.content.decode()


def test_bulgarian_pages_write_integra_as_the_project_does(client, demo):
    for path in ("/bg/projects/integra/", "/bg/organisations/sofia-development-association/"):
        text = page_text(client.get(path))

        assert "INTEGRA" in text
        assert "ИНТЕГРА" not in text


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_polish_official_name_is_shown_with_lang_pl_on_every_language_page(client, language):
    organisation = OrganisationFactory(
        name="Association for Legal Intervention",
        name_ro="Asociația pentru Intervenție Juridică",
        slug="legal-intervention",
        official_name="Stowarzyszenie Interwencji Prawnej",
        official_name_language="pl",
    )

    html = client.get(f"/{language}/organisations/{organisation.slug}/").content.decode()

    assert '<span lang="pl">Stowarzyszenie Interwencji Prawnej</span>' in html


def test_official_name_has_the_translation_beside_it(client):
    OrganisationFactory(
        name="Association for Legal Intervention",
        slug="legal-intervention",
        official_name="Stowarzyszenie Interwencji Prawnej",
        official_name_language="pl",
    )

    text = page_text(client.get("/en/organisations/legal-intervention/"))

    assert "Stowarzyszenie Interwencji Prawnej" in text
    assert "Association for Legal Intervention" in text


def test_organisation_list_shows_the_official_name_with_its_language(client):
    OrganisationFactory(
        name="Association for Legal Intervention",
        official_name="Stowarzyszenie Interwencji Prawnej",
        official_name_language="pl",
    )

    html = client.get("/en/organisations/").content.decode()

    assert '<span lang="pl">Stowarzyszenie Interwencji Prawnej</span>' in html


@pytest.mark.parametrize("language", ["en", "bg"])
def test_romanian_official_project_title_shows_on_other_languages_pages(client, demo, language):
    html = client.get(f"/{language}/projects/integrare-plus/").content.decode()

    assert (
        '<span lang="ro">INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2</span>'
        in html
    )


def test_official_title_is_not_repeated_when_it_is_the_page_title(client, demo):
    text = page_text(client.get("/ro/projects/integrare-plus/"))

    assert text.count("Servicii și asistență pentru migranți în Regiunea 2") == 2  # crumb, h1


def test_official_name_needs_its_language(db):
    organisation = OrganisationFactory.build(official_name="Stowarzyszenie Interwencji Prawnej")
    project = ProjectFactory.build(official_title="Projekt")

    with pytest.raises(ValidationError) as organisation_error:
        organisation.full_clean(exclude=["slug"])
    with pytest.raises(ValidationError) as project_error:
        project.full_clean(exclude=["slug", "programme"])

    assert "official_name_language" in organisation_error.value.message_dict
    assert "official_title_language" in project_error.value.message_dict
