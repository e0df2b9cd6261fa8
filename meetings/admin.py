from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.forms.formsets import BaseFormSet
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

import meetings.prepared_report_admin  # noqa: F401  (registers the prepared reports' admin)
from accounts.admin_mixins import AdministratorsRestoreMixin
from accounts.roles import is_administrator
from core.admin import (
    AnyLanguageAdminMixin,
    AnyLanguageInlineMixin,
    LookupSafeRelationsMixin,
    PublicationAdminMixin,
    RowScopedAdminMixin,
    translated,
)
from core.deferral import without_long_texts
from core.model_choices import ChoicesReadOnce
from meetings import attendance_views
from meetings.admin_filters import RelatedInUseFilter
from meetings.dashboard import staff_dashboard
from meetings.enums import MeetingKind, ProjectRoleInMeeting
from meetings.forms import (
    AgendaFormSet,
    AttachmentInlineForm,
    AttendanceInlineForm,
    MeetingAdminForm,
    MeetingProjectFormSet,
    NextQuarterlyMeetingForm,
    VenueTimeInput,
)
from meetings.models import (
    AchievedOutput,
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from meetings.permissions import (
    action_items_carried_to,
    can_edit_meeting,
    contacts_for_attendance,
    meetings_editable_by,
    meetings_visible_to,
    projects_attachable_by,
    sees_every_meeting,
)
from meetings.report_admin import MeetingReportsAdminMixin
from meetings.services import (
    close_action_items,
    plan_next_quarterly_meeting,
    publish_meetings,
    unpublish_meetings,
)

# --- Scoping helpers shared by the meeting admin and its inlines


def _may_edit_meeting(request: HttpRequest, meeting: Meeting | None) -> bool:
    if meeting is None or meeting.pk is None:
        return True
    memo = request.__dict__.setdefault("_editable_meetings", {})
    if meeting.pk not in memo:
        memo[meeting.pk] = can_edit_meeting(request.user, meeting)
    return memo[meeting.pk]


class MeetingPartInline:
    """An inline of the meeting page: changed only by those who may change the meeting."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Django builds the blank row of "Add another" anew each time it is asked for (its
        # labels, its scripts, the row itself): build it once per list.
        return type(formset.__name__, (formset,), {"empty_form": cached_property(_empty_form)})

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and _may_edit_meeting(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit_meeting(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and _may_edit_meeting(request, obj)


def _empty_form(formset):
    return BaseFormSet.empty_form.fget(formset)


class MeetingInlineAdminFormSet(helpers.InlineAdminFormSet):
    @property
    def media(self):
        # Every row of a list has the same boxes, so the scripts of the list's first row: Django
        # merges those of each row in turn, a third of the time spent before drawing the page.
        return self.opts.media + self.formset.media


# --- Inlines


class MeetingProjectInline(LookupSafeRelationsMixin, MeetingPartInline, admin.TabularInline):
    model = MeetingProject
    formset = MeetingProjectFormSet
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    min_num = 0
    autocomplete_fields = ["project"]
    # Named, so that Django need not build the list's form an extra time to find them.
    fields = ["project", "role"]
    verbose_name_plural = _("projects")

    def get_autocomplete_fields(self, request):
        # A coordinator chooses among their few projects from a plain list, which also keeps
        # the search from offering projects they may not attach.
        if is_administrator(request.user):
            return super().get_autocomplete_fields(request)
        return []

    def get_extra(self, request, obj=None, **kwargs) -> int:
        return 1 if obj is None else 0

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["formfield_callback"] = lambda db_field, **field_kwargs: self.formfield_for_dbfield(
            db_field, request=request, meeting=obj, **field_kwargs
        )
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset

    def get_queryset(self, request):
        # Each row is labelled with its project.
        return super().get_queryset(request).select_related("project")

    def formfield_for_dbfield(self, db_field, request, meeting=None, **kwargs):
        plain_list = db_field.name == "project" and not is_administrator(request.user)
        if plain_list:
            # Their own projects, plus those already on this meeting so a shared meeting's
            # other projects stay valid when the form comes back.
            choosable = projects_attachable_by(request.user).values("pk")
            if meeting is not None and meeting.pk:
                on_meeting = MeetingProject.objects.filter(meeting=meeting).values("project_id")
                # A union, not "or": PostgreSQL then reads the few projects by their keys.
                choosable = choosable.union(on_meeting)
            projects = db_field.related_model.objects.filter(pk__in=choosable)
            # Labelled with acronym or title: the long texts stay in the database.
            kwargs["queryset"] = without_long_texts(projects.order_by("acronym", "title"))
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if plain_list and field is not None:
            # Every row's list (and the blank row's) from one read of the projects.
            field.choices = ChoicesReadOnce(field)
        return field


class MeetingOrganisationInline(LookupSafeRelationsMixin, MeetingPartInline, admin.TabularInline):
    model = MeetingOrganisation
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role"]
    verbose_name_plural = _("organisers, speakers and supporters")

    def get_queryset(self, request):
        # Each row is labelled with its organisation.
        return super().get_queryset(request).select_related("organisation")


class AgendaItemInline(
    LookupSafeRelationsMixin, MeetingPartInline, AnyLanguageInlineMixin, TranslationTabularInline
):
    model = AgendaItem
    formset = AgendaFormSet
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    # Numbered in the order the rows are listed: a new item comes after the others.
    fields = ["time", "title", "speaker"]
    formfield_overrides = {models.TimeField: {"widget": VenueTimeInput}}


class AttendanceInline(LookupSafeRelationsMixin, MeetingPartInline, admin.TabularInline):
    model = Attendance
    form = AttendanceInlineForm
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    # Folded: a list of a hundred people would bury the decisions and attachments below it.
    # Django unfolds it when one of its rows has an error.
    classes = ["collapse"]
    autocomplete_fields = ["contact", "organisation"]
    fields = ["contact", "person_name", "organisation", "position", "email", "presence"]

    def get_queryset(self, request):
        # The rows their boxes show, read with the list: a contact is labelled with its
        # organisation.
        return super().get_queryset(request).select_related("contact__organisation", "organisation")

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["formfield_callback"] = lambda db_field, **field_kwargs: self.formfield_for_dbfield(
            db_field, request=request, meeting=obj, **field_kwargs
        )
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_dbfield(self, db_field, request, meeting=None, **kwargs):
        if db_field.name == "contact":
            # A contact is labelled with its organisation.
            contacts = contacts_for_attendance(request.user, meeting=meeting)
            kwargs["queryset"] = contacts.select_related("organisation")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ActionItemInline(
    LookupSafeRelationsMixin, MeetingPartInline, AnyLanguageInlineMixin, TranslationTabularInline
):
    model = ActionItem
    fk_name = "meeting"
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    autocomplete_fields = ["responsible_organisation"]
    fields = ["kind", "text", "responsible_organisation", "due_date", "status"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("responsible_organisation")


class AchievedOutputInline(LookupSafeRelationsMixin, MeetingPartInline, admin.TabularInline):
    model = AchievedOutput
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    fields = ["kind", "quantity"]
    verbose_name_plural = _("outputs delivered (a held workshop or conference counts itself)")


class AttachmentInline(
    LookupSafeRelationsMixin, MeetingPartInline, AnyLanguageInlineMixin, TranslationTabularInline
):
    model = Attachment
    form = AttachmentInlineForm
    extra = 0
    template = "admin/edit_inline/tabular_cards.html"
    fields = ["file", "title", "kind", "is_public"]


# --- Meetings


def _is_empty(meeting: Meeting, name: str) -> bool:
    """Whether the meeting holds nothing in this field, in any language; a field of the form
    alone (not the model's) counts as filled in."""
    names = [f"{name}_{code}" for code, _label in settings.LANGUAGES]
    try:
        fields = [meeting._meta.get_field(n) for n in [*names, name] if hasattr(meeting, n)]
    except FieldDoesNotExist:
        return False
    return bool(fields) and all(getattr(meeting, f.attname) in (None, "") for f in fields)


def _fold_rarely_used(fieldsets: list, meeting: Meeting | None) -> list:
    """Fold the sections of the change page that are read-only (publication, changed by the
    publish button) or still empty, so the form is as long as what it holds. Django unfolds a
    section when one of its fields has an error."""
    if meeting is None:
        return fieldsets
    folded = []
    for name, options in fieldsets:
        fields = options.get("fields", [])
        read_only = set(fields) <= set(PublicationAdminMixin.publication_fields)
        empty = name is not None and all(
            _is_empty(meeting, field) for field in fields if isinstance(field, str)
        )
        if fields and (read_only or empty) and "collapse" not in options.get("classes", []):
            options = {**options, "classes": [*options.get("classes", []), "collapse"]}
        folded.append((name, options))
    return folded


def _has_rows(model) -> str:
    """The name of the meeting's annotation saying whether it has rows of an inline's model."""
    return f"has_{model._meta.model_name}_rows"


def _carried_action_items(meeting: Meeting):
    """What MeetingAdmin.get_object found for the user; none where the meeting came from
    elsewhere (an earlier version in the history)."""
    return getattr(meeting, "carried_action_items", ActionItem.objects.none())


@admin.register(Meeting)
class MeetingAdmin(
    LookupSafeRelationsMixin,
    RowScopedAdminMixin,
    AdministratorsRestoreMixin,
    PublicationAdminMixin,
    MeetingReportsAdminMixin,
    SimpleHistoryAdmin,
    AnyLanguageAdminMixin,
    TranslationAdmin,
):
    form = MeetingAdminForm
    # Extends the report buttons' template (admin/meetings/meeting/change_form.html).
    change_form_template = "admin/meetings/meeting/change_form_coordination.html"
    change_list_template = "admin/meetings/meeting/change_list_coordination.html"
    object_history_template = "admin/meetings/meeting/object_history.html"
    list_display = ["title", "kind", "starts_at", "city", "status", "is_published"]
    list_filter = ["status", "is_published", "kind", "format", ("region", RelatedInUseFilter)]
    list_select_related = ["city"]
    # Tens of thousands of meetings: count the filtered rows only, not the whole table again.
    show_full_result_count = False
    # A quarter's meetings of a coordinator's projects fit; each row costs a few milliseconds.
    list_per_page = 50
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
        AchievedOutputInline,
        AttachmentInline,
    ]
    fieldsets = [
        # "save_anyway" stays hidden until the meeting looks entered twice.
        (
            None,
            {
                "fields": [
                    "title",
                    # Early: a meeting is published only once it has a summary.
                    "summary",
                    "slug",
                    "kind",
                    "stated_ordinal",
                    "format",
                    "status",
                    "save_anyway",
                ]
            },
        ),
        # The zone comes first: the times below are typed in it.
        (_("When"), {"fields": ["timezone", "starts_at", "ends_at", "all_day"]}),
        (
            _("Where"),
            {"fields": ["venue", "address", "city", ("latitude", "longitude"), ("region", "host")]},
        ),
        (_("Content"), {"fields": ["minutes", "participant_count"]}),
        (_("Publication"), {"fields": ["is_published", "published_at", "published_by"]}),
        (
            _("Reminders"),
            {"fields": ["reminders_enabled", "reminder_days_before"], "classes": ["collapse"]},
        ),
    ]

    # Scoping: coordinators see and change their projects' meetings; staff read all.

    def scope_queryset(self, request, queryset):
        if sees_every_meeting(request.user):
            # No condition at all: "id IN (every id)" kept PostgreSQL from answering the date
            # drill-down's first and last day, and the region filter's choices, from indexes.
            return queryset
        return queryset.filter(pk__in=meetings_visible_to(request.user).values("pk"))

    def may_change_row(self, request, obj) -> bool:
        return _may_edit_meeting(request, obj)

    def may_see_deleted_rows(self, request) -> bool:
        return is_administrator(request.user)

    def publishable(self, request, queryset):
        return queryset.filter(pk__in=meetings_editable_by(request.user).values("pk"))

    # The add page: a coordinator of one project finds it already chosen.

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return {"kind": MeetingKind.QUARTERLY_COORDINATION, **initial}

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, MeetingProjectInline) and obj.pk is None and request.method == "GET":
            own = list(projects_attachable_by(request.user)[:2])
            if len(own) == 1:
                kwargs["initial"] = [{"project": own[0].pk}]
        if request.method == "GET" and getattr(obj, _has_rows(inline.model), True) is False:
            kwargs["queryset"] = kwargs["queryset"].none()  # known empty: no query
        return kwargs

    # The change page: carried-over action items, tools for the coordinator's routine.

    def get_object_queryset(self, request):
        # What the page asks about the meeting and this user, read with it rather than apart:
        # whether they may change it and export it, and the project to plan its next one for.
        user = request.user
        editable = meetings_editable_by(user).filter(pk=OuterRef("pk"))
        exportable = meetings_visible_to(user).filter(pk=OuterRef("pk"))
        lead_project = MeetingProject.objects.filter(
            meeting=OuterRef("pk"),
            role=ProjectRoleInMeeting.ORGANISER,
            project__in=projects_attachable_by(user),
        ).order_by("pk")
        # And which of its lists have rows at all, so that an empty one costs no query. Whether
        # rows exist, not which: the inlines still read only the rows this user may.
        has_rows = {
            _has_rows(inline.model): Exists(
                inline.model._base_manager.filter(meeting=OuterRef("pk"))
            )
            for inline in self.inlines
        }
        return (
            super()
            .get_object_queryset(request)
            .select_related("city", "region", "host")  # what the place's boxes show
            .annotate(
                has_carried_action_items=Exists(
                    ActionItem.objects.carried_to_outer_meeting(among=meetings_visible_to(user))
                ),
                user_may_edit=Exists(editable),
                user_may_export=Exists(exportable),
                project_to_plan_for=Subquery(lead_project.values("project_id")[:1]),
                **has_rows,
            )
        )

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            request.__dict__.setdefault("_editable_meetings", {})[obj.pk] = obj.user_may_edit
            # The display and the form below have no request: they read what this user may.
            # Chosen by key: DISTINCT over the rows with their meeting and organisation took
            # PostgreSQL longer to plan than to run.
            carried = action_items_carried_to(obj, user=request.user).values("pk")
            obj.carried_action_items = ActionItem.objects.filter(pk__in=carried).select_related(
                "meeting", "responsible_organisation"
            )
        return obj

    def _carried_action_items_exist(self, request, obj) -> bool:
        if hasattr(obj, "has_carried_action_items"):  # read with the meeting
            return obj.has_carried_action_items
        memo = request.__dict__.setdefault("_carried_items", {})
        if obj.pk not in memo:
            memo[obj.pk] = _carried_action_items(obj).exists()
        return memo[obj.pk]

    def get_fieldsets(self, request, obj=None):
        fieldsets = _fold_rarely_used(list(super().get_fieldsets(request, obj)), obj)
        if obj is not None and self._carried_action_items_exist(request, obj):
            field = (
                "close_action_items"
                if self.has_change_permission(request, obj)
                else "open_action_items_from_earlier_meetings"
            )
            fieldsets.append(
                (
                    _("Open action items from earlier meetings"),
                    {"fields": [field], "classes": ["carried-action-items"]},
                )
            )
        return fieldsets

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = MeetingInlineAdminFormSet
        return inline_formsets

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None:
            # Chosen when the meeting was added or planned, seldom changed afterwards.
            for inline in inlines:
                if isinstance(inline, (MeetingProjectInline, MeetingOrganisationInline)):
                    inline.classes = [*(inline.classes or []), "collapse"]
        return inlines

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            readonly.append("open_action_items_from_earlier_meetings")
        return readonly

    @admin.display(description=_("Still open"))
    def open_action_items_from_earlier_meetings(self, obj):
        items = _carried_action_items(obj)
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} ({})</li>", ((item.text, item.meeting) for item in items)),
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        items = form.cleaned_data.get("close_action_items")
        if change and items:
            closed = close_action_items(items=items, meeting=form.instance, closed_by=request.user)
            self.message_user(
                request,
                ngettext(
                    "%(count)d action item closed at this meeting.",
                    "%(count)d action items closed at this meeting.",
                    len(closed),
                )
                % {"count": len(closed)},
                messages.SUCCESS,
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["coordination_tools"] = self._coordination_tools(request, obj)
        context["can_save_and_publish"] = self.has_change_permission(request, obj) and not (
            obj is not None and obj.is_published
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # "Save and publish": one click where saving, opening the publication page and confirming
    # took three; the publication checks still decide.

    def response_add(self, request, obj, post_url_continue=None):
        if "_publish" in request.POST:
            return self._save_and_publish(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_publish" in request.POST:
            return self._save_and_publish(request, obj)
        return super().response_change(request, obj)

    def _save_and_publish(self, request, meeting: Meeting) -> HttpResponseRedirect:
        self.message_user(
            request, _("“%(meeting)s” was saved.") % {"meeting": meeting}, messages.SUCCESS
        )
        editable = self.publishable(request, Meeting.objects.filter(pk=meeting.pk))
        self.report_publication(request, publish_meetings(meetings=editable, by=request.user))
        return HttpResponseRedirect(self._change_url(meeting))

    def _coordination_tools(self, request, meeting: Meeting) -> dict:
        info = self.opts.app_label, self.opts.model_name
        tools = {
            "import_url": reverse("admin:{}_{}_import_attendees".format(*info), args=[meeting.pk])
            if request.user.has_perm("meetings.add_attendance")
            else None,
            "mark_url": reverse("admin:{}_{}_mark_attendance".format(*info), args=[meeting.pk])
            if request.user.has_perm("meetings.change_attendance")
            else None,
            "publication_url": reverse("admin:{}_{}_publication".format(*info), args=[meeting.pk]),
            "is_published": meeting.is_published,
            "plan_next_url": None,
        }
        lead = meeting.project_to_plan_for  # read with the meeting: get_object_queryset
        if lead and self.has_add_permission(request):
            tools["plan_next_url"] = (
                reverse("admin:{}_{}_next_quarterly".format(*info)) + f"?project={lead}"
            )
        return tools

    # History: the meeting's own versions, and the changes to its agenda, attendance and the rest.

    def history_view(self, request, object_id, extra_context=None):
        self._404_unless_visible(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "part_changes": self._part_changes(object_id),
        }
        return super().history_view(request, object_id, extra_context)

    PART_MODELS = [
        MeetingProject,
        MeetingOrganisation,
        AgendaItem,
        Attendance,
        ActionItem,
        Attachment,
    ]
    PART_CHANGES_SHOWN = 100

    def _part_changes(self, object_id) -> list:
        changes = []
        for model in self.PART_MODELS:
            records = (
                model.history.filter(meeting_id=object_id)
                .select_related("history_user")
                .order_by("-history_date")[: self.PART_CHANGES_SHOWN]
            )
            for record in records:
                record.part_label = model._meta.verbose_name
                changes.append(record)
        changes.sort(key=lambda record: record.history_date, reverse=True)
        return changes[: self.PART_CHANGES_SHOWN]

    # Extra pages: next quarterly meeting, attendee import, publication.

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "next-quarterly/",
                wrap(self.next_quarterly_view),
                name="{}_{}_next_quarterly".format(*info),
            ),
            path(
                "<path:object_id>/attendees/import/",
                wrap(self.import_attendees_view),
                name="{}_{}_import_attendees".format(*info),
            ),
            path(
                "<path:object_id>/attendance/mark/",
                wrap(self.mark_attendance_view),
                name="{}_{}_mark_attendance".format(*info),
            ),
            path(
                "<path:object_id>/publication/",
                wrap(self.publication_view),
                name="{}_{}_publication".format(*info),
            ),
            *super().get_urls(),
        ]

    def _page(self, request, template: str, context: dict, obj=None) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            **context,
        }
        return TemplateResponse(request, f"admin/meetings/meeting/{template}", context)

    def _change_url(self, meeting: Meeting) -> str:
        return reverse("admin:meetings_meeting_change", args=[meeting.pk])

    def _editable_meeting_or_404(self, request, object_id) -> Meeting:
        meeting = self.get_visible_object_or_404(request, object_id)
        if not self.has_change_permission(request, meeting):
            raise PermissionDenied
        return meeting

    def next_quarterly_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = NextQuarterlyMeetingForm(
            request.POST if request.method == "POST" else None,
            user=request.user,
            initial={"project": request.GET.get("project")},
        )
        if request.method == "POST" and form.is_valid():
            try:
                meeting = plan_next_quarterly_meeting(
                    project=form.cleaned_data["project"], planned_by=request.user
                )
            except ValidationError as error:
                form.add_error("project", error)
            else:
                self.log_addition(request, meeting, [{"added": {}}])
                self.message_user(
                    request,
                    _(
                        "“%(meeting)s” is planned from the previous meeting. Check the date, "
                        "agenda and expected attendees, then publish it."
                    )
                    % {"meeting": meeting},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(meeting))
        return self._page(
            request,
            "next_quarterly.html",
            {"title": _("Plan the next quarterly meeting"), "form": form},
        )

    def import_attendees_view(self, request, object_id):
        return attendance_views.import_attendees_view(self, request, object_id)

    def mark_attendance_view(self, request, object_id):
        return attendance_views.mark_attendance_view(self, request, object_id)

    @method_decorator(require_http_methods(["GET", "POST"]))
    def publication_view(self, request, object_id):
        meeting = self._editable_meeting_or_404(request, object_id)
        if request.method == "POST":
            if meeting.is_published:
                unpublish_meetings(meetings=[meeting], by=request.user)
                self.message_user(
                    request,
                    _("“%(meeting)s” is no longer on the public site.") % {"meeting": meeting},
                    messages.SUCCESS,
                )
            else:
                result = publish_meetings(meetings=[meeting], by=request.user)
                self.report_publication(request, result)
            return HttpResponseRedirect(self._change_url(meeting))
        # What keeps the meeting off the public site is said before anything is asked.
        problems = [] if meeting.is_published else meeting.publication_problems()
        if meeting.is_published:
            title = _("Unpublish “%(meeting)s”?") % {"meeting": meeting}
        elif problems:
            title = _("“%(meeting)s” cannot be published yet") % {"meeting": meeting}
        else:
            title = _("Publish “%(meeting)s”?") % {"meeting": meeting}
        return self._page(
            request,
            "publication_confirm.html",
            {"title": title, "problems": problems, "change_url": self._change_url(meeting)},
            obj=meeting,
        )

    def publish_items(self, request, items):
        return publish_meetings(meetings=items, by=request.user)

    def unpublish(self, request, queryset) -> None:
        changed = unpublish_meetings(meetings=self.publishable(request, queryset), by=request.user)
        self._report_publication(request, changed, published=False)


@admin.register(ActionItem)
class ActionItemAdmin(
    LookupSafeRelationsMixin,
    RowScopedAdminMixin,
    AdministratorsRestoreMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    list_display = ["__str__", "kind", "meeting", "responsible_organisation", "due_date", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["meeting", "responsible_organisation"]
    search_fields = translated("text")
    autocomplete_fields = ["meeting", "responsible_organisation", "closed_in"]
    date_hierarchy = "due_date"

    def scope_queryset(self, request, queryset):
        # Already narrowed by the request's scope; said again so the admin never depends on it.
        return queryset.visible_to(request.user)

    def may_change_row(self, request, obj) -> bool:
        return _may_edit_meeting(request, obj.meeting)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in {"meeting", "closed_in"}:
            kwargs["queryset"] = meetings_editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- The back office's front page: what is coming up, what was done, what is late.


def _index_with_dashboard(index_view):
    @wraps(index_view)
    def index(request, extra_context=None):
        extra_context = {"dashboard": staff_dashboard(request.user), **(extra_context or {})}
        return index_view(request, extra_context)

    return index


admin.site.index = _index_with_dashboard(admin.site.index)
