"""What each resource carries: only what the public pages show.

Translated texts come in the language of the answer (modeltranslation reads the active one,
falling back to English, Romanian, then Bulgarian); official names and titles stay in their own
language, with that language's code beside them. Lists carry the short form of a row, a single
resource the whole of it.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import ApiLinkField, FilteredListLinkField, LabelField, PageLinkField
from meetings.models import AgendaItem, Attachment, Meeting
from meetings.outputs import OutputProgress, output_progress, output_progress_of
from partners.models import IntegrationCentre, Organisation, Region
from projects.enums import ProjectStatus
from projects.models import FundingProgramme, Participation, PlannedOutput, Project


def is_reviewed(organisation: Organisation) -> bool:
    return organisation.is_reviewed


# --- References: a related row named, with its links


class RegionReferenceSerializer(serializers.ModelSerializer):
    url = ApiLinkField("api:region-detail")
    html_url = PageLinkField()

    class Meta:
        model = Region
        fields = ["id", "slug", "name", "kind", "url", "html_url"]


class OrganisationReferenceSerializer(serializers.ModelSerializer):
    """An organisation not yet reviewed is named, as the public pages name it, but has no
    page and no resource: its links are null."""

    url = ApiLinkField("api:organisation-detail", shown_if=is_reviewed)
    html_url = PageLinkField(shown_if=is_reviewed)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name",
            "acronym",
            "official_name",
            "official_name_language",
            "url",
            "html_url",
        ]


class ProgrammeReferenceSerializer(serializers.ModelSerializer):
    url = ApiLinkField("api:programme-detail")

    class Meta:
        model = FundingProgramme
        fields = ["id", "slug", "name", "short_name", "fund", "url"]


class ProjectReferenceSerializer(serializers.ModelSerializer):
    url = ApiLinkField("api:project-detail")
    html_url = PageLinkField()

    class Meta:
        model = Project
        fields = ["id", "slug", "acronym", "title", "url", "html_url"]


class CentreReferenceSerializer(serializers.ModelSerializer):
    url = ApiLinkField("api:centre-detail")
    html_url = PageLinkField()

    class Meta:
        model = IntegrationCentre
        fields = ["id", "slug", "name", "url", "html_url"]


class VocabularySerializer(serializers.Serializer):
    """A term of a fixed vocabulary: its code and its label in the reader's language."""

    code = serializers.CharField(read_only=True)
    label = serializers.CharField(source="__str__", read_only=True)


# --- Regions


class RegionSerializer(serializers.ModelSerializer):
    kind_label = LabelField("get_kind_display")
    parent = RegionReferenceSerializer(read_only=True)
    depth = serializers.IntegerField(read_only=True)
    url = ApiLinkField("api:region-detail")
    html_url = PageLinkField()
    projects = FilteredListLinkField("api:project-list", "region")
    meetings = FilteredListLinkField("api:meeting-list", "region")
    centres = FilteredListLinkField("api:centre-list", "region")

    class Meta:
        model = Region
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "kind_label",
            "code",
            "parent",
            "depth",
            "url",
            "html_url",
            "projects",
            "meetings",
            "centres",
        ]


class RegionDetailSerializer(RegionSerializer):
    children = RegionReferenceSerializer(many=True, read_only=True)

    class Meta(RegionSerializer.Meta):
        fields = [*RegionSerializer.Meta.fields, "description", "children"]


# --- Organisations


class OrganisationSerializer(serializers.ModelSerializer):
    kind_label = LabelField("get_kind_display")
    country = RegionReferenceSerializer(read_only=True)
    city = RegionReferenceSerializer(read_only=True)
    url = ApiLinkField("api:organisation-detail")
    html_url = PageLinkField()
    participations = FilteredListLinkField("api:participation-list", "organisation")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name",
            "acronym",
            "official_name",
            "official_name_language",
            "kind",
            "kind_label",
            "country",
            "city",
            "website",
            "url",
            "html_url",
            "participations",
        ]


class OrganisationDetailSerializer(OrganisationSerializer):
    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "description"]


# --- Integration centres


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class CentreSerializer(serializers.ModelSerializer):
    kind_label = LabelField("get_kind_display")
    organisation = OrganisationReferenceSerializer(read_only=True)
    city = RegionReferenceSerializer(read_only=True)
    services = VocabularySerializer(many=True, read_only=True)
    languages = LanguageSerializer(many=True, read_only=True)
    target_groups = VocabularySerializer(many=True, read_only=True)
    url = ApiLinkField("api:centre-detail")
    html_url = PageLinkField()

    class Meta:
        model = IntegrationCentre
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "kind_label",
            "organisation",
            "city",
            "address",
            "latitude",
            "longitude",
            "phone",
            "email",
            "website",
            "is_active",
            "closed_on",
            "services",
            "languages",
            "target_groups",
            "url",
            "html_url",
        ]


class CentreDetailSerializer(CentreSerializer):
    class Meta(CentreSerializer.Meta):
        fields = [*CentreSerializer.Meta.fields, "opening_hours", "description"]


# --- Funding programmes


class ProgrammeSerializer(serializers.ModelSerializer):
    fund_label = LabelField("get_fund_display")
    managing_authority = OrganisationReferenceSerializer(read_only=True)
    delegated_body = OrganisationReferenceSerializer(read_only=True)
    url = ApiLinkField("api:programme-detail")
    # Programmes have no page of their own: the public project list filtered to one.
    html_url = FilteredListLinkField("projects:project-list", "programme")
    projects = FilteredListLinkField("api:project-list", "programme")

    class Meta:
        model = FundingProgramme
        fields = [
            "id",
            "slug",
            "name",
            "short_name",
            "fund",
            "fund_label",
            "period",
            "description",
            "website",
            "managing_authority",
            "delegated_body",
            "url",
            "html_url",
            "projects",
        ]


# --- Projects and participations


@extend_schema_field(serializers.ChoiceField(choices=ProjectStatus.choices, allow_null=True))
class ProjectStatusField(serializers.Field):
    """Planned, ongoing or completed today; null while the dates are not known."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, status) -> str | None:
        return status.value if status else None


class OutputProgressSerializer(serializers.Serializer):
    kind = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)
    planned = serializers.IntegerField(read_only=True)
    delivered = serializers.IntegerField(read_only=True)
    share = serializers.DecimalField(
        max_digits=5, decimal_places=4, read_only=True, allow_null=True
    )


class ProjectListSerializer(serializers.ListSerializer):
    """Counts the delivered outputs of the whole page of projects in one query."""

    def to_representation(self, data):
        projects = list(data.all() if hasattr(data, "all") else data)
        self.context["output_progress"] = output_progress(projects)
        return super().to_representation(projects)


class ProjectSerializer(serializers.ModelSerializer):
    programme = ProgrammeReferenceSerializer(read_only=True)
    status = ProjectStatusField()
    outputs = serializers.SerializerMethodField(
        help_text="Each kind of output planned, against what the project's published, held "
        "meetings delivered (meetings.outputs)."
    )
    url = ApiLinkField("api:project-detail")
    html_url = PageLinkField()
    participations = FilteredListLinkField("api:participation-list", "project")
    meetings = FilteredListLinkField("api:meeting-list", "project")

    class Meta:
        model = Project
        fields = [
            "id",
            "slug",
            "acronym",
            "title",
            "official_title",
            "official_title_language",
            "programme",
            "status",
            "start_date",
            "end_date",
            "summary",
            "outputs",
            "url",
            "html_url",
            "participations",
            "meetings",
        ]
        list_serializer_class = ProjectListSerializer

    @extend_schema_field(OutputProgressSerializer(many=True))
    def get_outputs(self, project: Project) -> list[dict]:
        progress: list[OutputProgress] | None = self.context.get("output_progress", {}).get(
            project.pk
        )
        if progress is None:
            progress = output_progress_of(project)
        return OutputProgressSerializer(progress, many=True).data


class ProjectParticipationSerializer(serializers.ModelSerializer):
    organisation = OrganisationReferenceSerializer(read_only=True)
    role_label = serializers.CharField(read_only=True)

    class Meta:
        model = Participation
        fields = ["id", "organisation", "role", "role_label", "partner_number", "contribution"]


class PlannedOutputSerializer(serializers.ModelSerializer):
    kind_label = LabelField("get_kind_display")
    quantity_label = serializers.CharField(read_only=True)

    class Meta:
        model = PlannedOutput
        fields = ["kind", "kind_label", "quantity", "quantity_label", "description"]


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class ProjectDetailSerializer(ProjectSerializer):
    duration_months = serializers.IntegerField(read_only=True, allow_null=True)
    cofinancing_rate = serializers.DecimalField(
        max_digits=7, decimal_places=4, read_only=True, allow_null=True
    )
    target_groups = VocabularySerializer(many=True, read_only=True)
    themes = ThemeSerializer(source="thematic_areas", many=True, read_only=True)
    partners = ProjectParticipationSerializer(source="participations", many=True, read_only=True)
    regions = RegionReferenceSerializer(many=True, read_only=True)
    centres = CentreReferenceSerializer(many=True, read_only=True)
    planned_outputs = PlannedOutputSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [
            *ProjectSerializer.Meta.fields,
            "description",
            "specific_objective",
            "reference",
            "duration_months",
            "total_budget",
            "eu_contribution",
            "currency",
            "cofinancing_rate",
            "website",
            "target_groups",
            "themes",
            "partners",
            "regions",
            "centres",
            "planned_outputs",
        ]


class ParticipationSerializer(serializers.ModelSerializer):
    project = ProjectReferenceSerializer(read_only=True)
    organisation = OrganisationReferenceSerializer(read_only=True)
    role_label = serializers.CharField(read_only=True)
    url = ApiLinkField("api:participation-detail", lookup_field="pk")

    class Meta:
        model = Participation
        fields = [
            "id",
            "project",
            "organisation",
            "role",
            "role_label",
            "partner_number",
            "contribution",
            "url",
        ]


# --- Meetings


@extend_schema_field(OpenApiTypes.DATETIME)
class VenueTimeField(serializers.Field):
    """A time with the offset of the meeting's venue, where the public pages show it."""

    def __init__(self, attribute: str, **kwargs):
        kwargs.update(source=attribute, read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str | None:
        return value.isoformat() if value else None


class MeetingSerializer(serializers.ModelSerializer):
    kind_label = LabelField("kind_label")
    format_label = LabelField("get_format_display")
    ordinal = serializers.IntegerField(read_only=True, allow_null=True)
    starts_at = VenueTimeField("local_starts_at")
    ends_at = VenueTimeField("local_ends_at", allow_null=True)
    city = RegionReferenceSerializer(read_only=True)
    region = RegionReferenceSerializer(read_only=True)
    host = OrganisationReferenceSerializer(read_only=True)
    url = ApiLinkField("api:meeting-detail")
    html_url = PageLinkField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "slug",
            "title",
            "kind",
            "kind_label",
            "ordinal",
            "format",
            "format_label",
            "status",
            "starts_at",
            "ends_at",
            "all_day",
            "timezone",
            "venue",
            "address",
            "city",
            "region",
            "host",
            "summary",
            "url",
            "html_url",
        ]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["order", "time", "title", "speaker", "description"]


class DecisionSerializer(serializers.Serializer):
    text = serializers.CharField(read_only=True)


class PublicAttachmentSerializer(serializers.ModelSerializer):
    kind_label = LabelField("get_kind_display")
    download_url = PageLinkField()

    class Meta:
        model = Attachment
        fields = ["title", "kind", "kind_label", "download_url"]


class MeetingProjectSerializer(serializers.Serializer):
    project = ProjectReferenceSerializer(read_only=True)
    role = serializers.CharField(read_only=True)


class MeetingOrganisationSerializer(serializers.Serializer):
    organisation = OrganisationReferenceSerializer(read_only=True)
    role = serializers.CharField(read_only=True)


class MeetingDetailSerializer(MeetingSerializer):
    participants = serializers.SerializerMethodField()
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)
    attachments = PublicAttachmentSerializer(source="public_attachments", many=True, read_only=True)
    projects = MeetingProjectSerializer(source="public_project_links", many=True, read_only=True)
    organisations = MeetingOrganisationSerializer(
        source="organisation_links", many=True, read_only=True
    )

    class Meta(MeetingSerializer.Meta):
        fields = [
            *MeetingSerializer.Meta.fields,
            "minutes",
            "participants",
            "agenda",
            "decisions",
            "attachments",
            "projects",
            "organisations",
        ]

    def get_participants(self, meeting: Meeting) -> int | None:
        """People the attendance list marks present, or the number stated without a list."""
        return meeting.attendance_count or meeting.participant_count
