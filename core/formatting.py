"""Locale-aware display of values the public pages show: dates, date ranges and money."""

import datetime
from decimal import Decimal

from django.utils import dates, formats, numberformat
from django.utils.functional import Promise, lazy
from django.utils.translation import get_language

# Romanian and Bulgarian write month names in lower case ("7 decembrie 2016", "7 декември
# 2016 г."), but Django's own catalogues capitalise them ("Decembrie", "Декември"), also in
# the genitive forms of the "E" format character. The names are looked up in Django's tables
# when a date is formatted, so correcting the tables once corrects every date: templates'
# `date` filter, `date_format()` in code, feeds, PDF reports and the admin alike.
LOWER_CASE_MONTH_LANGUAGES = frozenset({"ro", "bg"})

# Where the amount goes and which symbol replaces the ISO code, per interface language. English
# writes the code first ("RON 1,469,247.47"); Romanian and Bulgarian write the amount first and
# use their own name for their own currency ("1.469.247,47 lei", "1 469 247,47 лв.").
AMOUNT_FIRST_LANGUAGES = frozenset({"ro", "bg"})
LOCAL_CURRENCY_SYMBOLS: dict[str, dict[str, str]] = {
    "ro": {"RON": "lei"},
    "bg": {"BGN": "лв."},
}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _month_name_for_language(name: Promise) -> Promise:
    def resolve() -> str:
        text = str(name)
        return text.lower() if _language() in LOWER_CASE_MONTH_LANGUAGES else text

    return lazy(resolve, str)()


_month_names_corrected = False


def write_month_names_in_lower_case() -> None:
    """Make Django's month names lower case in the languages that write them so.

    Called once from ``CoreConfig.ready()``; each name stays lazy and is still translated in
    the language active when a date is formatted.
    """
    global _month_names_corrected
    if _month_names_corrected:
        return
    for table in (dates.MONTHS, dates.MONTHS_ALT):
        for number, name in table.items():
            table[number] = _month_name_for_language(name)
    _month_names_corrected = True


def format_date_range(start: datetime.date | None, end: datetime.date | None) -> str:
    """`1 January 2020 – 30 June 2022`; an open end (or start) is written as an ellipsis."""
    first = formats.date_format(start, "DATE_FORMAT") if start else "…"
    last = formats.date_format(end, "DATE_FORMAT") if end else "…"
    return f"{first} – {last}"


def format_amount(value: Decimal | int | float, *, decimal_pos: int = 2) -> str:
    """Group thousands and place the decimal separator as the active language does."""
    language = get_language()
    # Django's bg formats leave NUMBER_GROUPING at 0; core/formats sets 3, as readers group.
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
    language = _language()
    amount = format_amount(value)
    code = (currency or "").upper()
    symbol = LOCAL_CURRENCY_SYMBOLS.get(language, {}).get(code, code)
    if not symbol:
        return amount
    if language in AMOUNT_FIRST_LANGUAGES:
        return f"{amount} {symbol}"
    return f"{symbol} {amount}"
