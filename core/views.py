"""Pages of the public lists, which at national scale run to more than a thousand."""

from django.core.paginator import Page, Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django_filters.views import FilterView

from core import public_cache


def first_rows(queryset: models.QuerySet, limit: int) -> tuple[list, bool]:
    """The first `limit` rows and whether there are more, in one query."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def list_url(url: str, **params: str) -> str:
    """A public list's address filtered by `params`: list_url("/en/projects/", region="iasi")."""
    return f"{url}?{urlencode(params)}" if params else url


class ListPage(Page):
    @property
    def nearby_page_numbers(self):
        """1 … 4 5 6 7 8 … 1456: the first, the last and the pages around this one."""
        return self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1)


class ListPaginator(Paginator):
    """Totals counted once per content version rather than on every page view."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, models.QuerySet):
            return public_cache.count(self.object_list)
        return super().count

    def _get_page(self, *args, **kwargs) -> ListPage:
        return ListPage(*args, **kwargs)


class PublicListView(FilterView):
    """A filtered public list, twenty to a page.

    With `shared_page`, the page a visitor who is not signed in sees is kept for the next ones
    (core.public_cache.shared_page), one copy per combination of the query parameters the list
    reads: its filters, their sort order and the page number.
    """

    paginate_by = 20
    paginator_class = ListPaginator
    shared_page = False

    @classmethod
    def query_parameters(cls) -> frozenset[str]:
        return frozenset(cls.filterset_class.base_filters) | {cls.page_kwarg}

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        if cls.shared_page:
            return public_cache.shared_page(view, parameters=cls.query_parameters())
        return view
