import datetime
import zoneinfo

import factory
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from meetings.enums import MeetingKind, MeetingStatus, ProjectRoleInMeeting
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from partners.enums import CentreKind, OrganisationKind, RegionKind
from partners.models import Contact, IntegrationCentre, Organisation, Region
from projects.enums import Fund, ParticipationRole
from projects.models import FundingProgramme, Participation, Project

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "portal-test")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=Role(extracted)))

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    kind = RegionKind.COUNTRY


class CityFactory(RegionFactory):
    kind = RegionKind.CITY
    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    parent = factory.SubFactory(RegionFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.NGO


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class IntegrationCentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationCentre

    name = factory.Sequence(lambda n: f"Centre {n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    kind = CentreKind.REGIONAL_CENTRE
    organisation = factory.SubFactory(OrganisationFactory)
    city = factory.SubFactory(CityFactory)


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    fund = Fund.AMIF


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    programme = factory.SubFactory(FundingProgrammeFactory)
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2021, 12, 31)
    is_published = True

    @factory.post_generation
    def coordinators(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinators.add(*extracted)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ParticipationRole.PARTNER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = MeetingKind.QUARTERLY_COORDINATION
    starts_at = factory.Sequence(
        lambda n: datetime.datetime(2016, 1, 5, 10, tzinfo=BUCHAREST) + datetime.timedelta(days=n)
    )
    status = MeetingStatus.HELD
    is_published = True

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        """`MeetingFactory(projects=[project])` links the projects as organisers."""
        if create and extracted:
            for project in extracted:
                MeetingProject.objects.create(
                    meeting=self, project=project, role=ProjectRoleInMeeting.ORGANISER
                )


class MeetingOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingOrganisation

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person_name = factory.Faker("name")
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Follow-up {n}")


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Attachment {n}")
    file = factory.django.FileField(filename="minutes.pdf", data=b"%PDF-1.4 test")
