from modeltranslation.translator import TranslationOptions, register

from projects.models import FundingProgramme, Participation, PlannedOutput, Project, ThematicArea


@register(FundingProgramme)
class FundingProgrammeTranslationOptions(TranslationOptions):
    fields = ["name", "short_name", "description"]


@register(ThematicArea)
class ThematicAreaTranslationOptions(TranslationOptions):
    fields = ["name"]


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    # The acronym and the official title are written the same in every language.
    fields = ["title", "summary", "description", "specific_objective"]


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ["contribution"]


@register(PlannedOutput)
class PlannedOutputTranslationOptions(TranslationOptions):
    fields = ["description"]
