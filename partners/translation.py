from modeltranslation.translator import TranslationOptions, register

from partners.models import (
    IntegrationCentre,
    Language,
    Organisation,
    Region,
    Service,
    TargetGroup,
)


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ["name", "description"]


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ["name"]


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ["name", "description"]


@register(IntegrationCentre)
class IntegrationCentreTranslationOptions(TranslationOptions):
    fields = ["name", "opening_hours", "description"]


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ["name"]


@register(TargetGroup)
class TargetGroupTranslationOptions(TranslationOptions):
    fields = ["name"]
