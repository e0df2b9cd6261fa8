"""Links between resources: each row names its API address and its public page, absolute."""

from urllib.parse import quote

from django.urls import NoReverseMatch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from core.views import list_url

# Stands for a row's key in an address reversed once per answer (see resource_link).
KEY_MARK = "0key0mark0"


def resource_link(context: dict, view_name: str, lookup_field: str, value) -> str:
    """reverse(view_name, kwargs={lookup_field: value}), the address reversed once per answer
    with a mark in place of the key, then filled in for each row: a page of twenty meetings
    names some eighty resources."""
    links = context.setdefault("resource_links", {})
    key = (view_name, lookup_field)
    if key not in links:
        try:
            links[key] = reverse(
                view_name, kwargs={lookup_field: KEY_MARK}, request=context["request"]
            )
        except NoReverseMatch:  # a route whose key takes no letters
            links[key] = None
    template = links[key]
    if template is None or template.count(KEY_MARK) != 1:
        return reverse(view_name, kwargs={lookup_field: value}, request=context["request"])
    return template.replace(KEY_MARK, quote(str(value), safe=""))


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
        value = getattr(instance, self.lookup_field)
        return resource_link(self.context, self.view_name, self.lookup_field, value)


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
        links = self.context.setdefault("list_links", {})
        if self.view_name not in links:
            links[self.view_name] = reverse(self.view_name, request=self.context["request"])
        return list_url(links[self.view_name], **{self.parameter: instance.slug})


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
