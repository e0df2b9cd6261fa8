"""What drf-spectacular cannot read from the public lists' FilterSets by itself."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core.filters import SearchFilter, TypeaheadFilter
from partners.filters import RegionTreeFilter

# A place chosen by its slug (?region=constanta), whatever the filter does with it: the
# project, meeting and centre lists each narrow to it in their own way.
extend_schema_field(OpenApiTypes.STR)(RegionTreeFilter)


def api_description(filter_field):
    """What a filter shared with a public page takes in the API, where its label alone would
    speak of the page's form ("Words", "Type two or more letters of its name")."""
    if isinstance(filter_field, SearchFilter):
        return _(
            "Words to look for: a row must contain every one, whole or as part of a longer "
            "word; accents and capitals do not matter."
        )
    if isinstance(filter_field, TypeaheadFilter):
        return format_lazy(
            _("{label}, by its slug or by its name (enough of the name to match only one)."),
            label=filter_field.label,
        )
    if isinstance(filter_field, RegionTreeFilter):
        return format_lazy(
            _(
                "{label}, by its slug from the list of places: that place and every place "
                "inside it."
            ),
            label=filter_field.label,
        )
    return None


class PublicFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, with the shared filters described for an API reader."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        description = api_description(filter_field)
        if description is not None:
            for parameter in parameters:
                parameter["description"] = description
        return parameters
