"""Downloads of the public lists, the data package, the DCAT catalogue and the Open data page."""

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from core import public_cache
from core.site_address import site_url
from opendata.catalogue import API_DOCS_PATH, catalogue
from opendata.datapackage import data_package
from opendata.datasets import BY_NAME, DATASETS
from opendata.licence import ATTRIBUTION, LICENCE_URL
from opendata.rows import InvalidFilters, list_rows
from opendata.writers import (
    CHUNK_SIZE,
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    XLSX_MAX_ROWS,
    csv_lines,
    xlsx_file,
)


def _dataset_or_404(name: str):
    try:
        return BY_NAME[name]
    except KeyError:
        raise Http404(name) from None


def _bad_filters(errors: dict) -> HttpResponse:
    lines = [_("These filters are not valid:")]
    lines += [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


def _in_language(lines, language: str):
    # The file is written after the view has returned, while the server sends it: the texts
    # must still come in the language of the request.
    with translation.override(language):
        yield from lines


def download_csv(request: HttpRequest, name: str) -> HttpResponse:
    dataset = _dataset_or_404(name)
    try:
        rows = list_rows(dataset, request)
    except InvalidFilters as invalid:
        return _bad_filters(invalid.errors)
    lines = csv_lines(dataset, rows.iterator(chunk_size=CHUNK_SIZE))
    response = StreamingHttpResponse(
        _in_language(lines, translation.get_language()),
        content_type=f"{CSV_CONTENT_TYPE}; charset=utf-8; header=present",
    )
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}.csv"'
    return response


def download_xlsx(request: HttpRequest, name: str) -> HttpResponse:
    dataset = _dataset_or_404(name)
    try:
        rows = list_rows(dataset, request)
    except InvalidFilters as invalid:
        return _bad_filters(invalid.errors)
    count = public_cache.count(rows)
    if count > XLSX_MAX_ROWS:
        return HttpResponse(
            _(
                "An XLSX file holds at most %(limit)s rows and these filters select %(count)s. "
                "Narrow the filters, or download the CSV file, which holds every row."
            )
            % {"limit": XLSX_MAX_ROWS, "count": count},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(
        xlsx_file(dataset, rows.iterator(chunk_size=CHUNK_SIZE)),
        as_attachment=True,
        filename=f"{dataset.name}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
    )


def datapackage_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(data_package(), json_dumps_params={"ensure_ascii": False, "indent": 2})


def dcat_catalogue(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        catalogue(),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def open_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opendata/open_data.html",
        {
            "datasets": DATASETS,
            "licence_url": LICENCE_URL,
            "attribution": ATTRIBUTION % {"address": site_url("/")},
            "api_docs_url": f"{API_DOCS_PATH}?lang={translation.get_language()}",
            "xlsx_max_rows": XLSX_MAX_ROWS,
            "breadcrumbs": [{"label": _("Open data")}],
        },
    )
