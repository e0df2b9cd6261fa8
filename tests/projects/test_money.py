"""Amounts typed as the project's documents write them, read by the page language's rules."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.money import parse_amount
from tests.factories import ProjectFactory
from tests.security.html_forms import find_form


@pytest.mark.parametrize(
    ("language", "text", "amount"),
    [
        ("ro", "1 332 240,00", Decimal("1332240.00")),
        ("ro", "1.469.247,47", Decimal("1469247.47")),
        ("ro", "1\u00a0469\u00a0247,47", Decimal("1469247.47")),
        ("bg", "1 332 240,00", Decimal("1332240.00")),
        ("bg", "250000", Decimal("250000")),
        ("en", "1,469,247.47", Decimal("1469247.47")),
        ("en", "1 332 240.00", Decimal("1332240.00")),
        ("en", "1469247.47", Decimal("1469247.47")),
    ],
)
def test_amounts_are_read_as_each_language_writes_them(language, text, amount):
    assert parse_amount(text, language=language) == amount


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ro", "1,469,247.47"),
        ("ro", "1.5"),
        ("bg", "1.46.247,47"),
        ("en", "1.469.247,47"),
        ("en", "1,5"),
        ("en", "about a million"),
    ],
)
def test_an_amount_that_reads_two_ways_is_refused_with_an_example(language, text):
    with pytest.raises(ValidationError) as error:
        parse_amount(text, language=language)

    assert "for example" in str(error.value) or "can be read in more than one way" in str(
        error.value
    )


@pytest.mark.django_db
def test_an_editor_types_the_budget_as_the_romanian_contract_writes_it(client, editor):
    project = ProjectFactory(title="INTEGRARE+")
    with translation.override("ro"):
        url = reverse("admin:projects_project_change", args=[project.pk])
    client.force_login(editor)
    form = find_form(client.get(url).content.decode(), with_field="total_budget")
    form.data["total_budget"] = ["1 332 240,00"]
    form.data["eu_contribution"] = ["999.180,00"]

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()[:3000]
    project.refresh_from_db()
    assert project.total_budget == Decimal("1332240.00")
    assert project.eu_contribution == Decimal("999180.00")
    page = client.get(url).content.decode()
    assert "333.060,00 EUR" in page or "333\u00a0060,00 EUR" in page
    assert "75,00 %" in page


@pytest.mark.django_db
def test_an_english_amount_on_the_romanian_page_is_refused(client, editor):
    project = ProjectFactory(title="INTEGRARE+")
    with translation.override("ro"):
        url = reverse("admin:projects_project_change", args=[project.pk])
    client.force_login(editor)
    form = find_form(client.get(url).content.decode(), with_field="total_budget")
    form.data["total_budget"] = ["1,469,247.47"]

    response = client.post(url, form.submission())

    assert response.status_code == 200
    project.refresh_from_db()
    assert project.total_budget is None
