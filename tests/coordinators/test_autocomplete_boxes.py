"""The type-ahead boxes of the admin's forms: what they read to show their chosen row."""

import pytest
from django import forms
from django.contrib import admin
from django.db.models.sql.compiler import SQLCompiler

from core.admin import LookupSafeAutocompleteSelect
from meetings.models import Attendance
from partners.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _organisation_box() -> forms.ModelChoiceField:
    widget = LookupSafeAutocompleteSelect(Attendance._meta.get_field("organisation"), admin.site)
    return forms.ModelChoiceField(Organisation.objects.all(), widget=widget, required=False)


def _compiled_while(monkeypatch, render) -> tuple[int, str]:
    compiled = []
    as_sql = SQLCompiler.as_sql

    def counting_as_sql(self, *args, **kwargs):
        compiled.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting_as_sql)
    html = render()
    return len(compiled), html


def test_a_box_with_nothing_chosen_builds_no_query(monkeypatch):
    field = _organisation_box()

    compiled, html = _compiled_while(monkeypatch, lambda: field.widget.render("organisation", None))

    assert compiled == 0
    assert html.count("<option") == 1 and '<option value=""></option>' in html


def test_a_box_with_a_chosen_row_names_it(monkeypatch):
    chosen = OrganisationFactory(name="Fundacja Ocalenie")
    field = _organisation_box()

    compiled, html = _compiled_while(
        monkeypatch, lambda: field.widget.render("organisation", chosen.pk)
    )

    assert compiled == 1
    assert f'<option value="{chosen.pk}" selected>Fundacja Ocalenie</option>' in html
