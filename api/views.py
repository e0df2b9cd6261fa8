"""The read-only resources: each list is the public page's queryset under the public page's
FilterSet, paged, and each resource is found by its slug (participations by their id)."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.functional import lazy
from django.utils.http import http_date
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
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
from api.pagination import ApiPagination
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
        description=_(
            "The language of the texts: en, ro or bg. Without it, Accept-Language decides, "
            "else English. Official names stay in their own language."
        ),
    ),
    OpenApiParameter(
        "Accept-Language",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        description=_("The language of the texts when `lang` is not given: en, ro or bg."),
    ),
]


def _page_size_description() -> str:
    # Read when the document is written, so that it states the sizes in force.
    return gettext(
        "How many rows a page holds: from 1 to %(maximum)d; %(default)d if not given."
    ) % {
        "maximum": settings.API_MAX_PAGE_SIZE,
        "default": settings.API_PAGE_SIZE,
    }


PAGE_PARAMETERS = [
    OpenApiParameter(
        ApiPagination.page_query_param,
        OpenApiTypes.INT,
        description=_("The page to answer with, counting from 1; the first if not given."),
    ),
    OpenApiParameter(
        ApiPagination.page_size_query_param,
        OpenApiTypes.INT,
        description=lazy(_page_size_description, str)(),
    ),
]

LIST_ANSWER = _(
    "Answers in JSON, a page at a time (`page`, `page_size`): `count` is how many rows "
    "match, `pages` how many pages they fill, and `first`, `previous`, `next` and `last` "
    "are the addresses of other pages "
    "(`previous` and `next` are null at either end). Filters combine: every row answered "
    "matches all of them. A value that is not understood is answered with status 400 and an "
    "`errors` object naming each parameter at fault."
)
DETAIL_ANSWER = _(
    "Answers in JSON, or with status 404 where the portal shows no such record. Each row of "
    "the list gives its address in `url`, and its page on the portal in `html_url`."
)
CURRENT_COPY = _(
    "Every answer carries an ETag and a Last-Modified date: send them back in If-None-Match "
    "or If-Modified-Since and, if nothing has changed since, the answer is status 304 with no "
    "body."
)
SLUG_PARAMETER = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    location=OpenApiParameter.PATH,
    description=_("Its slug: the `slug` field of its row in the list."),
)
ID_PARAMETER = OpenApiParameter(
    "id",
    OpenApiTypes.INT,
    location=OpenApiParameter.PATH,
    description=_("Its number: the `id` field of its row in the list."),
)


def described(
    *,
    list_summary,
    list_description,
    detail_summary,
    detail_description,
    lookup: OpenApiParameter = SLUG_PARAMETER,
):
    """The texts of a resource's list and detail in the OpenAPI document, in the reader's
    language: what the rows hold, then how every list or detail answers."""
    return extend_schema_view(
        list=extend_schema(
            summary=list_summary,
            description=format_lazy("{}\n\n{}\n\n{}", list_description, LIST_ANSWER, CURRENT_COPY),
            parameters=PAGE_PARAMETERS,
        ),
        retrieve=extend_schema(
            summary=detail_summary,
            description=format_lazy(
                "{}\n\n{}\n\n{}", detail_description, DETAIL_ANSWER, CURRENT_COPY
            ),
            parameters=[lookup],
        ),
    )


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


@described(
    list_summary=_("List projects"),
    list_description=_(
        "The projects published on the portal, each with its funding programme, dates, status "
        "(planned, ongoing or completed; null while its dates are not known), summary, and its "
        "planned outputs against what its meetings delivered. Each row links to the lists of "
        "its partners and of its meetings. The filters are those of the portal's project list: "
        "words (`q`), funding programme, status, country or smaller place, target group, "
        "theme, partner organisation and a year the project runs in; `ordering` sorts by start "
        "date, end date or title."
    ),
    detail_summary=_("One project"),
    detail_description=_(
        "A published project, found by its slug: what the list gives, with its description and "
        "objective, reference, duration, budget, EU contribution and co-financing rate, target "
        "groups, themes, partners and their roles, the places it covers, its integration "
        "centres and its planned outputs."
    ),
)
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


@described(
    list_summary=_("List funding programmes"),
    list_description=_(
        "The programmes that fund the projects, by name: each with its fund, period, managing "
        "authority and delegated body, and a link to the list of the projects it funds. This "
        "list has no filters."
    ),
    detail_summary=_("One funding programme"),
    detail_description=_("A funding programme, found by its slug, as the list gives it."),
)
class ProgrammeViewSet(PublicResourceViewSet):
    """Funding programmes, every one the project list's programme filter offers."""

    serializer_class = serializers.ProgrammeSerializer
    filter_backends = []
    queryset = FundingProgramme.objects.select_related(
        "managing_authority", "delegated_body"
    ).order_by("name", "pk")


@described(
    list_summary=_("List organisations"),
    list_description=_(
        "The organisations the portal has reviewed (NGOs, public and local authorities, "
        "international organisations, networks, research bodies, companies), each with its "
        "official name in its own language, kind, country, city and website, and a link to the "
        "list of its roles in projects. The filters are those of the portal's organisation "
        "list: words (`q`), kind and country; `ordering` sorts by name or acronym."
    ),
    detail_summary=_("One organisation"),
    detail_description=_(
        "A reviewed organisation, found by its slug: what the list gives, with its description."
    ),
)
class OrganisationViewSet(PublicResourceViewSet):
    """Reviewed organisations; the filters of the public organisation list."""

    serializer_class = serializers.OrganisationSerializer
    detail_serializer_class = serializers.OrganisationDetailSerializer
    filterset_class = OrganisationFilterSet
    queryset = Organisation.objects.reviewed().for_list()


@described(
    list_summary=_("List roles in projects"),
    list_description=_(
        "Which organisation takes which role in which published project (beneficiary, lead "
        "partner, partner, expert organisation and others), with its partner number and "
        "contribution where known. The rows of a project come in the order the project lists "
        "its partners. Filter by project, by organisation (each by its slug) and by role."
    ),
    detail_summary=_("One role in a project"),
    detail_description=_(
        "One organisation's role in one published project, found by its number, as the list "
        "gives it."
    ),
    lookup=ID_PARAMETER,
)
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


@described(
    list_summary=_("List places"),
    list_description=_(
        "Countries, regions, counties and cities in tree order, each place followed by the "
        "places inside it, with its kind, code, the place it is part of and its depth in the "
        "tree, and links to the lists of the projects, meetings and centres in it. Filter by "
        "kind, or with `parent` for the places directly inside one place."
    ),
    detail_summary=_("One place"),
    detail_description=_(
        "A place, found by its slug: what the list gives, with its description and the places "
        "directly inside it."
    ),
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


@described(
    list_summary=_("List integration centres"),
    list_description=_(
        "Regional integration centres, working points and one-stop shops, open ones first, "
        "each with its organisation, city, address, coordinates, phone, e-mail and website, the "
        "date it closed if it has, its services, the languages spoken and the groups it serves. "
        "The filters are those of the portal's centre list: words (`q`), place, service, "
        "language spoken and kind; `ordering` sorts by name or city."
    ),
    detail_summary=_("One integration centre"),
    detail_description=_(
        "An integration centre, found by its slug: what the list gives, with its opening hours "
        "and description."
    ),
)
class CentreViewSet(PublicResourceViewSet):
    """Integration centres, open ones first; the filters of the public centre list."""

    serializer_class = serializers.CentreSerializer
    detail_serializer_class = serializers.CentreDetailSerializer
    filterset_class = CentreFilterSet
    queryset = IntegrationCentre.objects.with_details().order_by("-is_active", "name")


@described(
    list_summary=_("List meetings"),
    list_description=_(
        "Published meetings and events (quarterly coordination meetings, partner meetings, "
        "conferences, public events, workshops, webinars), each with its number in its series, "
        "format, status, start and end at the venue's time, venue, place, host and summary. "
        "The newest come first; with `when=upcoming`, the soonest first. The filters are those "
        "of the portal's meeting list: words (`q`), upcoming or past, kind, format, project, "
        "host or organiser, place, year and quarter; `ordering` sorts by date or title."
    ),
    detail_summary=_("One meeting"),
    detail_description=_(
        "A published meeting, found by its slug: what the list gives, with its minutes, the "
        "number of participants, its public agenda, decisions and attachments, and the "
        "projects and organisations it concerns."
    ),
)
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
        return meetings.for_list().select_related("region")

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
