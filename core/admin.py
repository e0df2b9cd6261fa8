"""Admin behaviour every app shares: searching translated fields, relation fields that refuse
malformed keys, row-level scoping and publication.

Relation fields: Django's autocomplete widgets look up the selected values exactly as they were
posted when a form is shown again with its errors, and a multiple-choice field checks posted keys
with an ``__in`` lookup. A key that is not a number ("1 OR 1=1") or does not fit the column (a
20-digit number on SQLite) would then raise inside the database layer, a server error where the
user should see "select a valid choice"; the classes here drop or refuse such keys first.

Scoping: model permissions (from the role groups) say what a user may do with a kind of record;
the mixins here add which records. Every admin door (changelist, change and delete pages,
history and its versions, autocomplete) goes through `get_queryset` and the
`has_*_permission(obj)` checks, and a record outside the user's rows answers 404 rather than
revealing it exists.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, ValidationError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.translator import NotRegistered, translator

from core.publication import Publication, publish, refusals, set_published
from core.slugs import unique_slug


def translated(*field_names: str) -> list[str]:
    """Search every language of a translated field: translated("name") -> name_en, name_ro…"""
    return [f"{name}_{code}" for name in field_names for code, _label in settings.LANGUAGES]


# --- Texts written in any one language


def translated_texts(model) -> dict[str, bool]:
    """Each translated field of the model, and whether it must be written at all."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {name: not model._meta.get_field(name).blank for name in options.fields}


def any_language_form(form: type[forms.BaseForm], texts: dict[str, bool]) -> type[forms.BaseForm]:
    """`form`, saved when each required text of `texts` is written in any one language, and
    saying under each text of a saved row which languages are still missing."""
    languages = settings.LANGUAGES

    class AnyLanguageForm(form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is None:
                return
            for name in texts:
                names = [f"{name}_{code}" for code, _label in languages]
                if not all(field_name in self.fields for field_name in names):
                    continue
                missing = [
                    label
                    for code, label in languages
                    if not getattr(self.instance, f"{name}_{code}")
                ]
                if missing and len(missing) < len(languages):
                    last = self.fields[names[-1]]
                    note = _("Not yet written in: %(languages)s.") % {
                        "languages": ", ".join(str(label) for label in missing)
                    }
                    # Inline rows show the note under the field; their column keeps its help.
                    last.missing_languages_note = note
                    last.help_text = f"{last.help_text} {note}".strip()

        def clean(self):
            cleaned_data = super().clean()
            for name, required in texts.items():
                names = [f"{name}_{code}" for code, _label in languages]
                shown = [field_name for field_name in names if field_name in self.fields]
                if required and shown and not any(cleaned_data.get(n) for n in shown):
                    self.add_error(shown[0], _("Write it in at least one language."))
            return cleaned_data

    AnyLanguageForm.__name__ = form.__name__
    return AnyLanguageForm


def _text_required_in_no_language(field, db_field):
    if field is not None and getattr(db_field, "translated_field", None) is not None:
        # modeltranslation requires the default language; any language will do.
        field.required = False
    return field


class AnyLanguageAdminMixin:
    """A required translated text is saved when written in any one language, not only in the
    default one; the public pages fall back to it (MODELTRANSLATION_FALLBACK_LANGUAGES). Each
    translated text whose other languages are still empty says which, under its last language.

    Put it before modeltranslation's TranslationAdmin among the bases.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return _text_required_in_no_language(field, db_field)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return any_language_form(form, translated_texts(self.model))


class AnyLanguageInlineMixin:
    """The same for the rows of an inline (agenda items, action items, attachments).

    Put it before modeltranslation's TranslationTabularInline among the bases.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return _text_required_in_no_language(field, db_field)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = any_language_form(formset.form, translated_texts(self.model))
        return formset


# --- Web addresses made for the person typing


class WebAddressAdminMixin:
    """The web address (slug) may be left empty: it is made from the record's name, in the
    first language it is written in, and made unique with `web_address_qualifiers` or a number
    instead of failing because another record has it (Constanța county next to Constanța city).
    """

    web_address_sources: tuple[str, ...] = ("name",)
    web_address_fallback = "page"

    def web_address_qualifiers(self, cleaned_data: dict) -> list[str]:
        return []

    def web_address_for(self, cleaned_data: dict, *, instance) -> str:
        names = [
            cleaned_data.get(name)
            for source in self.web_address_sources
            for name in [source, *translated(source)]
        ]
        return unique_slug(
            self.model,
            cleaned_data.get("slug") or next((name for name in names if name), ""),
            qualifiers=self.web_address_qualifiers(cleaned_data),
            exclude_pk=instance.pk,
            fallback=self.web_address_fallback,
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "slug" not in form.base_fields:
            return form
        model_admin = self

        class WebAddressForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                slug = self.fields["slug"]
                slug.required = False
                slug.label = _("Web address")
                slug.help_text = _(
                    "The last part of the page's web address. Made from the name when left "
                    "empty, and made unique if another record has it."
                )

            def clean(self):
                cleaned_data = super().clean()
                if "slug" not in self.errors:
                    cleaned_data["slug"] = model_admin.web_address_for(
                        cleaned_data, instance=self.instance
                    )
                return cleaned_data

        WebAddressForm.__name__ = form.__name__
        return WebAddressForm


# --- Relation fields that refuse malformed keys


def lookup_safe_keys(key_field, values, using=None) -> list:
    """The values that ``key_field`` can be looked up by: parseable and within the column range."""
    bounds = connections[using or DEFAULT_DB_ALIAS].ops.integer_field_ranges.get(
        key_field.get_internal_type()
    )
    safe = []
    for value in values:
        try:
            key = key_field.to_python(value)
        except ValidationError:
            continue
        if bounds and key is not None and not bounds[0] <= key <= bounds[1]:
            continue
        safe.append(value)
    return safe


class LookupSafeAutocompleteMixin:
    # The rows chosen in the boxes of this column on the page, by key, read together by
    # `read_autocomplete_choices`; None while the box reads its own.
    chosen_rows: dict | None = None

    def key_attname(self) -> str:
        """The column the chosen rows are looked up by (Django's AutocompleteMixin)."""
        remote_opts = self.field.remote_field.model._meta
        name = getattr(self.field.remote_field, "field_name", remote_opts.pk.attname)
        return remote_opts.get_field(name).attname

    def selected_keys(self, value) -> set[str]:
        return {str(v) for v in value if str(v) not in self.choices.field.empty_values}

    def optgroups(self, name, value, attr=None):
        value = lookup_safe_keys(self.field.target_field, value, self.db)
        rows = self.chosen_rows
        if rows is None:
            if self.selected_keys(value):
                return super().optgroups(name, value, attr)
            # Nothing chosen (a new row's box): Django would still build the query's SQL,
            # joins and permission subqueries included, to find it reads nothing.
            rows = {}
        # As Django's AutocompleteMixin.optgroups, from the rows read for the whole page.
        default = (None, [], 0)
        selected = self.selected_keys(value)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        has_selected = False
        key_attname = self.key_attname()
        for key, row in rows.items():
            if key not in selected:
                continue
            is_selected = key in value and (has_selected is False or self.allow_multiple_selected)
            has_selected |= is_selected
            option = self.create_option(
                name,
                getattr(row, key_attname),
                self.choices.field.label_from_instance(row),
                selected,
                len(default[1]),
            )
            default[1].append(option)
        return [default]


class LookupSafeAutocompleteSelect(LookupSafeAutocompleteMixin, AutocompleteSelect):
    pass


class LookupSafeAutocompleteSelectMultiple(LookupSafeAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class LookupSafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            model_meta = self.queryset.model._meta
            key_field = (
                model_meta.get_field(self.to_field_name) if self.to_field_name else (model_meta.pk)
            )
            safe = lookup_safe_keys(key_field, value, self.queryset.db)
            for key in value:
                if key not in safe:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": key},
                    )
        return super()._check_values(value)


class LookupSafeRelationsMixin:
    """For every ModelAdmin and inline: relation widgets and fields that refuse malformed keys."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LookupSafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = LookupSafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", LookupSafeModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def render_change_form(self, request, context, *args, **kwargs):
        inlines = context.get("inline_admin_formsets") or []
        adminform = context.get("adminform")
        read_autocomplete_choices(
            [
                *([adminform.form] if adminform is not None else []),
                *(form for inline in inlines for form in inline.formset.forms),
            ]
        )
        return super().render_change_form(request, context, *args, **kwargs)


def _autocomplete_widget(field) -> LookupSafeAutocompleteMixin | None:
    # The admin wraps a relation's box in the one adding the "+" and pencil links.
    widget = getattr(field.widget, "widget", field.widget)
    return widget if isinstance(widget, LookupSafeAutocompleteMixin) else None


def read_autocomplete_choices(forms: list) -> None:
    """Read the rows chosen in the autocomplete boxes of these forms (a page's form and the
    rows of its inlines) with one query per kind of choice, where each box would read its own:
    a hundred attendees' organisations and contacts in two queries instead of two hundred.

    The boxes of one column share their form class and so their field's queryset: it is
    read once per column, and columns whose querysets are the same query are read together.
    A row read with an unchanged form's instance (its admin's select_related) is not read again.
    """
    columns: dict[tuple, list] = {}
    for form in forms:
        for name, field in form.fields.items():
            widget = _autocomplete_widget(field)
            if widget is not None:
                columns.setdefault((type(form), name), []).append((form, name, widget))
    queries: dict[tuple, dict] = {}
    for boxes in columns.values():
        form, name, widget = boxes[0]
        key_attname = widget.key_attname()
        keys, rows = set(), {}
        for form, name, widget in boxes:
            value = widget.format_value(form[name].value())
            safe = lookup_safe_keys(widget.field.target_field, value, widget.db)
            selected = widget.selected_keys(safe)
            loaded = _rows_read_with_instance(form, name, key_attname)
            rows |= {key: row for key, row in loaded.items() if key in selected}
            keys |= selected - loaded.keys()
        widgets = [widget for _form, _name, widget in boxes]
        if not keys:  # every chosen row came with its form: no query, nor its SQL built
            for widget in widgets:
                widget.chosen_rows = rows
            continue
        queryset = form.fields[name].queryset
        try:
            query_key = (widget.db, key_attname, str(queryset.query))
        except EmptyResultSet:
            continue  # nothing to choose from: the boxes show nothing, without a query
        query = queries.setdefault(
            query_key, {"queryset": queryset, "keys": set(), "rows": {}, "widgets": []}
        )
        query["keys"] |= keys
        query["rows"] |= rows
        query["widgets"] += widgets
    for (db, key_attname, _sql), query in queries.items():
        found = query["queryset"].using(db).filter(**{f"{key_attname}__in": query["keys"]})
        rows = query["rows"] | {str(getattr(row, key_attname)): row for row in found}
        for widget in query["widgets"]:
            widget.chosen_rows = rows


def _rows_read_with_instance(form, name: str, key_attname: str) -> dict:
    """The row an unchanged form's box shows, where it was read with the form's instance (its
    admin's select_related): the instance's own choice, which needs no looking up. A submitted
    value is looked up among the choices, as Django does."""
    instance = getattr(form, "instance", None)
    if form.is_bound or instance is None:
        return {}
    try:
        relation = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return {}
    if not relation.is_relation or not relation.many_to_one or not relation.is_cached(instance):
        return {}
    row = relation.get_cached_value(instance)
    return {} if row is None else {str(getattr(row, key_attname)): row}


# --- Row-level scoping and publication


class RowScopedAdminMixin:
    """Limit an admin to the rows a user may read, and changes to the rows they may change.

    Subclasses define `scope_queryset(request, queryset)` (the readable rows) and
    `may_change_row(request, obj)`.
    """

    def scope_queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        raise NotImplementedError

    def may_change_row(self, request: HttpRequest, obj) -> bool:
        raise NotImplementedError

    def may_see_deleted_rows(self, request: HttpRequest) -> bool:
        """Whether the user may open the history of a row that no longer exists."""
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return self.scope_queryset(request, super().get_queryset(request))

    def get_object_queryset(self, request: HttpRequest) -> QuerySet:
        """The rows `get_object` looks in; an admin may annotate what its checks will ask."""
        return self.get_queryset(request)

    def get_object(self, request: HttpRequest, object_id, from_field=None):
        # A change page asks for its row several times (whether it is visible, its buttons,
        # the form): read it once per request. Found among the readable rows, it is readable.
        memo = request.__dict__.setdefault("_row_scope_objects", {})
        key = (self.model._meta.label, str(object_id), from_field)
        if key not in memo:
            queryset = self.get_object_queryset(request)
            opts = queryset.model._meta
            field = opts.pk if from_field is None else opts.get_field(from_field)
            try:
                obj = queryset.get(**{field.name: field.to_python(object_id)})
            except (queryset.model.DoesNotExist, ValidationError, ValueError):
                obj = None
            if obj is not None:
                scope_memo = request.__dict__.setdefault("_row_scope_memo", {})
                scope_memo[("view", opts.label, obj.pk)] = True
            memo[key] = obj
        return memo[key]

    def _row_check(self, request: HttpRequest, kind: str, obj) -> bool:
        # Permission checks run many times per page: remember the answers for this request.
        memo = request.__dict__.setdefault("_row_scope_memo", {})
        key = (kind, obj._meta.label, obj.pk)
        if key not in memo:
            if kind == "view":
                # Whether the row still exists at all, so past the reader's scope.
                exists = self.model._base_manager.filter(pk=obj.pk).exists()
                memo[key] = (
                    self.get_queryset(request).filter(pk=obj.pk).exists()
                    if exists
                    else self.may_see_deleted_rows(request)
                )
            else:
                memo[key] = self._row_check(request, "view", obj) and self.may_change_row(
                    request, obj
                )
        return memo[key]

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or self._row_check(request, "view", obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or self._row_check(request, "change", obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or self._row_check(request, "change", obj)

    def get_visible_object_or_404(self, request: HttpRequest, object_id: str):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj

    def _404_unless_visible(self, request: HttpRequest, object_id: str) -> None:
        if self.get_object(request, unquote(object_id)) is not None:
            return
        exists = self.model._base_manager.filter(pk=unquote(object_id)).exists()
        if exists or not self.may_see_deleted_rows(request):
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._404_unless_visible(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._404_unless_visible(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._404_unless_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Only SimpleHistoryAdmin routes here: one version of a record's history.
        self._404_unless_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.action(description=_("Publish the selected items"), permissions=["change"])
def publish_selected(modeladmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
    return modeladmin.publish(request, queryset)


@admin.action(description=_("Unpublish the selected items"), permissions=["change"])
def unpublish_selected(modeladmin, request: HttpRequest, queryset: QuerySet) -> None:
    modeladmin.unpublish(request, queryset)


class PublicationAdminMixin:
    """Publication goes through actions that record who published and when, never a checkbox."""

    publication_fields = ["is_published", "published_at", "published_by"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + [name for name in self.publication_fields if name not in readonly]

    def get_actions(self, request: HttpRequest, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self.has_change_permission(request):
            for func in (publish_selected, unpublish_selected):
                action = self.get_action(func, action_location)
                if action is not None:
                    actions[action.name] = action
        return actions

    def publishable(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        """The selected rows the user may change; others are left alone."""
        return queryset

    def publish_items(self, request: HttpRequest, items: list) -> Publication:
        """Publish what may be published; a model with its own publishing service overrides."""
        return publish(items=items, by=request.user)

    def publish(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """The list's publish action. When some selected rows may not be published yet, a page
        first says which and why, and asks whether to publish the others."""
        items = list(self.publishable(request, queryset))
        refused = refusals(items)
        if refused:
            return self._publication_confirmation(request, items, refused)
        result = self.publish_items(request, items)
        self.report_publication(request, result)
        return None

    def _publication_confirmation(self, request, items: list, refused: list) -> TemplateResponse:
        refused_pks = {item.pk for item, _problems in refused}
        ready = [item for item in items if item.pk not in refused_pks and not item.is_published]
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish the selected items?"),
            "opts": opts,
            "ready": ready,
            "refused": refused,
            "already_published": [item for item in items if item.is_published],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action_name": "publish_selected",
        }
        return TemplateResponse(request, "admin/publication_confirm_selected.html", context)

    def report_publication(self, request: HttpRequest, result: Publication) -> None:
        """Count only what was published, and say why each refused row was not."""
        if result.changed or not result.refused:
            self._report_publication(request, result.changed, published=True)
        for item, problems in result.refused:
            self.message_user(
                request,
                _("“%(item)s” was not published: %(problems)s")
                % {"item": item, "problems": " ".join(str(problem) for problem in problems)},
                messages.WARNING,
            )

    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        changed = set_published(
            items=self.publishable(request, queryset), published=False, by=request.user
        )
        self._report_publication(request, changed, published=False)

    def _report_publication(self, request: HttpRequest, changed: list, *, published: bool):
        count = len(changed)
        if published and not count:
            message = _("Nothing was published: the selected items are already on the public site.")
        elif published:
            message = ngettext(
                "%(count)d item published: it is now on the public site.",
                "%(count)d items published: they are now on the public site.",
                count,
            )
        else:
            message = ngettext(
                "%(count)d item unpublished: it is no longer on the public site.",
                "%(count)d items unpublished: they are no longer on the public site.",
                count,
            )
        level = messages.SUCCESS if count else messages.WARNING
        self.message_user(request, message % {"count": count}, level)
