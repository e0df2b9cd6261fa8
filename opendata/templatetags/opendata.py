"""The download links of the public list a page shows."""

from django import template
from django.urls import reverse

from opendata.datasets import BY_LIST_URL_NAME
from opendata.rows import download_query
from opendata.writers import XLSX_MAX_ROWS

register = template.Library()


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _row_count(context) -> int | None:
    page = context.get("page_obj")
    if page is not None:
        return page.paginator.count
    rows = context.get("object_list")
    return len(rows) if rows is not None else None


@register.simple_tag(takes_context=True)
def list_downloads(context) -> dict | None:
    """The CSV and XLSX addresses of the list on this page, carrying its filters, and how many
    rows they hold; None on any other page, or while the filters are not valid. No XLSX
    address for more rows than an XLSX file is written with."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    dataset = BY_LIST_URL_NAME.get(match.view_name) if match else None
    if dataset is None:
        return None
    filterset = context.get("filter")
    if filterset is not None and filterset.is_bound and not filterset.is_valid():
        return None
    query = download_query(dataset, request.GET)
    kwargs = {"name": dataset.name}
    count = _row_count(context)
    too_many_for_xlsx = count is not None and count > XLSX_MAX_ROWS
    return {
        "dataset": dataset,
        "csv_url": _with_query(reverse("opendata:download-csv", kwargs=kwargs), query),
        "xlsx_url": None
        if too_many_for_xlsx
        else _with_query(reverse("opendata:download-xlsx", kwargs=kwargs), query),
        "xlsx_max_rows": XLSX_MAX_ROWS,
        "count": count,
    }
