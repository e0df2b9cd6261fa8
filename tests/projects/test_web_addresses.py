"""A project's web address is made for the editor, also when the project has no acronym."""

import pytest
from django.urls import reverse

from projects.models import Project
from tests.factories import FundingProgrammeFactory, ProjectFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _submit_new_project(client, **values: str):
    url = reverse("admin:projects_project_add")
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    for name, value in values.items():
        form.data[name] = [value]
    return client.post(url, form.submission())


def test_a_project_without_an_acronym_gets_a_web_address_from_its_title(client, superuser):
    programme = FundingProgrammeFactory()
    ProjectFactory(title="Punkt Informacyjny dla Cudzoziemców", slug="punkt-informacyjny-dla")
    client.force_login(superuser)

    response = _submit_new_project(
        client,
        title_en="Information Point for Foreigners",
        acronym="",
        slug="",
        programme=str(programme.pk),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    project = Project.objects.get(title_en="Information Point for Foreigners")
    assert project.slug == "information-point-for-foreigners"


def test_a_second_project_of_the_same_acronym_is_numbered_not_refused(client, superuser):
    programme = FundingProgrammeFactory()
    ProjectFactory(acronym="INTEGRA", slug="integra")
    client.force_login(superuser)

    response = _submit_new_project(
        client,
        title_en="Integra in Łódź",
        acronym="INTEGRA",
        slug="integra",
        programme=str(programme.pk),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert Project.objects.get(title_en="Integra in Łódź").slug == "integra-2"
