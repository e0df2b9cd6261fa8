"""The back office edits the official names, centres' closing and projects' objectives."""

import pytest
from django.conf import settings
from django.contrib import admin

from partners.models import IntegrationCentre, Organisation
from projects.models import Project


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Organisation, {"official_name", "official_name_language"}),
        (IntegrationCentre, {"website", "closed_on", "is_active"}),
        (Project, {"official_title", "official_title_language", "specific_objective"}),
    ],
)
def test_new_fields_are_in_the_admin_fieldsets(model, fields):
    model_admin = admin.site._registry[model]

    listed = {field for _name, options in model_admin.fieldsets for field in options["fields"]}

    # Once the admin has built a form, a translated field is listed by its language versions.
    for field in fields:
        versions = {f"{field}_{code}" for code, _language in settings.LANGUAGES}
        assert field in listed or versions <= listed, field
