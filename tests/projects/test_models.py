import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError

from projects.enums import ParticipationRole, ProjectStatus
from projects.models import Participation, Project
from tests.factories import (
    FundingProgrammeFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2020, 1, 1), datetime.date(2022, 6, 30)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (datetime.date(2019, 12, 31), ProjectStatus.PLANNED),
        (datetime.date(2020, 1, 1), ProjectStatus.ONGOING),
        (datetime.date(2022, 6, 30), ProjectStatus.ONGOING),
        (datetime.date(2022, 7, 1), ProjectStatus.COMPLETED),
    ],
)
def test_project_status_follows_its_dates(today, status):
    project = ProjectFactory(start_date=START, end_date=END)

    assert project.status_on(today) == status
    assert list(Project.objects.with_status(status, today=today)) == [project]


def test_project_without_dates_has_no_status_but_keeps_its_stated_duration():
    project = ProjectFactory(start_date=None, end_date=None, stated_duration_months=12)

    assert project.status is None
    assert project.duration_months == 12


def test_project_duration_is_derived_from_its_dates():
    assert ProjectFactory(start_date=START, end_date=END).duration_months == 30


def test_project_ending_before_it_starts_is_refused():
    project = ProjectFactory.build(
        programme=FundingProgrammeFactory(), start_date=END, end_date=START
    )

    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date cannot be before the start date."]


def test_negative_budget_is_refused():
    project = ProjectFactory.build(programme=FundingProgrammeFactory(), total_budget=Decimal("-1"))

    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "total_budget" in error.value.message_dict


def test_eu_contribution_cannot_exceed_the_budget():
    project = ProjectFactory.build(
        programme=FundingProgrammeFactory(),
        total_budget=Decimal("100"),
        eu_contribution=Decimal("101"),
    )

    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "eu_contribution" in error.value.message_dict


def test_two_partners_with_the_same_number_are_refused():
    first = ParticipationFactory(partner_number=1)
    second = Participation(
        project=first.project,
        organisation=OrganisationFactory(),
        role=ParticipationRole.PARTNER,
        partner_number=1,
    )

    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "Two partners cannot have the same number." in str(error.value)


def test_an_organisation_holds_each_role_once_per_project():
    first = ParticipationFactory()

    with pytest.raises(IntegrityError):
        Participation.objects.create(
            project=first.project, organisation=first.organisation, role=ParticipationRole.PARTNER
        )


def test_partners_are_listed_beneficiary_first_then_by_number():
    project = ProjectFactory()
    second = ParticipationFactory(project=project, partner_number=2)
    first = ParticipationFactory(project=project, partner_number=1)
    beneficiary = ParticipationFactory(project=project, role=ParticipationRole.BENEFICIARY)

    ordered = list(project.participations.in_role_order())

    assert ordered == [beneficiary, first, second]
    assert first.role_label == "Partner 1"


def test_deleting_a_programme_or_project_in_use_is_refused():
    participation = ParticipationFactory()

    with pytest.raises(ProtectedError):
        participation.project.programme.delete()
    with pytest.raises(ProtectedError):
        participation.project.delete()
    with pytest.raises(ProtectedError):
        participation.organisation.delete()
