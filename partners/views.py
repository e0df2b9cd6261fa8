"""Public pages of organisations, regions and integration centres.

partners sits below projects and meetings, so it never imports them: their rows arrive through
reverse relations, or through the public querysets those apps offer on their own models.
"""

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from integration_portal.pagination import PublicListView
from partners.filters import CentreFilterSet, OrganisationFilterSet
from partners.models import IntegrationCentre, Organisation, Region

RELATED_LIMIT = 50


def _limited(queryset, limit: int = RELATED_LIMIT) -> tuple[list, bool]:
    """The first `limit` rows and whether there are more, in one query."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def _list_url(name: str, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse(name)}?{query}"


# --- Organisations


class OrganisationListView(PublicListView):
    filterset_class = OrganisationFilterSet
    template_name = "partners/organisation_list.html"

    def get_queryset(self):
        return Organisation.objects.for_list()


class OrganisationDetailView(DetailView):
    template_name = "partners/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.with_places()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        participations, more_projects = _limited(
            organisation.participations.filter(project__is_published=True)
            .select_related("project__programme")
            .order_by("-project__start_date", "project__title")
        )
        meetings, more_meetings = _limited(
            apps.get_model("meetings", "Meeting")
            .objects.published()
            .involving(organisation)
            .with_places()
            .with_ordinal()
            .order_by("-starts_at"),
            limit=20,
        )
        context.update(
            participations=participations,
            more_projects=more_projects,
            projects_url=_list_url("projects:project-list", partner=organisation.slug),
            meetings=meetings,
            more_meetings=more_meetings,
            meetings_url=_list_url("meetings:meeting-list", organisation=organisation.slug),
            centres=organisation.centres.select_related("city").order_by("name"),
            breadcrumbs=[
                {"label": _("Organisations"), "url": reverse("partners:organisation-list")},
                {"label": organisation.name},
            ],
        )
        return context


# --- Regions


class RegionListView(ListView):
    """The whole tree on one page: a few hundred short rows, built from one query."""

    template_name = "partners/region_list.html"

    def get_queryset(self):
        return Region.objects.order_by("path")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tree"] = region_tree(context["object_list"])
        return context


def region_tree(regions) -> list[dict]:
    """Nest regions ordered by path into [{"region": r, "children": [...]}, ...]."""
    nodes: dict[int, dict] = {}
    roots: list[dict] = []
    for region in regions:
        node = {"region": region, "children": []}
        nodes[region.pk] = node
        parent = nodes.get(region.parent_id)
        (parent["children"] if parent else roots).append(node)
    return roots


class RegionDetailView(DetailView):
    template_name = "partners/region_detail.html"

    def get_queryset(self):
        return Region.objects.with_parent()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        project_model = apps.get_model("projects", "Project")
        meeting_model = apps.get_model("meetings", "Meeting")
        projects, more_projects = _limited(
            project_model.objects.public().covering(region).with_programme()
        )
        centres, more_centres = _limited(
            IntegrationCentre.objects.active()
            .filter(city__path__startswith=region.path)
            .select_related("city", "organisation")
            .order_by("name")
        )
        meetings, more_meetings = _limited(
            meeting_model.objects.published()
            .within(region)
            .with_places()
            .with_ordinal()
            .order_by("-starts_at"),
            limit=20,
        )
        ancestors = list(Region.objects.filter(pk__in=region.ancestor_ids).order_by("path"))
        context.update(
            ancestors=ancestors,
            children=region.children.order_by("name"),
            projects=projects,
            more_projects=more_projects,
            projects_url=_list_url("projects:project-list", region=region.slug),
            centres=centres,
            more_centres=more_centres,
            centres_url=_list_url("partners:centre-list", region=region.slug),
            meetings=meetings,
            more_meetings=more_meetings,
            meetings_url=_list_url("meetings:meeting-list", region=region.slug),
            breadcrumbs=[
                {"label": _("Regions"), "url": reverse("partners:region-list")},
                *({"label": a.name, "url": a.get_absolute_url()} for a in ancestors),
                {"label": region.name},
            ],
        )
        return context


# --- Integration centres


class CentreListView(PublicListView):
    filterset_class = CentreFilterSet
    template_name = "partners/centre_list.html"

    def get_queryset(self):
        return IntegrationCentre.objects.active().with_details()


class CentreDetailView(DetailView):
    template_name = "partners/centre_detail.html"
    context_object_name = "centre"

    def get_queryset(self):
        return IntegrationCentre.objects.with_details().select_related("city__parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        centre = self.object
        context.update(
            projects=centre.projects.public().with_programme(),
            breadcrumbs=[
                {"label": _("Integration centres"), "url": reverse("partners:centre-list")},
                {"label": centre.name},
            ],
        )
        return context
