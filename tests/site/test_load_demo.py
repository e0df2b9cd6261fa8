import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import translation

from accounts.models import User
from meetings.models import Meeting
from partners.models import IntegrationCentre, Organisation, Region
from projects.enums import ParticipationRole
from projects.models import Participation, PlannedOutput, Project
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

COUNTED = [Region, Organisation, IntegrationCentre, Project, Participation, PlannedOutput, Meeting]


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_load_demo_twice_leaves_the_same_rows(demo):
    before = _counts()

    call_command("load_demo", stdout=io.StringIO())

    assert _counts() == before
    assert before["Project"] == 6
    assert before["Meeting"] == 4


def test_the_constanta_meeting_states_it_is_the_second_without_an_invented_first(demo):
    meeting = Meeting.objects.get(slug="integrare-plus-quarterly-meeting-constanta-2016")

    assert meeting.ordinal == 2
    assert meeting.kind_label == "2nd quarterly coordination meeting"
    assert not Meeting.objects.filter(starts_at__year=2016, starts_at__month=9).exists()


def test_load_demo_removes_the_invented_first_meeting_from_an_older_database(demo):
    constanta = Meeting.objects.get(slug="integrare-plus-quarterly-meeting-constanta-2016")
    placeholder = MeetingFactory(
        slug="integrare-plus-quarterly-meeting-1",
        title_en="First quarterly coordination meeting of Region 2",
        starts_at=datetime.datetime(2016, 9, 1, tzinfo=datetime.UTC),
        projects=list(constanta.projects.all()),
    )

    call_command("load_demo", stdout=io.StringIO())

    assert not Meeting.objects.filter(pk=placeholder.pk).exists()
    assert Meeting.objects.with_ordinal().get(pk=constanta.pk).ordinal == 2


def test_integrare_plus_facts(demo):
    project = Project.objects.get(slug="integrare-plus")

    assert project.reference == "FAMI/15.03.02"
    assert project.total_budget == Decimal("1469247.47")
    assert project.currency == "RON"
    assert project.duration_months == 12
    assert project.programme.fund == "amif_national"
    roles = {p.organisation.name_ro: p.role_label for p in project.participations.in_role_order()}
    assert roles == {
        "Fundația World Vision România": "Beneficiary",
        "Asociația Novapolis – Centrul de Analize și Inițiative pentru Dezvoltare": "Partner 1",
        "Asociația Centrul pentru Resurse Civice": "Partner 2",
    }
    assert {c.slug for c in project.centres.all()} == {
        "regional-integration-centre-galati",
        "regional-integration-centre-constanta",
        "working-point-vaslui",
    }


def test_region_2_holds_seven_counties_and_the_centre_cities(demo):
    region_2 = Region.objects.get(slug="region-2")
    counties = region_2.children.all()

    assert sorted(c.code for c in counties) == [
        "RO-BC",
        "RO-BR",
        "RO-CT",
        "RO-GL",
        "RO-TL",
        "RO-VN",
        "RO-VS",
    ]
    assert {"constanta", "galati", "vaslui"} <= set(
        Region.objects.within(region_2).values_list("slug", flat=True)
    )


def test_constanta_meeting_is_the_second_quarterly_meeting(demo):
    meeting = Meeting.objects.get(slug="integrare-plus-quarterly-meeting-constanta-2016")

    assert meeting.local_starts_at.date().isoformat() == "2016-12-07"
    assert meeting.kind_label == "2nd quarterly coordination meeting"
    assert meeting.quarter_label == "Q4 2016"
    assert meeting.host.name_ro == "Instituția Prefectului – Județul Constanța"
    assert meeting.city.name_ro == "Constanța"
    assert meeting.organisations.count() == 3


def test_connection_outputs_and_roles(demo):
    project = Project.objects.get(slug="connection")

    outputs = {o.kind: o.quantity for o in project.planned_outputs.all()}
    assert outputs == {"workshop": 14, "staff_exchange": 14, "action_plan": 7, "small_grant": 5}
    roles = {p.organisation.slug: p.role for p in project.participations.all()}
    assert roles["eurocities"] == ParticipationRole.COORDINATOR
    assert roles["migrationwork"] == ParticipationRole.EXPERT_ORGANISATION
    assert project.regions.count() == 14
    meeting = project.meetings.get()
    assert meeting.local_starts_at.date().isoformat() == "2020-03-31"
    assert meeting.format == "online"


def test_epi_grant_and_cities(demo):
    project = Project.objects.get(slug="epi")

    assert project.reference == "863614"
    assert (project.start_date.isoformat(), project.end_date.isoformat()) == (
        "2020-01-01",
        "2022-06-30",
    )
    assert sorted(project.regions.values_list("name_en", flat=True)) == [
        "Cartagena",
        "Cluj-Napoca",
        "Dietzenbach",
        "Linköping",
        "Lublin",
        "Ravenna",
        "Riga",
    ]


def test_bucharest_event_is_co_organised_by_two_projects(demo):
    meeting = Meeting.objects.get(slug="local-stakeholders-migrant-integration-bucharest-2019")

    assert set(meeting.projects.values_list("slug", flat=True)) == {
        "niem",
        "snapshots-from-the-borders",
    }
    assert meeting.local_starts_at.date().isoformat() == "2019-10-03"


def test_act_locally_conference_and_integra(demo):
    meeting = Meeting.objects.get(slug="act-locally-conference-brussels-2019")

    assert meeting.participant_count == 400
    assert meeting.city.slug == "brussels"
    assert "Sevdalina Voynova" in meeting.agenda_items.get().speaker
    integra = Project.objects.get(slug="integra")
    assert integra.participations.get().role == ParticipationRole.LEAD_PARTNER


def test_texts_exist_in_all_three_languages(demo):
    project = Project.objects.get(slug="integrare-plus")

    with translation.override("bg"):
        assert project.title == "INTEGRARE+: Услуги и помощ за мигранти в Регион 2"
    with translation.override("ro"):
        assert "Regiunea 2" in project.title


def test_demo_accounts_only_with_debug(db, settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()

    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    coordinator = User.objects.get(email="coordinator.integrare@example.org")
    assert coordinator.check_password("portal-demo")
    assert list(coordinator.coordinated_projects.values_list("slug", flat=True)) == [
        "integrare-plus"
    ]
