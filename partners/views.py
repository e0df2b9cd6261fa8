"""Public pages of organisations, regions and integration centres.

partners sits below projects and meetings, so it never imports them: an organisation's or a
region's projects and meetings are sections those apps register (see core.sections).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.sections import page_sections
from core.views import PublicListView
from partners.filters import CentreFilterSet, OrganisationFilterSet
from partners.models import IntegrationCentre, Organisation, Region

# --- Organisations


class OrganisationListView(PublicListView):
    filterset_class = OrganisationFilterSet
    template_name = "partners/organisation_list.html"

    def get_queryset(self):
        return Organisation.objects.reviewed().for_list()


class OrganisationDetailView(DetailView):
    template_name = "partners/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.reviewed().with_places()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context.update(
            sections=page_sections.sections_for("partners:organisation", organisation),
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
        ancestors = list(Region.objects.filter(pk__in=region.ancestor_ids).order_by("path"))
        context.update(
            ancestors=ancestors,
            children=region.children.order_by("name"),
            sections=page_sections.sections_for("partners:region", region),
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
        # Open centres first; closed ones follow, marked, for whoever looks one up by name.
        return IntegrationCentre.objects.with_details().order_by("-is_active", "name")


class CentreDetailView(DetailView):
    template_name = "partners/centre_detail.html"
    context_object_name = "centre"

    def get_queryset(self):
        return IntegrationCentre.objects.with_details().select_related("city__parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        centre = self.object
        context.update(
            sections=page_sections.sections_for("partners:centre", centre),
            breadcrumbs=[
                {"label": _("Integration centres"), "url": reverse("partners:centre-list")},
                {"label": centre.name},
            ],
        )
        return context
