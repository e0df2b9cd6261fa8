"""The rows of a public list as its pages show them, every page at once.

A download asks the list's own view for its queryset, FilterSet and order, so the file holds
exactly what the visitor's filters select on the list, in the same order; nothing here knows
how a list filters or sorts.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import cached_property

from core.public_cache import recognised_query
from opendata.columns import Dataset


class InvalidFilters(Exception):
    def __init__(self, errors: dict) -> None:
        super().__init__(errors)
        self.errors = errors


class EveryRowInOnePage(Paginator):
    """Hands a list view's `paginate_queryset` one page holding every row, uncounted: the list
    applies its own order there (the meeting list does), and the download reads it back."""

    @cached_property
    def num_pages(self) -> int:
        return 1

    def page(self, number) -> Page:
        return Page(self.object_list, 1, self)


def filter_names(dataset: Dataset) -> frozenset[str]:
    filterset_class = getattr(dataset.list_view, "filterset_class", None)
    return frozenset(filterset_class.base_filters) if filterset_class else frozenset()


def download_query(dataset: Dataset, query) -> str:
    """The filters of a list's address that its download carries: no page number, nothing the
    list does not read."""
    return recognised_query(query, filter_names(dataset)).urlencode()


def list_rows(dataset: Dataset, request: HttpRequest) -> QuerySet:
    """Every row the list at `request`'s filters selects, in the list's order.

    Raises InvalidFilters when a filter's value is not one the list accepts.
    """
    view = dataset.list_view()
    view.setup(request)
    queryset = view.get_queryset()
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        view.filterset = view.get_filterset(filterset_class)
        if view.filterset.is_bound and not view.filterset.is_valid():
            raise InvalidFilters(view.filterset.errors)
        queryset = view.filterset.qs
    view.paginator_class = EveryRowInOnePage
    view.kwargs = {view.page_kwarg: 1}
    _paginator, _page, rows, _is_paginated = view.paginate_queryset(queryset, 1)
    return dataset.prepare(rows)
