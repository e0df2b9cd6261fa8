"""Pages of the public lists, which at national scale run to more than a thousand."""

from django.core.paginator import Page, Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django_filters.views import FilterView

from core import public_cache
from core.deferral import without_long_texts


def first_rows(queryset: models.QuerySet | list, limit: int) -> tuple[list, bool]:
    """The first `limit` rows and whether there are more, in one query (none for a list)."""
    rows = list(queryset[: limit + 1])
    return rows[:limit], len(rows) > limit


def list_url(url: str, **params: str) -> str:
    """A public list's address filtered by `params`: list_url("/en/projects/", region="iasi")."""
    return f"{url}?{urlencode(params)}" if params else url


def in_stable_order(queryset: models.QuerySet) -> models.QuerySet:
    """The queryset in its order, ties broken by the key: a row whose sort value it shares with
    others keeps its place from one page to the next, instead of showing twice or never."""
    query = queryset.query
    ordering = list(query.order_by) or (
        list(queryset.model._meta.ordering) if query.default_ordering else []
    )
    if not ordering or any(str(field).lstrip("-") in ("pk", "id") for field in ordering):
        return queryset
    return queryset.order_by(*ordering, "pk")


class ListPage(Page):
    @property
    def nearby_page_numbers(self):
        """1 … 4 5 6 7 8 … 1456: the first, the last and the pages around this one."""
        return self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1)


def rows_by_keys_first(queryset: models.QuerySet, bottom: int, top: int) -> list:
    """Rows `bottom` to `top` of `queryset`: the page's keys first, then its rows by those keys.

    Skipping to a far page makes the database read and sort every row before it; asking only
    for the keys there keeps that read narrow, and the joined tables, the long columns and the
    annotated ones (a meeting's place in its series) are read for the page's rows alone.
    """
    keys = list(queryset[bottom:top].values_list("pk", flat=True))
    if not keys:
        return []
    rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
    return [rows[key] for key in keys if key in rows]


class ListPaginator(Paginator):
    """Totals counted once per content version rather than on every page view; the rows of a
    page read by their keys first (rows_by_keys_first)."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, models.QuerySet):
            return public_cache.count(self.object_list)
        return super().count

    def page(self, number) -> ListPage:
        rows = self.object_list
        number = self.validate_number(number)
        # The first page skips nothing, and a list of keys or values (as the API pages) is
        # narrow already: both are read in one query.
        if number == 1 or not isinstance(rows, models.QuerySet) or rows._fields is not None:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_by_keys_first(rows, bottom, top), number, self)

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
    # The long texts the page's cards show ("summary"): the others stay unread, as do all
    # those of the rows joined at `card_relations`. None: the page reads whole rows. A
    # download of the list (opendata) reads whole rows all the same.
    card_texts: tuple[str, ...] | None = None
    card_relations: tuple[str, ...] = ()

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(in_stable_order(queryset), page_size)

    def get_context_data(self, **kwargs):
        rows = kwargs.get("object_list", self.object_list)
        if self.card_texts is not None and isinstance(rows, models.QuerySet):
            kwargs["object_list"] = without_long_texts(
                rows, *self.card_relations, keep=self.card_texts
            )
        return super().get_context_data(**kwargs)

    @classmethod
    def query_parameters(cls) -> frozenset[str]:
        return frozenset(cls.filterset_class.base_filters) | {cls.page_kwarg}

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        if cls.shared_page:
            return public_cache.shared_page(view, parameters=cls.query_parameters())
        return view
