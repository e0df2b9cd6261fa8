from modeltranslation.translator import TranslationOptions, register

from meetings.models import ActionItem, AgendaItem, Attachment, Meeting


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ["title", "venue", "summary", "minutes"]


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ["title", "description"]


@register(ActionItem)
class ActionItemTranslationOptions(TranslationOptions):
    fields = ["text"]


@register(Attachment)
class AttachmentTranslationOptions(TranslationOptions):
    fields = ["title"]
