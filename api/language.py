"""The language of an answer: the `lang` parameter, else Accept-Language, else English.

Not the language cookie the public pages remember: an API client names its language itself.
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError

LANGUAGE_PARAMETER = "lang"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def requested_language(request) -> str:
    codes = language_codes()
    asked = request.query_params.get(LANGUAGE_PARAMETER)
    if asked is not None:
        if asked not in codes:
            raise ValidationError(
                {LANGUAGE_PARAMETER: [_("Choose one of: %(codes)s.") % {"codes": ", ".join(codes)}]}
            )
        return asked
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE
