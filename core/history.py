"""Change history for the models people edit in the admin.

History is registered from each app's `ready()` rather than with a `HistoricalRecords` field:
modeltranslation adds the per-language columns (`title_en`, `title_ro`…) after the model class
is prepared, and the historical model must be built after that to keep every language.
"""

from django.db import models
from simple_history import register


def track_history(*model_classes: type[models.Model], excluded_fields=()) -> None:
    for model in model_classes:
        register(model, excluded_fields=list(excluded_fields))
