"""Change history for the models people edit in the admin.

History is registered from each app's `ready()` rather than with a `HistoricalRecords` field:
modeltranslation adds the per-language columns (`title_en`, `title_ro`…) after the model class
is prepared, and the historical model must be built after that to keep every language.
"""

from django.db import models
from simple_history import register


def track_history(*model_classes: type[models.Model], excluded_fields=()) -> None:
    for model in model_classes:
        _forget_cached_columns(model)
        register(model, excluded_fields=list(excluded_fields))


def _forget_cached_columns(model: type[models.Model]) -> None:
    # The historical model copies each field with its cached column, which names the tracked
    # model's table: once a query on the model has been built before `ready()` (a FilterSet's
    # queryset at import time, say), the history's queries would read the tracked table.
    for field in model._meta.concrete_fields:
        field.__dict__.pop("cached_col", None)
