"""Free text in partners has a maximum length: the admin form says so and saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners.models import DESCRIPTION_MAX_LENGTH, NOTES_MAX_LENGTH, OPENING_HOURS_MAX_LENGTH
from tests.factories import ContactFactory, IntegrationCentreFactory, OrganisationFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _post_change(client, obj, field: str, value: str):
    url = reverse(f"admin:partners_{obj._meta.model_name}_change", args=[obj.pk])
    form = find_form(client.get(url).content.decode(), with_field=field)
    form.data[field] = [value]
    return client.post(url, form.submission())


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_an_over_long_organisation_description_is_refused(client, editor, language):
    organisation = OrganisationFactory(name="Association for Refugees", description="Short.")
    client.force_login(editor)
    too_long = "x" * (DESCRIPTION_MAX_LENGTH + 1)

    response = _post_change(client, organisation, f"description_{language}", too_long)

    assert response.status_code == 200
    assert (
        f"Ensure this value has at most {DESCRIPTION_MAX_LENGTH} characters "
        f"(it has {DESCRIPTION_MAX_LENGTH + 1})." in response.content.decode()
    )
    organisation.refresh_from_db()
    assert organisation.description_en == "Short."
    assert not organisation.description_ro
    assert not organisation.description_bg


def test_an_organisation_description_at_the_limit_is_saved(client, editor):
    organisation = OrganisationFactory(description="Short.")
    client.force_login(editor)
    longest = "x" * DESCRIPTION_MAX_LENGTH

    response = _post_change(client, organisation, "description_en", longest)

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description_en == longest


def test_over_long_opening_hours_are_refused(client, editor):
    centre = IntegrationCentreFactory(opening_hours="Mon-Fri 9-17")
    client.force_login(editor)

    response = _post_change(
        client, centre, "opening_hours_en", "9-17 " * (OPENING_HOURS_MAX_LENGTH // 5 + 1)
    )

    assert f"Ensure this value has at most {OPENING_HOURS_MAX_LENGTH} characters" in (
        response.content.decode()
    )
    centre.refresh_from_db()
    assert centre.opening_hours_en == "Mon-Fri 9-17"


def test_over_long_contact_notes_are_refused(client, superuser):
    contact = ContactFactory(notes="Prefers e-mail.")
    client.force_login(superuser)

    response = _post_change(client, contact, "notes", "n" * (NOTES_MAX_LENGTH + 1))

    assert f"Ensure this value has at most {NOTES_MAX_LENGTH} characters" in (
        response.content.decode()
    )
    contact.refresh_from_db()
    assert contact.notes == "Prefers e-mail."


@pytest.mark.parametrize(
    ("factory", "field", "limit"),
    [
        (OrganisationFactory, "description_ro", DESCRIPTION_MAX_LENGTH),
        (IntegrationCentreFactory, "opening_hours", OPENING_HOURS_MAX_LENGTH),
        (ContactFactory, "notes", NOTES_MAX_LENGTH),
    ],
)
def test_over_long_text_is_refused_by_the_model_not_only_the_admin_form(factory, field, limit):
    row = factory.build()
    setattr(row, field, "x" * (limit + 1))

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert field in error.value.message_dict
