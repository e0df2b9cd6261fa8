from decimal import Decimal

import pytest
from django.utils import translation

from core.formatting import format_money


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("en", "RON", "RON 1,469,247.47"),
        ("ro", "RON", "1.469.247,47 lei"),
        ("bg", "RON", "1\xa0469\xa0247,47 RON"),
        ("bg", "BGN", "1\xa0469\xa0247,47 лв."),
        ("ro", "EUR", "1.469.247,47 EUR"),
        ("en", "EUR", "EUR 1,469,247.47"),
    ],
)
def test_money_follows_the_readers_locale(language, currency, expected):
    with translation.override(language):
        assert format_money(Decimal("1469247.47"), currency) == expected


def test_money_without_an_amount_is_empty():
    assert format_money(None, "EUR") == ""


def test_small_amounts_have_no_group_separator():
    with translation.override("ro"):
        assert format_money(Decimal("999.5"), "RON") == "999,50 lei"
