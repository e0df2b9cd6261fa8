from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RegionKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", pgettext_lazy("administrative unit", "Region")
    COUNTY = "county", _("County")
    CITY = "city", _("City")

    @property
    def level(self) -> int:
        return list(RegionKind).index(self)


class OrganisationKind(models.TextChoices):
    NGO = "ngo", _("Non-governmental organisation")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    INTERNATIONAL = "international", _("International organisation")
    NETWORK = "network", _("Network")
    ACADEMIC = "academic", _("Academic or research body")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class CentreKind(models.TextChoices):
    REGIONAL_CENTRE = "regional_centre", _("Regional integration centre")
    WORKING_POINT = "working_point", _("Working point")
    ONE_STOP_SHOP = "one_stop_shop", _("One-stop shop")


# The codes of the services and target groups the portal started with, for code that names one
# of them (the demo data). The lists themselves are the Service and TargetGroup tables, which
# editors extend in the admin: list their entries from there, not from these.
class ServiceCode(models.TextChoices):
    SOCIAL = "social", _("Social assistance")
    MEDICAL = "medical", _("Medical assistance")
    PSYCHOLOGICAL = "psychological", _("Psychological counselling")
    LEGAL = "legal", _("Legal advice")
    EDUCATION = "education", _("Education")
    EMPLOYMENT = "employment", _("Employment and labour market")
    LANGUAGE_COURSES = "language_courses", _("Language courses")
    HOUSING = "housing", _("Housing")
    INTERPRETATION = "interpretation", _("Interpretation")


class TargetGroupCode(models.TextChoices):
    BENEFICIARIES_OF_PROTECTION = "bip", _("Beneficiaries of international protection")
    THIRD_COUNTRY_NATIONALS = "tcn", _("Third-country nationals with legal residence")
    ASYLUM_SEEKERS = "asylum_seekers", _("Asylum seekers")
    TEMPORARY_PROTECTION = "temporary_protection", _("Beneficiaries of temporary protection")
    LOCAL_AUTHORITIES = "local_authorities", _("Local and regional authorities")
    CIVIL_SOCIETY = "civil_society", _("Civil society organisations")
    HOST_COMMUNITIES = "host_communities", _("Host communities")


# The EU's 24 official languages, the ones an organisation's or a project's own name is written in.
# Labels come from Django's list of language names, whose translations Django ships.
EU_LANGUAGE_CODES = frozenset(
    [
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "ga",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
    ]
)
OFFICIAL_LANGUAGE_CHOICES = [
    (code, _(name)) for code, name in global_settings.LANGUAGES if code in EU_LANGUAGE_CODES
]
