"""Locale-aware display of values the public pages show: money and durations."""

from decimal import Decimal

from django.utils import formats, numberformat
from django.utils.translation import get_language

# Where the amount goes and which symbol replaces the ISO code, per interface language. English
# writes the code first ("RON 1,469,247.47"); Romanian and Bulgarian write the amount first and
# use their own name for their own currency ("1.469.247,47 lei", "1 469 247,47 лв.").
AMOUNT_FIRST_LANGUAGES = frozenset({"ro", "bg"})
LOCAL_CURRENCY_SYMBOLS: dict[str, dict[str, str]] = {
    "ro": {"RON": "lei"},
    "bg": {"BGN": "лв."},
}


def format_amount(value: Decimal | int | float, *, decimal_pos: int = 2) -> str:
    """Group thousands and place the decimal separator as the active language does."""
    language = get_language()
    # Some locales (bg) leave NUMBER_GROUPING at 0, yet their readers group thousands too.
    grouping = formats.get_format("NUMBER_GROUPING", language) or 3
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR", language),
        decimal_pos,
        grouping,
        formats.get_format("THOUSAND_SEPARATOR", language),
        force_grouping=True,
        use_l10n=True,
    )


def format_money(value: Decimal | int | float | None, currency: str) -> str:
    """`1.469.247,47 lei` in Romanian, `RON 1,469,247.47` in English; empty for no value."""
    if value is None or value == "":
        return ""
    language = (get_language() or "en").split("-")[0]
    amount = format_amount(value)
    code = (currency or "").upper()
    symbol = LOCAL_CURRENCY_SYMBOLS.get(language, {}).get(code, code)
    if not symbol:
        return amount
    if language in AMOUNT_FIRST_LANGUAGES:
        return f"{amount} {symbol}"
    return f"{symbol} {amount}"
