"""The project list, counts and filter choices kept in the cache: served without the database,
and never stale after an editor's change."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from partners.models import Organisation
from tests.factories import OrganisationFactory, ParticipationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

PROJECT_LIST = "/en/projects/"


@pytest.fixture(autouse=True)
def _public_cache_on(settings):
    settings.PUBLIC_CACHE = True


def _csrf_token_in_page(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_project_list_is_served_from_the_cache_to_the_next_visitor(
    client, django_assert_num_queries
):
    ProjectFactory(title="Integration through sport")
    client.get(PROJECT_LIST)

    with django_assert_num_queries(0):
        response = client.get(PROJECT_LIST)

    assert "Integration through sport" in response.content.decode()


def test_project_an_editor_publishes_is_on_the_cached_list_at_once(client, editor):
    project = ProjectFactory(title="Housing first in Constanța", is_published=False)
    assert "Housing first in Constanța" not in client.get(PROJECT_LIST).content.decode()
    client.force_login(editor)

    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project.pk]},
    )

    client.logout()
    assert "Housing first in Constanța" in client.get(PROJECT_LIST).content.decode()


def test_renamed_partner_shows_in_the_cached_filter_choices_at_once(client):
    partner = OrganisationFactory(name="Asociația Alfa")
    ParticipationFactory(organisation=partner, project=ProjectFactory())
    assert "Asociația Alfa" in client.get(PROJECT_LIST).content.decode()

    partner.name = "Asociația Beta"
    partner.save()

    page = client.get(PROJECT_LIST).content.decode()
    assert "Asociația Beta" in page and "Asociația Alfa" not in page


def _organisation_count(response) -> str:
    return re.search(r"<strong>(\d+)</strong> organisations?</a>", response.content.decode())[1]


def test_home_page_count_follows_a_deleted_organisation(client):
    OrganisationFactory.create_batch(3)
    assert _organisation_count(client.get("/en/")) == "3"

    Organisation.objects.first().delete()

    assert _organisation_count(client.get("/en/")) == "2"


def test_each_visitor_of_the_cached_list_gets_a_working_csrf_token_of_their_own():
    ProjectFactory()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(PROJECT_LIST)

    token = _csrf_token_in_page(second.get(PROJECT_LIST))
    switched = second.post(
        "/i18n/setlang/",
        {"language": "ro", "next": "/ro/projects/", "csrfmiddlewaretoken": token},
    )

    assert token != _csrf_token_in_page(first.get(PROJECT_LIST))
    assert switched.status_code == 302 and switched["Location"] == "/ro/projects/"
