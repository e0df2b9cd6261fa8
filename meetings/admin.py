from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from integration_portal.admin_helpers import translated
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from meetings.report_admin import MeetingReportsAdminMixin


class MeetingProjectInline(admin.TabularInline):
    model = MeetingProject
    extra = 0
    min_num = 0
    autocomplete_fields = ["project"]
    verbose_name_plural = _("projects")


class MeetingOrganisationInline(admin.TabularInline):
    model = MeetingOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]
    verbose_name_plural = _("organisers, speakers and supporters")


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "time", "title", "speaker"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["contact", "organisation"]
    fields = ["person_name", "organisation", "position", "email", "presence", "contact"]


class ActionItemInline(TranslationTabularInline):
    model = ActionItem
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ["responsible_organisation"]
    fields = ["kind", "text", "responsible_organisation", "due_date", "status"]


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "kind", "file", "is_public"]


@admin.register(Meeting)
class MeetingAdmin(MeetingReportsAdminMixin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "kind", "starts_at", "city", "status", "is_published"]
    list_filter = ["status", "is_published", "kind", "format", "region"]
    list_select_related = ["city"]
    search_fields = [*translated("title"), "slug"]
    autocomplete_fields = ["city", "host", "region"]
    prepopulated_fields = {"slug": ["title_en"]}
    date_hierarchy = "starts_at"
    inlines = [
        MeetingProjectInline,
        MeetingOrganisationInline,
        AgendaItemInline,
        AttendanceInline,
        ActionItemInline,
        AttachmentInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "format", "status"]}),
        (_("When"), {"fields": ["starts_at", "ends_at", "timezone"]}),
        (_("Where"), {"fields": ["venue", "address", "city", "region", "host"]}),
        (_("Content"), {"fields": ["summary", "minutes", "participant_count"]}),
        (_("Publication"), {"fields": ["is_published"]}),
    ]


@admin.register(ActionItem)
class ActionItemAdmin(TranslationAdmin):
    list_display = ["__str__", "kind", "meeting", "responsible_organisation", "due_date", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["meeting", "responsible_organisation"]
    search_fields = translated("text")
    autocomplete_fields = ["meeting", "responsible_organisation", "closed_in"]
    date_hierarchy = "due_date"
