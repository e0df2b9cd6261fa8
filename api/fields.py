"""Links between resources: each row names its API address and its public page, absolute."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from core.views import list_url


@extend_schema_field(OpenApiTypes.URI)
class ApiLinkField(serializers.Field):
    """The row's API resource: /api/<resource>/<slug>/, or null where `shown_if` says no
    (an organisation not yet reviewed has no public page, so no resource either)."""

    def __init__(self, view_name: str, *, lookup_field: str = "slug", shown_if=None, **kwargs):
        self.view_name = view_name
        self.lookup_field = lookup_field
        self.shown_if = shown_if
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str | None:
        if self.shown_if is not None and not self.shown_if(instance):
            return None
        lookup = {self.lookup_field: getattr(instance, self.lookup_field)}
        return reverse(self.view_name, kwargs=lookup, request=self.context["request"])


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """The row's public page in the language of the answer, or null where it has none."""

    def __init__(self, *, shown_if=None, **kwargs):
        self.shown_if = shown_if
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str | None:
        if self.shown_if is not None and not self.shown_if(instance):
            return None
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class FilteredListLinkField(serializers.Field):
    """A list filtered to this row: the API's /api/meetings/?project=<slug>, or a public
    page's /en/projects/?programme=<slug>."""

    def __init__(self, view_name: str, parameter: str, **kwargs):
        self.view_name = view_name
        self.parameter = parameter
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str:
        url = reverse(self.view_name, request=self.context["request"])
        return list_url(url, **{self.parameter: instance.slug})


@extend_schema_field(OpenApiTypes.STR)
class LabelField(serializers.Field):
    """The reader's-language label of a choice or a computed name (`get_kind_display`)."""

    def __init__(self, attribute: str, **kwargs):
        self.attribute = attribute
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str:
        value = getattr(instance, self.attribute)
        return str(value() if callable(value) else value)
