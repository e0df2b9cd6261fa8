"""Relation fields in the admin that refuse malformed keys with a form error.

Django's autocomplete widgets look up the selected values exactly as they were posted when a form
is shown again with its errors, and a multiple-choice field checks posted keys with an ``__in``
lookup. A key that is not a number ("1 OR 1=1") or does not fit the column (a 20-digit number on
SQLite) then raises inside the database layer, a server error where the user should see "select
a valid choice". These classes drop or refuse such keys before any query runs.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections


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
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, lookup_safe_keys(self.field.target_field, value, self.db))


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
