"""List filters of the meeting changelist that stay light with tens of thousands of meetings."""

from django.contrib import admin


class RelatedInUseFilter(admin.RelatedOnlyFieldListFilter):
    """The related rows that the meetings this person may see point to, read as plain values.

    Django's own filter builds a model instance for each of the 500 places of a national tree
    and lists them all, most of them without a single meeting of a coordinator's projects.
    """

    label_field = "name"

    def field_choices(self, field, request, model_admin):
        in_use = model_admin.get_queryset(request).values(f"{self.field_path}__pk")
        related = field.related_model._default_manager.filter(pk__in=in_use)
        return list(related.values_list("pk", self.label_field))
