from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import AdministratorsRestoreMixin
from accounts.roles import is_administrator
from core.admin import (
    AnyLanguageAdminMixin,
    LookupSafeRelationsMixin,
    RowScopedAdminMixin,
    WebAddressAdminMixin,
    translated,
)
from core.sections import AdminSectionsMixin
from partners.models import (
    Contact,
    IntegrationCentre,
    Language,
    Organisation,
    Region,
    Service,
    TargetGroup,
)
from partners.permissions import (
    contacts_editable_by,
    contacts_visible_to,
    organisations_for_new_contacts,
)


@admin.register(Region)
class RegionAdmin(
    AdminSectionsMixin,
    WebAddressAdminMixin,
    LookupSafeRelationsMixin,
    AnyLanguageAdminMixin,
    TranslationAdmin,
):
    sections_page = "admin:partners:region"
    list_display = ["name", "kind", "parent", "code"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = [*translated("name"), "code", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    ordering = ["path"]

    def web_address_qualifiers(self, cleaned_data: dict) -> list[str]:
        # The kind's code ("county"), the same whatever the editor's language.
        return [cleaned_data["kind"]] if cleaned_data.get("kind") else []


class ReviewFilter(admin.SimpleListFilter):
    """Organisations added by coordinators during an import wait here for an editor."""

    title = _("review")
    parameter_name = "reviewed"

    def lookups(self, request, model_admin):
        return [("no", _("Not reviewed")), ("yes", _("Reviewed"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(is_reviewed=False)
        if self.value() == "yes":
            return queryset.filter(is_reviewed=True)
        return queryset


@admin.action(description=_("Mark the selected organisations as reviewed"), permissions=["change"])
def mark_reviewed(modeladmin, request, queryset) -> None:
    # Saved one by one, not with update(): each save is what renews the public pages' cache
    # and the API's stamp.
    changed = 0
    with transaction.atomic():
        for organisation in queryset.filter(is_reviewed=False).select_for_update(of=("self",)):
            organisation.is_reviewed = True
            organisation.save(update_fields=["is_reviewed"])
            changed += 1
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d organisation marked as reviewed: it is now listed on the public site.",
            "%(count)d organisations marked as reviewed: they are now listed on the public site.",
            changed,
        )
        % {"count": changed},
        messages.SUCCESS,
    )


@admin.register(Organisation)
class OrganisationAdmin(
    WebAddressAdminMixin, LookupSafeRelationsMixin, AnyLanguageAdminMixin, TranslationAdmin
):
    list_display = ["name", "acronym", "kind", "country", "city", "is_reviewed"]
    list_filter = [ReviewFilter, "kind", "country"]
    actions = [mark_reviewed]
    list_select_related = ["country", "city"]
    search_fields = [*translated("name"), "acronym", "slug"]
    autocomplete_fields = ["country", "city"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "is_reviewed"]}),
        (_("Official name"), {"fields": ["official_name", "official_name_language"]}),
        (
            _("Where"),
            {"fields": ["country", "city", "address", "latitude", "longitude", "website"]},
        ),
        (_("Presentation"), {"fields": ["logo", "description"]}),
    ]


@admin.register(IntegrationCentre)
class IntegrationCentreAdmin(
    WebAddressAdminMixin, LookupSafeRelationsMixin, AnyLanguageAdminMixin, TranslationAdmin
):
    list_display = ["name", "kind", "organisation", "city", "is_active", "closed_on"]
    list_filter = ["kind", "is_active", "services", "languages"]
    list_select_related = ["organisation", "city"]
    search_fields = [*translated("name"), "address", "slug"]
    autocomplete_fields = ["organisation", "city"]
    filter_horizontal = ["services", "languages", "target_groups"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "organisation", "is_active", "closed_on"]}),
        (_("Where"), {"fields": ["city", "address", "latitude", "longitude"]}),
        (_("Public contact"), {"fields": ["phone", "email", "website", "opening_hours"]}),
        (_("Help offered"), {"fields": ["services", "languages", "target_groups", "description"]}),
    ]


@admin.register(Contact)
class ContactAdmin(
    LookupSafeRelationsMixin, RowScopedAdminMixin, AdministratorsRestoreMixin, SimpleHistoryAdmin
):
    list_display = ["name", "position", "organisation", "email", "phone"]
    list_filter = ["organisation__kind"]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", "position", *translated("organisation__name")]
    autocomplete_fields = ["organisation"]

    # Scoping: coordinators see and change the contacts of organisations in their projects;
    # staff read all. The autocomplete of attendance lists goes through here too.

    def scope_queryset(self, request, queryset):
        return queryset.filter(pk__in=contacts_visible_to(request.user).values("pk"))

    def may_change_row(self, request, obj) -> bool:
        return contacts_editable_by(request.user).filter(pk=obj.pk).exists()

    def may_see_deleted_rows(self, request) -> bool:
        return is_administrator(request.user)

    def get_autocomplete_fields(self, request):
        # A coordinator picks among their projects' organisations from a plain list: the
        # organisation search would offer every organisation.
        if is_administrator(request.user):
            return super().get_autocomplete_fields(request)
        return []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not is_administrator(request.user):
            kwargs["queryset"] = organisations_for_new_contacts(request.user).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Service, TargetGroup)
class VocabularyAdmin(LookupSafeRelationsMixin, AnyLanguageAdminMixin, TranslationAdmin):
    """Editors and administrators extend these lists; an entry is renamed rather than deleted,
    since deleting it would silently take it off every centre and project that has it."""

    list_display = ["name", "code"]
    search_fields = [*translated("name"), "code"]
    fields = ["name", "code"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Language)
class LanguageAdmin(LookupSafeRelationsMixin, TranslationAdmin):
    list_display = ["name", "code"]
    search_fields = [*translated("name"), "code"]
