"""Translated fields read as plain values: in the page's language, with the model's fallbacks.

modeltranslation applies its fallbacks to `values()` and `values_list()` rows in Python, row by
row, which for a long filter drop-down or a map's 1,500 places cost more than the rest of the
page. Here the database picks the first language version that is not empty, in the order the
model's field reads them.
"""

from django.db.models import F, QuerySet, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order


def columns_in_language(model, field_name: str) -> list[str]:
    """The columns of `field_name` in the page's language and then its fallbacks, as the model
    reads a translated field; the field itself if it is not translated."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return [field_name]
    if field_name not in translated:
        return [field_name]
    fallbacks = getattr(model, field_name).fallback_languages
    return [
        build_localized_fieldname(field_name, language)
        for language in resolution_order(get_language(), fallbacks)
    ]


def in_page_language(model, field_name: str, *, through: str = "") -> Combinable:
    """`field_name` of `model` as the page's language reads it; `through` is the relation
    leading to `model` from the rows read ("city" for a centre's city name)."""
    prefix = f"{through}__" if through else ""
    columns = [prefix + column for column in columns_in_language(model, field_name)]
    return _first_given(columns)


def _first_given(columns: list[str]) -> Combinable:
    """The first of `columns` that is not empty, as the database reads it."""
    if len(columns) == 1:
        return F(columns[0])
    return Coalesce(
        *(NullIf(column, Value("")) for column in columns), Value(""), output_field=TextField()
    )


def read_as_named(queryset: QuerySet) -> QuerySet:
    """`queryset` without modeltranslation's rewriting of the names it reads: the columns that
    in_page_language() names are read as they are, and no fallback is applied again in Python."""
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset
