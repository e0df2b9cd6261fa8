from django.contrib import admin, messages
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin import UserAdmin
from accounts.admin_mixins import AdministratorsRestoreMixin
from accounts.models import User
from accounts.roles import is_administrator
from core.admin import (
    AnyLanguageAdminMixin,
    LookupSafeRelationsMixin,
    PublicationAdminMixin,
    WebAddressAdminMixin,
    translated,
)
from core.money import LocalisedDecimalField
from core.sections import AdminSectionsMixin
from projects.coverage import refreshed_once
from projects.forms import AddPersonForm
from projects.models import (
    FundingProgramme,
    Participation,
    PlannedOutput,
    Project,
    ProjectCentre,
    ProjectRegion,
    ThematicArea,
)
from projects.services import add_person


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(
    WebAddressAdminMixin, LookupSafeRelationsMixin, AnyLanguageAdminMixin, TranslationAdmin
):
    web_address_sources = ("short_name", "name")
    list_display = ["name", "short_name", "fund", "period", "managing_authority", "delegated_body"]
    list_filter = ["fund"]
    list_select_related = ["managing_authority", "delegated_body"]
    search_fields = [*translated("name", "short_name"), "slug"]
    autocomplete_fields = ["managing_authority", "delegated_body"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(ThematicArea)
class ThematicAreaAdmin(
    WebAddressAdminMixin, LookupSafeRelationsMixin, AnyLanguageAdminMixin, TranslationAdmin
):
    list_display = ["name", "slug"]
    search_fields = [*translated("name"), "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


class ParticipationInline(LookupSafeRelationsMixin, TranslationTabularInline):
    model = Participation
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "partner_number", "contribution"]


class ProjectRegionInline(LookupSafeRelationsMixin, admin.TabularInline):
    model = ProjectRegion
    extra = 0
    autocomplete_fields = ["region"]


class ProjectCentreInline(LookupSafeRelationsMixin, admin.TabularInline):
    model = ProjectCentre
    extra = 0
    autocomplete_fields = ["centre"]


class PlannedOutputInline(LookupSafeRelationsMixin, TranslationTabularInline):
    model = PlannedOutput
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    fields = ["order", "kind", "quantity", "description"]


@admin.register(Project)
class ProjectAdmin(
    AdminSectionsMixin,
    AdministratorsRestoreMixin,
    WebAddressAdminMixin,
    LookupSafeRelationsMixin,
    PublicationAdminMixin,
    SimpleHistoryAdmin,
    AnyLanguageAdminMixin,
    TranslationAdmin,
):
    sections_page = "admin:projects:project"
    web_address_sources = ("acronym", "title")
    web_address_fallback = "project"
    list_display = [
        "acronym",
        "title",
        "programme",
        "reference",
        "start_date",
        "end_date",
        "is_published",
    ]
    list_display_links = ["acronym", "title"]
    list_filter = ["is_published", "programme", "currency", "thematic_areas", "target_groups"]
    list_select_related = ["programme"]
    search_fields = [*translated("title"), "official_title", "acronym", "reference", "slug"]
    autocomplete_fields = ["programme", "coordinators"]
    filter_horizontal = ["target_groups", "thematic_areas"]
    prepopulated_fields = {"slug": ["acronym"]}
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, ProjectRegionInline, ProjectCentreInline, PlannedOutputInline]
    fieldsets = [
        (None, {"fields": ["title", "acronym", "slug", "programme", "reference"]}),
        (_("Official title"), {"fields": ["official_title", "official_title_language"]}),
        (_("Dates"), {"fields": ["start_date", "end_date", "stated_duration_months"]}),
        (
            _("Budget"),
            {
                "fields": [
                    "total_budget",
                    "currency",
                    "eu_contribution",
                    "national_cofinancing",
                    "eu_cofinancing_rate",
                ]
            },
        ),
        (_("Programme"), {"fields": ["specific_objective"]}),
        (
            _("Content"),
            {"fields": ["summary", "description", "target_groups", "thematic_areas", "website"]},
        ),
        (
            _("Team and publication"),
            {"fields": ["coordinators", "is_published", "published_at", "published_by"]},
        ),
    ]

    # Amounts typed as the contract writes them: "1 332 240,00" in Romanian, "1,332,240.00" in
    # English.
    formfield_overrides = {models.DecimalField: {"form_class": LocalisedDecimalField}}
    readonly_fields = ["national_cofinancing", "eu_cofinancing_rate"]

    @admin.display(description=_("national co-financing"))
    def national_cofinancing(self, obj):
        amount = obj.national_cofinancing if obj else None
        if amount is None:
            return "–"
        return f"{number_format(amount, 2, force_grouping=True)} {obj.currency}"

    @admin.display(description=_("EU co-financing rate"))
    def eu_cofinancing_rate(self, obj):
        rate = obj.cofinancing_rate if obj else None
        if rate is None:
            return "–"
        return f"{number_format(rate * 100, 2)} %"

    def save_related(self, request, form, formsets, change):
        with refreshed_once():
            super().save_related(request, form, formsets, change)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # Naming a project's coordinators opens its meetings to them: administrators only.
        if not is_administrator(request.user):
            readonly.append("coordinators")
        return readonly


# --- People: the user admin's add page, with the role and the projects a coordinator coordinates
# (here, where both people and projects are in view).

admin.site.unregister(User)


@admin.register(User)
class PersonAdmin(UserAdmin):
    """One page adds a person: e-mail, name, role and, for a coordinator, their projects. They
    are sent a link to choose their password, so no one types a password for someone else."""

    add_form = AddPersonForm
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "role", "projects"]}),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        add_person(
            user=obj,
            role=form.cleaned_data["role"],
            projects=list(form.cleaned_data["projects"]),
            added_by=request.user,
            request=request,
        )
        self.message_user(
            request,
            _("%(email)s was sent a link to choose a password.") % {"email": obj.email},
            messages.SUCCESS,
        )
