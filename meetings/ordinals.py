from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def ordinal_label(number: int) -> str:
    """ "2nd quarterly coordination meeting", in the active language."""
    return pgettext("meeting ordinal", "%(ordinal)s quarterly coordination meeting") % {
        "ordinal": ordinal(number)
    }


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd… in English; the translations give each language's own form."""
    if 10 <= number % 100 <= 20:
        template = _("%(number)sth")
    else:
        template = {
            1: _("%(number)sst"),
            2: _("%(number)snd"),
            3: _("%(number)srd"),
        }.get(number % 10, _("%(number)sth"))
    return template % {"number": number}
