from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
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
    card_texts = ("summary",)
    card_relations = ("programme",)

    def get_queryset(self):
        return Project.objects.published().for_list()


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        # The search texts are the page's own words again, folded: the page does not show them.
        return Project.objects.published().for_detail().defer("search_text", "search_names")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context.update(
            facts=project_facts(project),
            sections=page_sections.sections_for("projects:project", project),
            breadcrumbs=[
                {"label": _("Projects"), "url": reverse("projects:project-list")},
                {"label": project.display_name},
            ],
        )
        return context


def not_known(label: str) -> dict:
    return {"label": label, "value": _("Not known"), "unknown": True}


def money_fact(label: str, amount: Decimal | None, currency: str) -> dict:
    if amount is None:
        return not_known(label)
    return {"label": label, "value": format_money(amount, currency), "money": True}


def project_facts(project: Project) -> list[dict]:
    """What the EU's list of operations (Regulation (EU) 2021/1060, Art. 49) gives for an
    operation, "not known" where the source does not say, then the portal's own facts."""
    programme = project.programme
    beneficiary = project.beneficiary
    rate = project.cofinancing_rate
    facts = [
        {
            "label": _("Beneficiary"),
            "value": beneficiary.name,
            "url": beneficiary.get_absolute_url(),
        }
        if beneficiary
        else not_known(_("Beneficiary")),
        {"label": _("Purpose"), "value": project.summary}
        if project.summary
        else not_known(_("Purpose")),
        {"label": _("Start and end"), "value": date_range(project)}
        if project.start_date or project.end_date
        else not_known(_("Start and end")),
    ]
    if project.duration_months:
        months = project.duration_months
        facts.append(
            {
                "label": _("Duration"),
                "value": ngettext("%(count)s month", "%(count)s months", months)
                % {"count": months},
            }
        )
    facts += [
        money_fact(_("Total cost"), project.total_budget, project.currency),
        money_fact(_("EU contribution"), project.eu_contribution, project.currency),
        {"label": _("Co-financing rate"), "value": format_percent(rate)}
        if rate is not None
        else not_known(_("Co-financing rate")),
        {"label": _("Fund"), "value": programme.get_fund_display()},
        {
            "label": _("Funding programme"),
            "value": programme.name,
            "url": list_url(reverse("projects:project-list"), programme=programme.slug),
        },
        {"label": _("Specific objective"), "value": project.specific_objective}
        if project.specific_objective
        else not_known(_("Specific objective")),
    ]
    if project.reference:
        facts.append({"label": _("Reference"), "value": project.reference})
    if project.status:
        facts.append({"label": _("Status"), "value": project.status.label})
    target_groups = [str(group) for group in project.target_groups.all()]
    if target_groups:
        facts.append({"label": _("Target groups"), "value": ", ".join(target_groups)})
    themes = [theme.name for theme in project.thematic_areas.all()]
    if themes:
        facts.append({"label": _("Themes"), "value": ", ".join(themes)})
    if project.website:
        facts.append({"label": _("Website"), "value": project.website, "url": project.website})
    return facts


# Romanian puts a space between the number and the percent sign (CLDR "#,##0 %"); English and
# Bulgarian do not.
SPACED_PERCENT_LANGUAGES = frozenset({"ro"})


def format_percent(share: Decimal) -> str:
    """0.75 as "75%" in English and "75 %" in Romanian: at most two decimals, none if whole."""
    percent = (share * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    decimals = max(0, -percent.normalize().as_tuple().exponent)
    number = number_format(percent, decimal_pos=decimals, use_l10n=True)
    language = (get_language() or "en").split("-")[0]
    separator = "\u00a0" if language in SPACED_PERCENT_LANGUAGES else ""
    return f"{number}{separator}%"


def date_range(project: Project) -> str:
    return format_date_range(project.start_date, project.end_date)
