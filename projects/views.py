from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView

from core.formatting import format_date_range, format_money
from core.sections import page_sections
from core.views import PublicListView, list_url
from projects.filters import ProjectFilterSet
from projects.models import Project


class ProjectListView(PublicListView):
    filterset_class = ProjectFilterSet
    shared_page = True
    template_name = "projects/project_list.html"

    def get_queryset(self):
        return Project.objects.published().for_list()


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return Project.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context.update(
            facts=project_facts(project),
            sections=page_sections.sections_for("projects:project", project),
            breadcrumbs=[
                {"label": _("Projects"), "url": reverse("projects:project-list")},
                {"label": str(project)},
            ],
        )
        return context


def project_facts(project: Project) -> list[dict]:
    programme = project.programme
    facts = [
        {
            "label": _("Funding programme"),
            "value": programme.name,
            "url": list_url(reverse("projects:project-list"), programme=programme.slug),
        },
        {"label": _("Fund"), "value": programme.get_fund_display()},
    ]
    if project.reference:
        facts.append({"label": _("Reference"), "value": project.reference})
    if project.start_date or project.end_date:
        facts.append({"label": _("Dates"), "value": date_range(project)})
    if project.duration_months:
        months = project.duration_months
        facts.append(
            {
                "label": _("Duration"),
                "value": ngettext("%(count)s month", "%(count)s months", months)
                % {"count": months},
            }
        )
    if project.status:
        facts.append({"label": _("Status"), "value": project.status.label})
    if project.total_budget is not None:
        facts.append(
            {
                "label": _("Total budget"),
                "value": format_money(project.total_budget, project.currency),
                "money": True,
            }
        )
    if project.eu_contribution is not None:
        facts.append(
            {
                "label": _("EU contribution"),
                "value": format_money(project.eu_contribution, project.currency),
                "money": True,
            }
        )
    target_groups = [str(group) for group in project.target_groups.all()]
    if target_groups:
        facts.append({"label": _("Target groups"), "value": ", ".join(target_groups)})
    themes = [theme.name for theme in project.thematic_areas.all()]
    if themes:
        facts.append({"label": _("Themes"), "value": ", ".join(themes)})
    if project.website:
        facts.append({"label": _("Website"), "value": project.website, "url": project.website})
    return facts


def date_range(project: Project) -> str:
    return format_date_range(project.start_date, project.end_date)
