"""Sections that higher apps add to a lower app's detail pages.

An organisation's page lists its projects and meetings, yet `partners` sits below `projects`
and `meetings` and never imports them. Instead each app registers, in its `ready()`, a function
that builds its section of such a page from the page's object; the page renders every section
in order, each from the template of the app that registered it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Section:
    """One titled part of a detail page: its rows, whether more exist, and where they are."""

    key: str
    template_name: str
    items: list
    has_more: bool = False
    list_url: str = ""


SectionBuilder = Callable[[models.Model], Iterable[Section]]


class SectionRegistry:
    def __init__(self) -> None:
        self._builders: dict[str, list[tuple[int, SectionBuilder]]] = defaultdict(list)

    def register(self, page: str, *, order: int) -> Callable[[SectionBuilder], SectionBuilder]:
        """Add the decorated builder's sections to `page`, placed by `order` (lowest first)."""

        def decorator(builder: SectionBuilder) -> SectionBuilder:
            if builder not in (registered for _order, registered in self._builders[page]):
                self._builders[page].append((order, builder))
                self._builders[page].sort(key=lambda entry: entry[0])
            return builder

        return decorator

    def sections_for(self, page: str, obj: models.Model) -> list[Section]:
        return [section for _order, builder in self._builders[page] for section in builder(obj)]


page_sections = SectionRegistry()


class AdminSectionsMixin:
    """A back-office change page showing the tools that higher apps register for it (a
    project's quarterly report, say): `sections_page` names it in `page_sections`, and its
    change_form template includes each section's template among the object tools."""

    sections_page = ""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and self.sections_page:
            context["admin_sections"] = page_sections.sections_for(self.sections_page, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)
