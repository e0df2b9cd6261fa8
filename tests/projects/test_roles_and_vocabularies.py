"""An organisation in several roles of one project, and the vocabularies real projects use."""

import pytest
from django.core.exceptions import ValidationError

from partners.enums import OrganisationKind, TargetGroupCode
from partners.models import TargetGroup
from projects.enums import OutputKind, ParticipationRole
from projects.models import Participation, PlannedOutput
from tests.factories import (
    FundingProgrammeFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_an_organisation_can_be_beneficiary_and_lead_partner_of_one_project(client):
    prefecture = OrganisationFactory(name="Prefect's Institution – Galați County", is_reviewed=True)
    project = ProjectFactory(title="Integration in Region 2")
    for role in (ParticipationRole.BENEFICIARY, ParticipationRole.LEAD_PARTNER):
        participation = Participation(project=project, organisation=prefecture, role=role)
        participation.full_clean()
        participation.save()

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Prefect&#x27;s Institution – Galați County") >= 2
    assert "Beneficiary" in page
    assert "Lead partner" in page


def test_the_same_role_twice_is_refused_with_a_message():
    first = ParticipationFactory(role=ParticipationRole.BENEFICIARY)
    again = Participation(
        project=first.project, organisation=first.organisation, role=ParticipationRole.BENEFICIARY
    )

    with pytest.raises(ValidationError) as error:
        again.full_clean()

    assert "already has this role in the project" in str(error.value)


def test_a_company_with_an_address_and_a_website_is_saved():
    company = OrganisationFactory(
        kind=OrganisationKind.COMPANY,
        address="Strada Portului 1, Galați",
        website="https://example.com/",
    )
    company.full_clean()
    company.refresh_from_db()

    assert company.get_kind_display() == "Company"
    assert company.address == "Strada Portului 1, Galați"


def test_holders_of_temporary_protection_are_a_target_group():
    group = TargetGroup.objects.get(code=TargetGroupCode.TEMPORARY_PROTECTION)

    assert str(group) == "Beneficiaries of temporary protection"


def test_a_programme_names_its_managing_authority_and_delegated_body():
    programme = FundingProgrammeFactory(
        managing_authority=OrganisationFactory(name="Ministry of Internal Affairs"),
        delegated_body=OrganisationFactory(name="Intermediate body for AMIF"),
    )
    programme.full_clean()

    assert programme.delegated_body.name == "Intermediate body for AMIF"


@pytest.mark.parametrize(
    ("kind", "quantity", "text"),
    [
        (OutputKind.PEOPLE_REACHED, 1, "1 person reached"),
        (OutputKind.PEOPLE_REACHED, 1200, "1200 people reached"),
        (OutputKind.PEOPLE_SUPPORTED, 350, "350 people supported"),
    ],
)
def test_people_reached_and_supported_are_planned_outputs(kind, quantity, text):
    output = PlannedOutput.objects.create(project=ProjectFactory(), kind=kind, quantity=quantity)

    assert output.quantity_label == text
