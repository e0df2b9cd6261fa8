"""The meeting form's time zone box is written without Django's templates, to the same HTML."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from meetings.forms import TimeZoneField


@pytest.mark.parametrize("value", ["Europe/Bucharest", "UTC", "", None, 'Nowhere/<"x">'])
def test_time_zone_box_writes_the_html_of_django_select(value):
    field = TimeZoneField(required=False)
    attrs = {"id": "id_timezone", "data-note": 'zone "here" & <there>', "required": True}
    attrs["disabled"] = False

    written = field.widget.render("timezone", value, attrs)

    # As Django's select template writes it (the site's renderer uses the Jinja2 one).
    django_select = forms.Select(choices=field.choices)
    assert written == django_select.render("timezone", value, attrs, renderer=DjangoTemplates())
    if value == "Europe/Bucharest":
        assert '<option value="Europe/Bucharest" selected>Europe/Bucharest</option>' in written
