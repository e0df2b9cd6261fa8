"""Filters on one of thousands of organisations or projects: a text field taking the slug or
the name, resolved on the server; the choices are not written into the page."""

import re

import pytest

from partners.models import Organisation
from tests.factories import (
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def listed(response) -> set[str]:
    return {row.slug for row in response.context["object_list"]}


def filter_form(response) -> str:
    return re.search(r'<form class="filter-form".*?</form>', response.content.decode(), re.S)[0]


def field_html(response, name: str) -> str:
    return re.search(rf'<input type="text" name="{name}"[^>]*>', response.content.decode())[0]


@pytest.fixture
def two_projects_two_partners():
    red = ProjectFactory(slug="red", acronym="RED", title="Red project")
    blue = ProjectFactory(slug="blue", acronym="BLUE", title="Blue project")
    ParticipationFactory(
        project=red,
        organisation=OrganisationFactory(name="Asociația Constanța Deschisă", slug="acd"),
    )
    ParticipationFactory(
        project=blue,
        organisation=OrganisationFactory(name="Brașov Open Association", slug="boa"),
    )
    ParticipationFactory(
        project=blue, organisation=OrganisationFactory(name="Open Doors Brașov", slug="odb")
    )
    return red, blue


def test_partner_slug_still_filters(client, two_projects_two_partners):
    response = client.get("/en/projects/?partner=acd")

    assert listed(response) == {"red"}
    assert 'value="Asociația Constanța Deschisă"' in field_html(response, "partner")


def test_partner_typed_name_filters_accents_and_case_aside(client, two_projects_two_partners):
    response = client.get("/en/projects/", {"partner": "asociatia constanta deschisa"})

    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert listed(response) == {"red"}
    # The field shows the organisation's own name, and the slug its suggestions script sends.
    field = field_html(response, "partner")
    assert 'value="Asociația Constanța Deschisă"' in field
    assert 'data-typeahead-value="acd"' in field


def test_partner_part_of_a_name_filters_when_only_one_matches(client, two_projects_two_partners):
    response = client.get("/en/projects/", {"partner": "Constanta"})

    assert listed(response) == {"red"}


def test_partner_exact_name_wins_over_names_containing_it(client, two_projects_two_partners):
    ParticipationFactory(
        project=ProjectFactory(slug="green"),
        organisation=OrganisationFactory(name="Brasov Open Association Two", slug="boa2"),
    )

    response = client.get("/en/projects/", {"partner": "Brasov open association"})

    assert not response.context["filter"].form.errors
    assert listed(response) == {"blue"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [("Brasov", "Several match “Brasov”"), ("Timbuktu", "Nothing matches “Timbuktu”")],
)
def test_partner_ambiguous_or_unknown_name_is_a_form_error_not_a_filter(
    client, two_projects_two_partners, typed, message
):
    response = client.get("/en/projects/", {"partner": typed})

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Some filters could not be applied" in page
    assert 'id="id_partner_errors"' in page
    # What was typed stays in the field, to be corrected.
    assert f'value="{typed}"' in field_html(response, "partner")


def test_meeting_project_and_organisation_by_name_or_slug(client):
    red = ProjectFactory(slug="red", acronym="RED", title="Red project")
    blue = ProjectFactory(slug="blue", acronym="BLUE", title="Blue project")
    host = OrganisationFactory(name="Sofia Municipality", slug="sofia-municipality")
    MeetingFactory(slug="red-meeting", projects=[red], host=host)
    other = MeetingFactory(slug="blue-meeting", projects=[blue])
    MeetingOrganisationFactory(meeting=other, organisation__name="Galați Centre")

    assert listed(client.get("/en/meetings/?project=red")) == {"red-meeting"}
    assert listed(client.get("/en/meetings/", {"project": "blue"})) == {"blue-meeting"}
    assert listed(client.get("/en/meetings/", {"project": "Red project"})) == {"red-meeting"}
    assert listed(client.get("/en/meetings/", {"organisation": "sofia"})) == {"red-meeting"}
    assert listed(client.get("/en/meetings/", {"organisation": "galati centre"})) == {
        "blue-meeting"
    }
    response = client.get("/en/meetings/", {"project": "project"})
    assert response.status_code == 200
    assert "Several match “project”" in response.content.decode()


def test_meeting_calendar_with_an_unknown_project_name_is_refused(client):
    MeetingFactory(projects=[ProjectFactory(acronym="RED")])

    assert client.get("/en/meetings/calendar.ics", {"project": "Nowhere"}).status_code == 400
    assert client.get("/en/meetings/calendar.ics", {"project": "red"}).status_code == 200


@pytest.mark.parametrize(
    ("path", "name"),
    [("/en/projects/", "partner"), ("/en/meetings/", "project"), ("/en/meetings/", "organisation")],
)
def test_long_choice_lists_are_not_written_into_the_page(client, path, name):
    project = ProjectFactory(acronym="FIRST")
    host = OrganisationFactory(name="First host")
    ParticipationFactory(project=project, organisation=host)
    MeetingFactory(projects=[project], host=host)
    before = client.get(path)
    assert before.status_code == 200

    for number in range(300):
        extra = ProjectFactory(
            acronym=f"EXTRA{number}", title=f"Extra {number}", programme=project.programme
        )
        organisation = OrganisationFactory(name=f"Extra organisation {number}")
        ParticipationFactory(project=extra, organisation=organisation)
    MeetingFactory(projects=[extra], host=organisation)

    after = client.get(path)
    page = after.content.decode()
    assert "Extra organisation 1" not in page
    if path == "/en/meetings/":
        assert "EXTRA1" not in page
    assert f'<input type="text" name="{name}"' in page
    # The filter form does not grow with the organisations and projects to choose from.
    assert len(filter_form(after)) == len(filter_form(before))


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/en/projects/", {}),
        ("/en/projects/", {"partner": "acd"}),
        ("/en/projects/", {"partner": "Constanța Deschisă"}),
        ("/en/meetings/", {}),
        ("/en/meetings/", {"project": "red", "organisation": "acd"}),
    ],
)
def test_list_query_counts_stay_flat(
    client, two_projects_two_partners, django_assert_max_num_queries, path, query
):
    red = two_projects_two_partners[0]
    for number in range(30):
        ParticipationFactory(project=red, organisation__name=f"Partner {number}")
    MeetingFactory(projects=[red], host=Organisation.objects.get(slug="acd"))

    with django_assert_max_num_queries(12):
        response = client.get(path, query)

    assert response.status_code == 200
    assert not response.context["filter"].form.errors
