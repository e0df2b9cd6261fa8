"""Public pages of organisations, regions and integration centres.

partners sits below projects and meetings, so it never imports them: an organisation's or a
region's projects and meetings are sections those apps register (see core.sections).
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.deferral import without_long_texts
from core.sections import page_sections
from core.views import PublicListView
from partners.enums import RegionKind
from partners.filters import CentreFilterSet, OrganisationFilterSet
from partners.models import IntegrationCentre, Organisation, Region
from partners.sections import CENTRE_CARD_TEXTS

# --- Organisations


class OrganisationListView(PublicListView):
    filterset_class = OrganisationFilterSet
    template_name = "partners/organisation_list.html"
    card_texts = ()
    card_relations = ("city", "country")

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
        # Plain values of what the tree shows: five hundred model instances took longer to
        # build than the page to render.
        regions = list(self.object_list.values("pk", "parent_id", "slug", "kind", "name"))
        context.update(object_list=regions, tree=tree_html(region_tree(regions)))
        return context


def region_tree(regions) -> list[dict]:
    """Nest regions ordered by path, as values (pk, parent_id, …), into
    [{"region": r, "children": [...]}, ...]."""
    nodes: dict[int, dict] = {}
    roots: list[dict] = []
    for region in regions:
        node = {"region": region, "children": []}
        nodes[region["pk"]] = node
        parent = nodes.get(region["parent_id"])
        (parent["children"] if parent else roots).append(node)
    return roots


def tree_html(nodes: list[dict]) -> str:
    """The tree as nested lists of links, each with the place's kind.

    Built here rather than by a template included per level: five hundred places rendered
    through the template engine took most of the page's time at national scale.
    """
    kind_labels = {kind: str(label) for kind, label in RegionKind.choices}
    # A region's address is the address pattern with its slug: one reverse() in all.
    marker = "--slug--"
    pattern = reverse("partners:region-detail", kwargs={"slug": marker})

    def nested(level: list[dict]) -> str:
        items = (
            format_html(
                '<li><a href="{}">{}</a> <span class="meta">{}</span>{}</li>',
                pattern.replace(marker, node["region"]["slug"]),
                node["region"]["name"],
                kind_labels.get(node["region"]["kind"], node["region"]["kind"]),
                mark_safe(nested(node["children"])) if node["children"] else "",
            )
            for node in level
        )
        return format_html('<ul class="region-tree">\n{}</ul>\n', mark_safe("\n".join(items)))

    return mark_safe(nested(nodes)) if nodes else ""


class RegionDetailView(DetailView):
    template_name = "partners/region_detail.html"

    def get_queryset(self):
        return Region.objects.with_parent()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        # Named and linked only: their long texts stay in the database.
        ancestors = list(
            without_long_texts(Region.objects.filter(pk__in=region.ancestor_ids)).order_by("path")
        )
        context.update(
            ancestors=ancestors,
            children=without_long_texts(region.children.order_by("name")),
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
    card_texts = CENTRE_CARD_TEXTS
    card_relations = ("city",)

    def get_queryset(self):
        # Open centres first; closed ones follow, marked, for whoever looks one up by name.
        return IntegrationCentre.objects.with_details().order_by("-is_active", "name")

    def get_context_data(self, **kwargs):
        # The list's download reads the same rows with all their details; a card shows
        # neither the centre's organisation nor its target groups.
        kwargs["object_list"] = (
            kwargs["object_list"]
            .select_related(None)
            .select_related("city")
            .prefetch_related(None)
            .prefetch_related("services", "languages")
        )
        return super().get_context_data(**kwargs)


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
