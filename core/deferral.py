"""Rows read without the long texts a page does not show.

Descriptions, summaries, minutes and the folded search texts, each in every language, are
most of a row's size; a card, a link or a choice that shows a name need not read them.
"""

from django.db import models


def long_texts(model: type[models.Model], prefix: str = "", keep=()) -> list[str]:
    """The long text columns of `model`, every language version of a translated one, named as
    defer() takes them from rows read under `prefix` ("city__"); the fields in `keep`, by
    their untranslated names ("summary"), are left out."""
    kept = set(keep)
    return [
        f"{prefix}{field.attname}"
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
        and getattr(field, "translated_field", field).name not in kept
    ]


def without_long_texts(queryset: models.QuerySet, *relations: str, keep=()) -> models.QuerySet:
    """`queryset` leaving unread its rows' long texts but those in `keep`, and all those of
    the rows it joins at `relations` ("city", "project__programme")."""
    columns = long_texts(queryset.model, keep=keep)
    for relation in relations:
        model = queryset.model
        for name in relation.split("__"):
            model = model._meta.get_field(name).related_model
        columns += long_texts(model, f"{relation}__")
    return queryset.defer(*columns)
