"""A text written in one language is enough to save; the other languages' pages fall back to it
and the form says which languages are still missing."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ProjectFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _change_form(client, project):
    url = reverse("admin:projects_project_change", args=[project.pk])
    return url, find_form(client.get(url).content.decode(), with_field="title_en")


def test_a_project_saved_with_only_a_romanian_title_shows_it_in_every_language(client, editor):
    project = ProjectFactory(title_en="Old title", acronym="", slug="integrare-regiune")
    client.force_login(editor)
    url, form = _change_form(client, project)
    form.data.update({"title_en": [""], "title_ro": ["Integrare în Regiunea 2"], "title_bg": [""]})

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    for language in ("en", "ro", "bg"):
        with translation.override(language):
            page = client.get(project.get_absolute_url())
        assert page.status_code == 200
        assert "Integrare în Regiunea 2" in page.content.decode(), language


def test_a_title_in_no_language_is_refused(client, editor):
    project = ProjectFactory(title_en="Old title")
    client.force_login(editor)
    url, form = _change_form(client, project)
    form.data.update({"title_en": [""], "title_ro": [""], "title_bg": [""]})

    response = client.post(url, form.submission())

    assert response.status_code == 200
    assert "Write it in at least one language." in response.content.decode()
    project.refresh_from_db()
    assert project.title_en == "Old title"


def test_the_form_says_which_languages_are_still_missing(client, editor):
    project = ProjectFactory(title_en="Integration in Region 2", title_ro="", title_bg="")
    client.force_login(editor)

    page = client.get(reverse("admin:projects_project_change", args=[project.pk])).content.decode()

    assert "Not yet written in: Romanian, Bulgarian." in page
