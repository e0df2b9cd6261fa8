"""Choice labels looked up (core.choice_labels) read as Django's own get_FOO_display() would."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from core.choice_labels import ChoiceLabels
from partners.models import Organisation

MODELS_WITH_LOOKED_UP_LABELS = [
    model for model in apps.get_models() if issubclass(model, ChoiceLabels)
]


def test_the_models_shown_on_public_pages_look_their_labels_up():
    names = {model.__name__ for model in MODELS_WITH_LOOKED_UP_LABELS}

    assert {"Region", "Organisation", "IntegrationCentre", "Project", "Meeting"} <= names


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
@pytest.mark.parametrize("model", MODELS_WITH_LOOKED_UP_LABELS, ids=lambda model: model.__name__)
def test_every_choice_reads_as_djangos_own_display_in_each_language(model, language):
    fields = [field for field in model._meta.concrete_fields if field.choices]
    assert fields
    with translation.override(language):
        for field in fields:
            row = model()
            for value, _label in [*field.flatchoices, ("not-a-choice", "")]:
                setattr(row, field.attname, value)
                shown = getattr(row, f"get_{field.name}_display")()
                assert shown == models.Model._get_FIELD_display(row, field), (field, value)


def test_a_label_follows_the_language_it_is_shown_in():
    organisation = Organisation(kind="ngo")

    with translation.override("ro"):
        romanian = organisation.get_kind_display()
    with translation.override("bg"):
        bulgarian = organisation.get_kind_display()

    assert romanian == "Organizație neguvernamentală"
    assert bulgarian == "Неправителствена организация"
