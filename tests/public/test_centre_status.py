"""A visitor looking for help finds open centres first and learns plainly which have closed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partners.models import Language
from projects.models import ProjectCentre
from tests.factories import IntegrationCentreFactory, ProjectFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def test_closed_centre_page_says_it_closed_on_its_date(client):
    IntegrationCentreFactory(
        slug="old-centre", is_active=False, closed_on=datetime.date(2017, 3, 31)
    )

    text = page_text(client.get("/en/centres/old-centre/"))

    assert "This centre closed on 31 March 2017." in text


def test_closed_centre_without_a_date_says_it_closed_with_its_project(client):
    centre = IntegrationCentreFactory(slug="project-centre", is_active=False)
    ProjectCentre.objects.create(
        project=ProjectFactory(acronym="RUNNER", title="Help desk"), centre=centre
    )

    text = page_text(client.get("/en/centres/project-centre/"))

    assert "This centre closed when the project that ran it ended." in text
    assert "The project that ran it" in text
    assert "RUNNER" in text


def test_open_centre_page_says_nothing_of_closing(client):
    IntegrationCentreFactory(slug="open-centre")

    assert "closed" not in page_text(client.get("/en/centres/open-centre/"))


def test_centre_list_shows_open_centres_before_closed_ones(client):
    IntegrationCentreFactory(name="A closed centre", is_active=False)
    IntegrationCentreFactory(name="B open centre")
    IntegrationCentreFactory(name="C open centre")

    text = page_text(client.get("/en/centres/"))

    assert text.index("B open centre") < text.index("C open centre") < text.index("A closed centre")
    assert "Closed" in text[text.index("A closed centre") :]


def test_centre_card_and_page_show_how_to_reach_the_centre(client):
    centre = IntegrationCentreFactory(
        name="Reachable centre",
        slug="reachable-centre",
        address="Strada Mare 1",
        phone="+40 241 000 000",
        email="help@example.org",
        website="https://centre.example.org/",
        opening_hours="Monday to Friday, 9:00–17:00",
    )
    centre.languages.add(Language.objects.get_or_create(code="ar", defaults={"name": "Arabic"})[0])

    for path in ("/en/centres/", "/en/centres/reachable-centre/"):
        text = page_text(client.get(path))
        for fact in (
            "Strada Mare 1",
            "+40 241 000 000",
            "help@example.org",
            "https://centre.example.org/",
            "Monday to Friday",
            "Arabic",
        ):
            assert fact in text, (path, fact)


def test_home_page_help_entry_leads_to_the_centres_and_mentions_closed_ones(client):
    html = client.get("/en/").content.decode()

    assert 'href="/en/centres/"' in html
    assert "open centres first" in html


def test_closing_date_belongs_to_a_closed_centre(db):
    centre = IntegrationCentreFactory(closed_on=datetime.date(2017, 3, 31))

    with pytest.raises(ValidationError) as error:
        centre.full_clean()

    assert "closed_on" in error.value.message_dict
