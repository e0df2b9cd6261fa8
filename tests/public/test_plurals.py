"""Counts shown with a noun take the noun's singular or plural form: "1 conference"."""

import pytest

from projects.enums import OutputKind
from projects.models import PlannedOutput
from tests.factories import ProjectFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def test_project_page_counts_one_planned_output_in_the_singular(client):
    project = ProjectFactory(slug="outputs")
    PlannedOutput.objects.create(project=project, kind=OutputKind.CONFERENCE, quantity=1)
    PlannedOutput.objects.create(project=project, kind=OutputKind.WORKSHOP, quantity=12)
    PlannedOutput.objects.create(project=project, kind=OutputKind.STRATEGY, quantity=1)

    text = page_text(client.get("/en/projects/outputs/"))

    assert "1 conference" in text
    assert "1 conferences" not in text
    assert "12 workshops" in text
    assert "1 integration strategy" in text


def test_home_page_counts_one_project_in_the_singular(client):
    ProjectFactory()

    text = page_text(client.get("/en/"))

    assert "1 project " in text
    assert "1 projects" not in text


def test_list_intro_counts_one_result_in_the_singular(client):
    ProjectFactory()

    text = page_text(client.get("/en/projects/"))

    assert "1 result" in text
    assert "1 results" not in text
