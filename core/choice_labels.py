"""`get_FOO_display()` that looks the label up.

Django's own builds a dict of the field's choices on every call, hashing each label: a lazy
translation, so each hash translates it. For a field of eight choices that is about 130 µs a
call, and a region page calls it some eighty times (each organisation's kind, each meeting's
kind, format and status). Looked up in a dict built once per field, it takes a few µs.
"""

from functools import cache

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@cache
def _labels_by_value(field: models.Field) -> dict:
    # Keyed by value, so the lazy labels are kept as they are and translated when shown, in the
    # language of the request showing them. Choices are set in code, so once per process holds.
    return {make_hashable(value): label for value, label in field.flatchoices}


class ChoiceLabels:
    """Put before the model's base classes: its fields' `get_FOO_display()` look the label up.
    Django binds those methods to the class's `_get_FIELD_display` when it builds the class."""

    def _get_FIELD_display(self, field: models.Field):
        value = getattr(self, field.attname)
        return force_str(
            _labels_by_value(field).get(make_hashable(value), value), strings_only=True
        )
