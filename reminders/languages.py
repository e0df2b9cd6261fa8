"""The language a reminder is written in."""

from collections.abc import Iterable

from django.conf import settings

from meetings.models import Meeting
from meetings.timezones import country_of
from partners.models import Organisation, Region
from reminders.models import Recipient

FALLBACK_LANGUAGE = "en"
# The site's language for the people of a venue's country, where the site speaks theirs.
COUNTRY_LANGUAGES = {"RO": "ro", "MD": "ro", "BG": "bg"}


def chosen_languages(emails: Iterable[str]) -> dict[str, str]:
    """The language each address asked for, where it did."""
    return dict(
        Recipient.objects.filter(email__in=set(emails))
        .exclude(language="")
        .values_list("email", "language")
    )


def unsubscribed(emails: Iterable[str]) -> set[str]:
    return set(
        Recipient.objects.filter(email__in=set(emails), unsubscribed_at__isnull=False).values_list(
            "email", flat=True
        )
    )


def country_language(country: Region | None) -> str:
    """The site's language for a country, English where the site does not speak its own."""
    if country is None:
        return FALLBACK_LANGUAGE
    language = COUNTRY_LANGUAGES.get(country.code.split("-")[0].upper(), FALLBACK_LANGUAGE)
    return language if language in dict(settings.LANGUAGES) else FALLBACK_LANGUAGE


def meeting_country(meeting: Meeting) -> Region | None:
    """The country of the venue: of its city, else of its host organisation."""
    if meeting.city_id:
        return country_of(meeting.city)
    if meeting.host_id:
        return organisation_country(meeting.host)
    return None


def organisation_country(organisation: Organisation) -> Region | None:
    if organisation.country_id:
        return organisation.country
    return country_of(organisation.city) if organisation.city_id else None
