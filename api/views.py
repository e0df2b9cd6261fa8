"""The read-only resources: each list is the public page's queryset under the public page's
FilterSet, paged, and each resource is found by its slug (participations by their id)."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django_filters.utils import translate_validation
from django_scopes import scope
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets

from api import serializers
from api.conditional import validators_for
from api.filters import ParticipationFilterSet, RegionFilterSet
from api.language import LANGUAGE_PARAMETER, language_codes, requested_language
from core.deferral import long_texts
from meetings.filters import MeetingFilterSet
from meetings.models import Meeting
from partners.filters import CentreFilterSet, OrganisationFilterSet
from partners.models import IntegrationCentre, Organisation, Region
from projects.filters import ProjectFilterSet
from projects.models import FundingProgramme, Participation, Project

LANGUAGE_PARAMETERS = [
    OpenApiParameter(
        LANGUAGE_PARAMETER,
        OpenApiTypes.STR,
        enum=language_codes(),
        description="The language of translated texts; without it, Accept-Language decides.",
    ),
    OpenApiParameter(
        "Accept-Language",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        description="The language of translated texts when `lang` is not given (en, ro, bg).",
    ),
]


# {(serializer, model, joins): columns}; a few entries, one per list and resource.
_UNSHOWN_COLUMNS: dict[tuple, tuple[str, ...]] = {}


def long_columns_not_shown(serializer_class, queryset) -> tuple[str, ...]:
    """The long text columns of the rows `queryset` reads (its own and those of the rows it
    joins by select_related) that `serializer_class` does not show: search texts,
    descriptions, minutes. Each language version of a translated text goes with its field.

    Worked out once per serializer, model and joins: building the serializer's fields takes
    longer than reading a page of rows."""
    related = queryset.query.select_related
    related = related if isinstance(related, dict) else {}
    key = (serializer_class, queryset.model, repr(related))
    if key not in _UNSHOWN_COLUMNS:
        _UNSHOWN_COLUMNS[key] = tuple(_not_shown(serializer_class(), queryset.model, related, ""))
    return _UNSHOWN_COLUMNS[key]


def _not_shown(serializer, model, related: dict, prefix: str) -> list[str]:
    shown = {field.source for field in serializer.fields.values()}
    columns = long_texts(model, prefix, keep=shown)
    for name, nested in serializer.fields.items():
        if name in related and isinstance(nested, drf_serializers.ModelSerializer):
            columns += _not_shown(
                nested, nested.Meta.model, related[name] or {}, f"{prefix}{name}__"
            )
    return columns


@extend_schema_view(
    list=extend_schema(parameters=LANGUAGE_PARAMETERS),
    retrieve=extend_schema(parameters=LANGUAGE_PARAMETERS),
)
class PublicResourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Answers as to a visitor who is not signed in, whoever asks, in the requested language,
    with ETag and Last-Modified, and 304 to a client whose copy is current."""

    lookup_field = "slug"
    detail_serializer_class = None
    validators = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def dispatch(self, request, *args, **kwargs):
        # Private rows are read in an anonymous visitor's scope, also for a signed-in reader:
        # the API shows everyone what the public pages show visitors (core.private_rows).
        with scope(user=AnonymousUser()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = requested_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        self.validators = validators_for(request, language)

    def paginate_queryset(self, queryset):
        """The page's keys first, then its rows: the columns a list annotates (a meeting's
        place in its series) are computed for the rows shown, not for every row skipped on
        the way to a far page, which PostgreSQL would compute too."""
        keys = super().paginate_queryset(queryset.values_list("pk", flat=True))
        if keys is None:
            return None
        # The long texts a list does not show stay in the database.
        deferred = long_columns_not_shown(self.get_serializer_class(), queryset)
        rows = queryset.order_by().defer(*deferred).in_bulk(keys)
        return [rows[key] for key in keys]

    def _not_modified(self, request):
        return get_conditional_response(
            request,
            etag=self.validators.etag,
            last_modified=self.validators.last_modified_timestamp,
        )

    def list(self, request, *args, **kwargs):
        return self._not_modified(request) or super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._not_modified(request) or super().retrieve(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.validators is not None and response.status_code in (200, 304):
            response["ETag"] = self.validators.etag
            response["Last-Modified"] = http_date(self.validators.last_modified_timestamp)
            # Caches may keep a copy but must ask whether it is still current.
            response["Cache-Control"] = "public, no-cache"
        patch_vary_headers(response, ["Accept-Language"])
        return response


class ProjectViewSet(PublicResourceViewSet):
    """Published projects; the filters of the public project list."""

    serializer_class = serializers.ProjectSerializer
    detail_serializer_class = serializers.ProjectDetailSerializer
    filterset_class = ProjectFilterSet

    def get_queryset(self):
        projects = Project.objects.published()
        if self.action == "retrieve":
            return projects.for_detail()
        return projects.for_list().prefetch_related("planned_outputs")


class ProgrammeViewSet(PublicResourceViewSet):
    """Funding programmes, every one the project list's programme filter offers."""

    serializer_class = serializers.ProgrammeSerializer
    filter_backends = []
    queryset = FundingProgramme.objects.select_related(
        "managing_authority", "delegated_body"
    ).order_by("name", "pk")


class OrganisationViewSet(PublicResourceViewSet):
    """Reviewed organisations; the filters of the public organisation list."""

    serializer_class = serializers.OrganisationSerializer
    detail_serializer_class = serializers.OrganisationDetailSerializer
    filterset_class = OrganisationFilterSet
    queryset = Organisation.objects.reviewed().for_list()


class ParticipationViewSet(PublicResourceViewSet):
    """Each organisation's roles in published projects, in the order a project lists its
    partners."""

    lookup_field = "pk"
    serializer_class = serializers.ParticipationSerializer
    filterset_class = ParticipationFilterSet

    def get_queryset(self):
        return (
            Participation.objects.filter(project__in=Project.objects.published().values("pk"))
            .select_related("project", "organisation")
            .in_role_order()
            .order_by("project_id", "role_rank", "partner_number", "organisation__name", "pk")
        )


class RegionViewSet(PublicResourceViewSet):
    """Places in the tree country > region > county > city, in tree order."""

    serializer_class = serializers.RegionSerializer
    detail_serializer_class = serializers.RegionDetailSerializer
    filterset_class = RegionFilterSet

    def get_queryset(self):
        regions = Region.objects.with_parent().order_by("path")
        if self.action == "retrieve":
            return regions.prefetch_related(
                Prefetch("children", queryset=Region.objects.order_by("name"))
            )
        return regions


class CentreViewSet(PublicResourceViewSet):
    """Integration centres, open ones first; the filters of the public centre list."""

    serializer_class = serializers.CentreSerializer
    detail_serializer_class = serializers.CentreDetailSerializer
    filterset_class = CentreFilterSet
    queryset = IntegrationCentre.objects.with_details().order_by("-is_active", "name")


class MeetingViewSet(PublicResourceViewSet):
    """Published meetings with their public agenda, decisions and attachments; the filters
    and the order of the public meeting list."""

    serializer_class = serializers.MeetingSerializer
    detail_serializer_class = serializers.MeetingDetailSerializer
    filterset_class = MeetingFilterSet

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # drf-spectacular reads the model from it outside any request's scope, where the
            # detail's prefetch of attachments (private rows) may not be built.
            return Meeting.objects.none()
        meetings = Meeting.objects.published()
        if self.action == "retrieve":
            return meetings.for_detail()
        return meetings.for_list()

    def filter_queryset(self, queryset):
        if self.action != "list":
            return super().filter_queryset(queryset)
        # The filter backend's work, done here to sort by the same filters without reading
        # them a second time.
        filterset = MeetingFilterSet(
            self.request.query_params, queryset=queryset, request=self.request
        )
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.in_listing_order(filterset.qs)
