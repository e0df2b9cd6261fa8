"""A project page carries what the EU's list of operations gives for it."""

from decimal import Decimal

import pytest

from projects.enums import ParticipationRole
from tests.factories import OrganisationFactory, ParticipationFactory, ProjectFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def _facts(response) -> dict[str, str]:
    return {str(fact["label"]): str(fact["value"]) for fact in response.context["facts"]}


@pytest.mark.parametrize(
    ("language", "label", "rate"),
    [
        ("en", "Co-financing rate", "75%"),
        ("ro", "Co-financing rate", "75\xa0%"),
        ("bg", "Co-financing rate", "75%"),
    ],
)
def test_project_facts_show_the_cofinancing_rate_in_the_page_language(
    client, language, label, rate
):
    ProjectFactory(slug="funded", total_budget=Decimal("200000"), eu_contribution=Decimal("150000"))

    response = client.get(f"/{language}/projects/funded/")

    rates = [fact["value"] for fact in response.context["facts"] if fact.get("unknown") is None]
    assert rate in rates
    assert rate in page_text(response)


def test_cofinancing_rate_keeps_decimals_in_the_page_language(client):
    ProjectFactory(slug="funded", total_budget=Decimal("1000"), eu_contribution=Decimal("805"))

    assert "80,5\xa0%" in page_text(client.get("/ro/projects/funded/"))
    assert "80.5%" in page_text(client.get("/en/projects/funded/"))


def test_project_facts_say_not_known_where_the_source_is_silent(client):
    ProjectFactory(slug="sparse", start_date=None, end_date=None, summary="")

    facts = _facts(client.get("/en/projects/sparse/"))

    for label in (
        "Beneficiary",
        "Purpose",
        "Start and end",
        "Total cost",
        "EU contribution",
        "Co-financing rate",
        "Specific objective",
    ):
        assert facts[label] == "Not known", label


def test_project_facts_name_the_beneficiary_fund_and_specific_objective(client):
    project = ProjectFactory(
        slug="complete",
        summary="Helps newcomers find work.",
        specific_objective="Legal migration and integration",
    )
    ParticipationFactory(
        project=project,
        organisation=OrganisationFactory(name="Lead body"),
        role=ParticipationRole.BENEFICIARY,
    )
    ParticipationFactory(project=project, role=ParticipationRole.PARTNER)

    facts = _facts(client.get("/en/projects/complete/"))

    assert facts["Beneficiary"] == "Lead body"
    assert facts["Purpose"] == "Helps newcomers find work."
    assert facts["Fund"] == "Asylum, Migration and Integration Fund (AMIF)"
    assert facts["Specific objective"] == "Legal migration and integration"
    assert facts["Start and end"].startswith("1 January 2020")


def test_demo_integrare_plus_facts_give_the_story_total_and_beneficiary(client, demo):
    facts = _facts(client.get("/en/projects/integrare-plus/"))

    assert facts["Total cost"] == "RON 1,469,247.47"
    assert facts["Beneficiary"] == "World Vision Romania Foundation"
    assert facts["EU contribution"] == "Not known"
    assert facts["Co-financing rate"] == "Not known"
