import pytest

from core.deferral import long_texts, without_long_texts
from meetings.models import Meeting
from partners.models import IntegrationCentre
from tests.factories import IntegrationCentreFactory


def test_every_language_version_of_a_long_text_is_named_but_those_kept():
    columns = long_texts(Meeting, keep=["summary"])

    assert {"minutes", "minutes_en", "minutes_ro", "minutes_bg", "search_text"} <= set(columns)
    assert not [column for column in columns if column.startswith("summary")]
    assert "title_en" not in columns  # a short text


@pytest.mark.django_db
def test_joined_rows_leave_their_long_texts_unread_too():
    IntegrationCentreFactory(opening_hours="Mon-Fri 9-17", description="A long story")

    centre = without_long_texts(
        IntegrationCentre.objects.select_related("city"), "city", keep=["opening_hours"]
    ).get()

    deferred = centre.get_deferred_fields()
    assert {"description_en", "search_text"} <= deferred
    assert not any(name.startswith("opening_hours") for name in deferred)
    assert "search_text" in centre.city.get_deferred_fields()
    assert centre.city.name  # the names are read
