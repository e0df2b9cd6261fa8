from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin import LookupSafeRelationsMixin, translated
from partners.models import (
    Contact,
    IntegrationCentre,
    Language,
    Organisation,
    Region,
    Service,
    TargetGroup,
)


@admin.register(Region)
class RegionAdmin(LookupSafeRelationsMixin, TranslationAdmin):
    list_display = ["name", "kind", "parent", "code"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = [*translated("name"), "code", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    ordering = ["path"]


@admin.register(Organisation)
class OrganisationAdmin(LookupSafeRelationsMixin, TranslationAdmin):
    list_display = ["name", "acronym", "kind", "country", "city"]
    list_filter = ["kind", "country"]
    list_select_related = ["country", "city"]
    search_fields = [*translated("name"), "acronym", "slug"]
    autocomplete_fields = ["country", "city"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind"]}),
        (_("Where"), {"fields": ["country", "city", "website"]}),
        (_("Presentation"), {"fields": ["logo", "description"]}),
    ]


class ContactInline(LookupSafeRelationsMixin, admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "position", "email", "phone"]


@admin.register(IntegrationCentre)
class IntegrationCentreAdmin(LookupSafeRelationsMixin, TranslationAdmin):
    list_display = ["name", "kind", "organisation", "city", "is_active"]
    list_filter = ["kind", "is_active", "services", "languages"]
    list_select_related = ["organisation", "city"]
    search_fields = [*translated("name"), "address", "slug"]
    autocomplete_fields = ["organisation", "city"]
    filter_horizontal = ["services", "languages", "target_groups"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "organisation", "is_active"]}),
        (_("Where"), {"fields": ["city", "address", "latitude", "longitude"]}),
        (_("Public contact"), {"fields": ["phone", "email", "opening_hours"]}),
        (_("Help offered"), {"fields": ["services", "languages", "target_groups", "description"]}),
    ]


@admin.register(Contact)
class ContactAdmin(LookupSafeRelationsMixin, admin.ModelAdmin):
    list_display = ["name", "position", "organisation", "email", "phone"]
    list_filter = ["organisation__kind"]
    list_select_related = ["organisation"]
    search_fields = ["name", "email", "position", *translated("organisation__name")]
    autocomplete_fields = ["organisation"]


@admin.register(Service, TargetGroup)
class VocabularyAdmin(LookupSafeRelationsMixin, admin.ModelAdmin):
    list_display = ["__str__", "code"]
    search_fields = ["code"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Language)
class LanguageAdmin(LookupSafeRelationsMixin, TranslationAdmin):
    list_display = ["name", "code"]
    search_fields = [*translated("name"), "code"]
