"""Amounts typed as the documents write them.

A Romanian or Bulgarian contract writes "1 332 240,00" or "1.469.247,47"; an English one
"1,469,247.47". The form field here reads an amount by the rules of the active language — in
Romanian and Bulgarian the comma marks the decimals and a dot or a space groups the thousands,
in English the dot marks the decimals and a comma or a space groups them — and refuses what
those rules do not make plain ("1.5" in Romanian, "1,5" in English) instead of guessing.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# A plain space, a no-break space and a narrow no-break space all group thousands.
SPACES = re.compile(r"[ \u00a0\u202f]")
# Languages whose documents write the decimals after a dot; the others write a comma.
DOT_DECIMAL_LANGUAGES = {"en"}

EXAMPLES = {
    ",": _("1 332 240,00 or 1.332.240,00"),
    ".": _("1,332,240.00 or 1 332 240.00"),
}


def separators(language: str | None) -> tuple[str, str]:
    """The decimal separator and the thousands separator (besides a space) of a language."""
    if (language or "").split("-")[0] in DOT_DECIMAL_LANGUAGES:
        return ".", ","
    return ",", "."


def parse_amount(text: str, *, language: str | None = None) -> Decimal:
    """Read an amount written by the rules of `language` (the active one by default).

    Raises ValidationError, saying how to write it, when the text is not an amount or its
    separators could be read two ways.
    """
    decimal_mark, group_mark = separators(language or translation.get_language())
    example = EXAMPLES[decimal_mark]
    value = text.strip()
    sign = ""
    if value[:1] in "+-":
        sign, value = value[:1].replace("+", ""), value[1:].lstrip()
    value = SPACES.sub(group_mark, value)
    if not value or not re.fullmatch(r"[0-9.,]+", value):
        raise ValidationError(
            _("Enter an amount in figures, for example %(example)s."),
            code="invalid",
            params={"example": example},
        )
    params = {"value": text, "decimal": decimal_mark, "group": group_mark, "example": example}
    whole, mark, decimals = value.partition(decimal_mark)
    if mark and (not decimals.isdigit() or decimal_mark in decimals):
        raise ValidationError(
            _(
                "“%(value)s” can be read in more than one way: here the decimals follow a "
                "“%(decimal)s”, once, and the thousands are grouped with “%(group)s” or a "
                "space, as in %(example)s."
            ),
            code="ambiguous",
            params=params,
        )
    groups = whole.split(group_mark)
    if len(groups) > 1 and not (
        1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])
    ):
        raise ValidationError(
            _(
                "“%(value)s” can be read in more than one way: “%(group)s” groups the "
                "thousands in threes and the decimals follow a “%(decimal)s”, as in %(example)s."
            ),
            code="ambiguous",
            params=params,
        )
    try:
        return Decimal(f"{sign}{''.join(groups)}.{decimals or '0'}")
    except InvalidOperation as error:  # pragma: no cover - the patterns above rule it out
        raise ValidationError(_("Enter an amount."), code="invalid") from error


class AmountInput(forms.TextInput):
    """A text box, not a number box: browsers refuse "1 332 240,00" in <input type=number>."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            decimal_mark, group_mark = separators(translation.get_language())
            plain = f"{value:,.2f}"  # 1,469,247.47
            return plain.replace(",", "\0").replace(".", decimal_mark).replace("\0", group_mark)
        return super().format_value(value)


class LocalisedDecimalField(forms.DecimalField):
    """An amount of money as the active language writes it (see `parse_amount`)."""

    widget = AmountInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        return parse_amount(str(value))
