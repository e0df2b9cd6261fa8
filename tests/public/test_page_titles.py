"""A project is called the same way everywhere, and its name is never said twice."""

import datetime
import re
import zoneinfo

import pytest

from projects.models import Project
from tests.factories import MeetingFactory, ProjectFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def _h1(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_project_title_appears_once_in_the_page_title(client, demo, language):
    response = client.get(f"/{language}/projects/integrare-plus/")

    assert _title(response).count("INTEGRARE+") == 1
    assert _h1(response).count("INTEGRARE+") == 1


def test_project_whose_title_is_its_acronym_is_named_once(client, demo):
    response = client.get("/en/projects/integra/")

    assert _title(response).startswith("INTEGRA ·")
    assert _h1(response).strip() == "INTEGRA"


@pytest.mark.parametrize(
    ("acronym", "title", "expected"),
    [
        ("EPI", "The European Pact for Integration", "EPI: The European Pact for Integration"),
        ("INTEGRARE+", "INTEGRARE+: Services in Region 2", "INTEGRARE+: Services in Region 2"),
        ("INTEGRA", "INTEGRA", "INTEGRA"),
        ("niem", "NIEM – Evaluation Mechanism", "NIEM – Evaluation Mechanism"),
        ("", "A project without an acronym", "A project without an acronym"),
    ],
)
def test_project_display_name_never_repeats_the_acronym(acronym, title, expected):
    assert Project(acronym=acronym, title=title).display_name == expected


def test_project_is_called_the_same_on_its_card_and_its_page(client):
    project = ProjectFactory(acronym="EPI", title="The European Pact for Integration", slug="epi")

    list_html = client.get("/en/projects/").content.decode()
    detail = client.get("/en/projects/epi/")

    assert f">{project.display_name}</a>" in list_html
    assert _h1(detail) == project.display_name


def test_programme_is_not_shown_as_a_bare_code(client, demo):
    text = page_text(client.get("/en/projects/snapshots-from-the-borders/"))

    assert "Development Education and Awareness Raising (DEAR)" in text
    assert "EU Development Education and Awareness Raising programme" in text
    list_text = page_text(client.get("/en/projects/"))
    assert "EU DEAR programme" in list_text


def test_meeting_page_names_the_time_zone_rather_than_an_abbreviation(client):
    MeetingFactory(
        slug="timed-meeting",
        starts_at=datetime.datetime(2019, 10, 3, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Bucharest")),
        timezone="Europe/Bucharest",
        all_day=False,
    )

    text = page_text(client.get("/en/meetings/timed-meeting/"))

    assert "Europe/Bucharest" in text
    assert "EEST" not in text
    assert " EET" not in text
