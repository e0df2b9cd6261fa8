"""The datasets: each public list of the portal, column by column.

Codes (kinds, statuses, funds, services) are stable identifiers, the same in every language;
the Open data page lists what each one means. Names and texts the portal keeps in several
languages come in the language of the download; official names in their own language.
"""

from collections.abc import Callable

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from core.deferral import long_texts
from core.site_address import site_url
from meetings.enums import MeetingFormat, MeetingKind, MeetingStatus, ProjectRoleInMeeting
from meetings.models import Meeting, MeetingProject
from meetings.views import MeetingListView
from opendata.columns import Column, Dataset, ForeignKey, codes
from partners.enums import (
    OFFICIAL_LANGUAGE_CHOICES,
    CentreKind,
    OrganisationKind,
    RegionKind,
)
from partners.models import IntegrationCentre, Organisation, Region, Service, TargetGroup
from partners.views import CentreListView, OrganisationListView, RegionListView
from projects.enums import Currency, Fund, ProjectStatus
from projects.models import Project
from projects.views import ProjectListView


def page_url(row) -> str:
    return site_url(row.get_absolute_url())


def listed_slug(organisation: Organisation | None) -> str | None:
    """An organisation's key where the organisations dataset holds it: reviewed ones only."""
    if organisation is None or not organisation.is_reviewed:
        return None
    return organisation.slug


def slug_of(row) -> str | None:
    return row.slug if row is not None else None


def slug_column() -> Column:
    return Column(
        "slug",
        "string",
        _("The row's key: the last part of its web address, which never changes language."),
        lambda row: row.slug,
        required=True,
        unique=True,
    )


def url_column() -> Column:
    return Column(
        "url",
        "string",
        _("The address of the row's page on the portal, in the language of the download."),
        page_url,
        required=True,
        format="uri",
    )


def official_language_column(name: str, attribute: str) -> Column:
    return Column(
        name,
        "string",
        _("The language of the official name, as an ISO 639-1 code."),
        lambda row: getattr(row, attribute) or None,
        choices=tuple(OFFICIAL_LANGUAGE_CHOICES),
        lists_choices=False,
    )


def vocabulary_choices(model) -> Callable[[], tuple[tuple[str, str], ...]]:
    """The entries of a vocabulary editors extend, read when the column is described."""
    return lambda: tuple(model.objects.order_by("name").values_list("code", "name"))


def target_groups_column() -> Column:
    return Column(
        "target_groups",
        "string",
        _("The groups served, as codes separated by semicolons."),
        lambda row: codes(row.target_groups.all()),
        is_list=True,
        choices=vocabulary_choices(TargetGroup),
    )


# --- Regions


REGIONS = Dataset(
    name="regions",
    title=_("Regions"),
    description=_(
        "Countries, development regions, counties and cities, each with the place it is part of."
    ),
    list_url_name="partners:region-list",
    api_resource="regions",
    list_view=RegionListView,
    history_models=(Region,),
    columns=(
        slug_column(),
        url_column(),
        Column(
            "name",
            "string",
            _("The place's name."),
            lambda row: row.name,
            required=True,
            translated=True,
        ),
        Column(
            "kind",
            "string",
            _("Country, region, county or city."),
            lambda row: row.kind,
            required=True,
            choices=tuple(RegionKind.choices),
        ),
        Column(
            "code",
            "string",
            _("The official code, such as an ISO 3166 code (RO, RO-CT), where known."),
            lambda row: row.code or None,
        ),
        Column(
            "parent",
            "string",
            _("The key (slug) of the place this one is part of; empty for a country."),
            lambda row: slug_of(row.parent),
        ),
    ),
    foreign_keys=(ForeignKey("parent", ""),),
    prepare=lambda queryset: queryset.select_related("parent"),
)


# --- Organisations


ORGANISATIONS = Dataset(
    name="organisations",
    title=_("Organisations"),
    description=_(
        "NGOs, public authorities, municipalities and networks that run projects, host "
        "meetings or operate integration centres, once an editor has reviewed them."
    ),
    list_url_name="partners:organisation-list",
    api_resource="organisations",
    list_view=OrganisationListView,
    history_models=(Organisation,),
    columns=(
        slug_column(),
        url_column(),
        Column(
            "name",
            "string",
            _("The organisation's name in the language of the download."),
            lambda row: row.name,
            required=True,
            translated=True,
        ),
        Column("acronym", "string", _("Its acronym, if any."), lambda row: row.acronym or None),
        Column(
            "official_name",
            "string",
            _("The name as the organisation writes it in its own language, when it differs."),
            lambda row: row.official_name or None,
        ),
        official_language_column("official_name_language", "official_name_language"),
        Column(
            "kind",
            "string",
            _("The kind of organisation."),
            lambda row: row.kind,
            required=True,
            choices=tuple(OrganisationKind.choices),
        ),
        Column(
            "country",
            "string",
            _("The key (slug) of its country in the regions dataset."),
            lambda row: slug_of(row.country),
        ),
        Column(
            "city",
            "string",
            _("The key (slug) of its city in the regions dataset."),
            lambda row: slug_of(row.city),
        ),
        Column("address", "string", _("Its postal address."), lambda row: row.address or None),
        Column(
            "website", "string", _("Its website."), lambda row: row.website or None, format="uri"
        ),
        Column(
            "description",
            "string",
            _("What the organisation does."),
            lambda row: row.description or None,
            translated=True,
        ),
    ),
    foreign_keys=(ForeignKey("country", "regions"), ForeignKey("city", "regions")),
)


# --- Integration centres


INTEGRATION_CENTRES = Dataset(
    name="integration-centres",
    title=_("Integration centres"),
    description=_(
        "Places where migrants and refugees get advice and help, open and closed, with their "
        "services and the languages spoken there."
    ),
    list_url_name="partners:centre-list",
    api_resource="centres",
    list_view=CentreListView,
    history_models=(IntegrationCentre,),
    columns=(
        slug_column(),
        url_column(),
        Column(
            "name",
            "string",
            _("The centre's name."),
            lambda row: row.name,
            required=True,
            translated=True,
        ),
        Column(
            "kind",
            "string",
            _("The kind of centre."),
            lambda row: row.kind,
            required=True,
            choices=tuple(CentreKind.choices),
        ),
        Column(
            "organisation",
            "string",
            _(
                "The key (slug) of the organisation that runs it in the organisations dataset; "
                "empty while that organisation awaits an editor's review."
            ),
            lambda row: listed_slug(row.organisation),
        ),
        Column(
            "organisation_name",
            "string",
            _("The name of the organisation that runs it."),
            lambda row: row.organisation.name,
            required=True,
            translated=True,
        ),
        Column(
            "city",
            "string",
            _("The key (slug) of its city in the regions dataset."),
            lambda row: row.city.slug,
            required=True,
        ),
        Column("address", "string", _("Its street address."), lambda row: row.address or None),
        Column(
            "latitude",
            "number",
            _("Latitude in degrees (WGS 84), where the centre gave it."),
            lambda row: row.latitude,
        ),
        Column(
            "longitude",
            "number",
            _("Longitude in degrees (WGS 84), where the centre gave it."),
            lambda row: row.longitude,
        ),
        Column(
            "services",
            "string",
            _("The services offered, as codes separated by semicolons."),
            lambda row: codes(row.services.all()),
            is_list=True,
            choices=vocabulary_choices(Service),
        ),
        Column(
            "languages",
            "string",
            _("The languages spoken, as ISO 639-1 codes separated by semicolons."),
            lambda row: codes(row.languages.all()),
            is_list=True,
        ),
        target_groups_column(),
        Column(
            "opening_hours",
            "string",
            _("When the centre receives people."),
            lambda row: row.opening_hours or None,
            translated=True,
        ),
        Column(
            "website", "string", _("Its website."), lambda row: row.website or None, format="uri"
        ),
        Column(
            "is_open",
            "boolean",
            _("Whether the centre still receives people."),
            lambda row: row.is_active,
            required=True,
        ),
        Column(
            "closed_on",
            "date",
            _("The day it closed, when known."),
            lambda row: row.closed_on,
        ),
        Column(
            "description",
            "string",
            _("What the centre offers."),
            lambda row: row.description or None,
            translated=True,
        ),
    ),
    foreign_keys=(ForeignKey("organisation", "organisations"), ForeignKey("city", "regions")),
)


# --- Projects


def with_download_details(queryset: QuerySet) -> QuerySet:
    return queryset.with_partners().prefetch_related("target_groups")


def project_partners(project: Project) -> list[str]:
    slugs = []
    for participation in project.participations.all():
        slug = listed_slug(participation.organisation)
        if slug and slug not in slugs:
            slugs.append(slug)
    return slugs


PROJECTS = Dataset(
    name="projects",
    title=_("Projects"),
    description=_(
        "Migrant integration projects, most of them funded by the Asylum, Migration and "
        "Integration Fund: programme, dates, budget, beneficiary and partners."
    ),
    list_url_name="projects:project-list",
    api_resource="projects",
    list_view=ProjectListView,
    history_models=(Project,),
    columns=(
        slug_column(),
        url_column(),
        Column(
            "acronym",
            "string",
            _("The acronym, written the same in every language."),
            lambda row: row.acronym or None,
        ),
        Column(
            "title",
            "string",
            _("The project's title."),
            lambda row: row.title,
            required=True,
            translated=True,
        ),
        Column(
            "official_title",
            "string",
            _("The title as the contract gives it, in its own language, when it differs."),
            lambda row: row.official_title or None,
        ),
        official_language_column("official_title_language", "official_title_language"),
        Column(
            "programme",
            "string",
            _("The key (slug) of the funding programme, as the project list's filter takes it."),
            lambda row: row.programme.slug,
            required=True,
        ),
        Column(
            "programme_name",
            "string",
            _("The funding programme's name."),
            lambda row: row.programme.name,
            required=True,
            translated=True,
        ),
        Column(
            "fund",
            "string",
            _("The EU fund behind the programme."),
            lambda row: row.programme.fund,
            required=True,
            choices=tuple(Fund.choices),
        ),
        Column(
            "specific_objective",
            "string",
            _("The programme's specific objective the project serves."),
            lambda row: row.specific_objective or None,
            translated=True,
        ),
        Column(
            "reference",
            "string",
            _("The contract reference or grant agreement number."),
            lambda row: row.reference or None,
        ),
        Column(
            "summary",
            "string",
            _("What the project is for, in one or two sentences."),
            lambda row: row.summary or None,
            translated=True,
        ),
        Column("start_date", "date", _("The day it starts."), lambda row: row.start_date),
        Column("end_date", "date", _("The day it ends."), lambda row: row.end_date),
        Column(
            "duration_months",
            "integer",
            _("Its duration in months, from its dates or as its contract states it."),
            lambda row: row.duration_months,
        ),
        Column(
            "status",
            "string",
            _("Planned, ongoing or completed on the day of the download; empty without dates."),
            lambda row: row.status.value if row.status else None,
            choices=tuple(ProjectStatus.choices),
        ),
        Column(
            "total_budget",
            "number",
            _("The total eligible cost, in the currency of the currency column."),
            lambda row: row.total_budget,
        ),
        Column(
            "eu_contribution",
            "number",
            _("The EU contribution, in the currency of the currency column."),
            lambda row: row.eu_contribution,
        ),
        Column(
            "currency",
            "string",
            _("The ISO 4217 code of the amounts' currency."),
            lambda row: row.currency,
            required=True,
            choices=tuple(Currency.choices),
        ),
        Column(
            "beneficiary",
            "string",
            _(
                "The key (slug) of the organisation the contract is signed with, in the "
                "organisations dataset; empty when not known or not yet reviewed."
            ),
            lambda row: listed_slug(row.beneficiary),
        ),
        Column(
            "partners",
            "string",
            _(
                "The keys (slugs) of the organisations taking part, beneficiary included, "
                "separated by semicolons."
            ),
            project_partners,
            is_list=True,
        ),
        target_groups_column(),
        Column(
            "website", "string", _("Its website."), lambda row: row.website or None, format="uri"
        ),
    ),
    foreign_keys=(ForeignKey("beneficiary", "organisations"),),
    prepare=with_download_details,
)


# --- Meetings


def with_region_and_public_projects(queryset: QuerySet) -> QuerySet:
    """The list's meetings with what the download adds to their cards: the region each
    coordinates and the public projects organising it or taking part."""
    # The region gives its key (slug) only: its long texts stay unread.
    regions = queryset.select_related("region").defer(*long_texts(Region, "region__"))
    return regions.prefetch_related(
        Prefetch(
            "meeting_projects",
            queryset=MeetingProject.objects.filter(project__is_published=True).select_related(
                "project"
            ),
            to_attr="public_project_links",
        )
    )


def organising_projects(meeting: Meeting) -> list[str]:
    return [
        link.project.slug
        for link in meeting.public_project_links
        if link.role == ProjectRoleInMeeting.ORGANISER
    ]


def taking_part_projects(meeting: Meeting) -> list[str]:
    return [
        link.project.slug
        for link in meeting.public_project_links
        if link.role != ProjectRoleInMeeting.ORGANISER
    ]


MEETINGS = Dataset(
    name="meetings",
    title=_("Meetings and events"),
    description=_(
        "Published coordination meetings, partner meetings, conferences and public events, "
        "with when and where they take place and who organises them."
    ),
    list_url_name="meetings:meeting-list",
    api_resource="meetings",
    list_view=MeetingListView,
    history_models=(Meeting,),
    columns=(
        slug_column(),
        url_column(),
        Column(
            "title",
            "string",
            _("The meeting's title."),
            lambda row: row.title,
            required=True,
            translated=True,
        ),
        Column(
            "kind",
            "string",
            _("The kind of meeting."),
            lambda row: row.kind,
            required=True,
            choices=tuple(MeetingKind.choices),
        ),
        Column(
            "sequence_number",
            "integer",
            _("For a quarterly coordination meeting: its number among its project's meetings."),
            lambda row: row.sequence_number,
        ),
        Column(
            "format",
            "string",
            _("In person, online or both."),
            lambda row: row.format,
            required=True,
            choices=tuple(MeetingFormat.choices),
        ),
        Column(
            "status",
            "string",
            _("Planned, held or cancelled."),
            lambda row: row.status,
            required=True,
            choices=tuple(
                (code, label) for code, label in MeetingStatus.choices if code != "draft"
            ),
        ),
        Column(
            "starts_on",
            "date",
            _("The day it starts, at the venue."),
            lambda row: row.local_starts_at.date(),
            required=True,
        ),
        Column(
            "starts_at",
            "datetime",
            _("When it starts, in the venue's time; empty while the time is not announced."),
            lambda row: None if row.all_day else row.local_starts_at,
        ),
        Column(
            "ends_at",
            "datetime",
            _("When it ends, in the venue's time; empty when not announced."),
            lambda row: None if row.all_day else row.local_ends_at,
        ),
        Column(
            "time_zone",
            "string",
            _("The venue's time zone, as an IANA name (Europe/Bucharest)."),
            lambda row: row.timezone,
            required=True,
        ),
        Column(
            "venue",
            "string",
            _("Where it takes place."),
            lambda row: row.venue or None,
            translated=True,
        ),
        Column("address", "string", _("The venue's address."), lambda row: row.address or None),
        Column(
            "city",
            "string",
            _("The key (slug) of the city it is held in, in the regions dataset."),
            lambda row: slug_of(row.city),
        ),
        Column(
            "region",
            "string",
            _("The key (slug) of the region whose actors it brings together."),
            lambda row: slug_of(row.region),
        ),
        Column(
            "host",
            "string",
            _("The key (slug) of the host organisation in the organisations dataset."),
            lambda row: listed_slug(row.host),
        ),
        Column(
            "organising_projects",
            "string",
            _("The keys (slugs) of the projects organising it, separated by semicolons."),
            organising_projects,
            is_list=True,
        ),
        Column(
            "taking_part_projects",
            "string",
            _("The keys (slugs) of the other projects taking part, separated by semicolons."),
            taking_part_projects,
            is_list=True,
        ),
        Column(
            "summary",
            "string",
            _("The public summary of the meeting."),
            lambda row: row.summary or None,
            translated=True,
        ),
    ),
    foreign_keys=(
        ForeignKey("city", "regions"),
        ForeignKey("region", "regions"),
        ForeignKey("host", "organisations"),
    ),
    prepare=with_region_and_public_projects,
)


DATASETS: tuple[Dataset, ...] = (
    PROJECTS,
    ORGANISATIONS,
    INTEGRATION_CENTRES,
    MEETINGS,
    REGIONS,
)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}
BY_LIST_URL_NAME = {dataset.list_url_name: dataset for dataset in DATASETS}
