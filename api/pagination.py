from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from core.views import ListPaginator


class ApiPagination(PageNumberPagination):
    """Numbered pages with the total, the links to the next and previous pages and to the
    first and last; counted as the public lists count (core.views.ListPaginator)."""

    django_paginator_class = ListPaginator
    page_size_query_param = "page_size"

    def get_page_size(self, request) -> int:
        value = request.query_params.get(self.page_size_query_param)
        if value in (None, ""):
            return settings.API_PAGE_SIZE
        maximum = settings.API_MAX_PAGE_SIZE
        if not value.isdigit() or not 1 <= int(value) <= maximum:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(maximum)d.") % {"maximum": maximum}
                    ]
                }
            )
        return int(value)

    def paginate_queryset(self, queryset, request, view=None):
        number = request.query_params.get(self.page_query_param)
        if number not in (None, "") and not (number.isdigit() and int(number) >= 1):
            raise ValidationError(
                {self.page_query_param: [_("Give a page number: a whole number from 1.")]}
            )
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise NotFound(_("There is no page %(number)s.") % {"number": number}) from None

    def get_paginated_response(self, data) -> Response:
        pages = self.page.paginator.num_pages
        return Response(
            {
                "count": self.page.paginator.count,
                "pages": pages,
                "first": self._page_link(1),
                "previous": self.get_previous_link(),
                "next": self.get_next_link(),
                "last": self._page_link(pages),
                "results": data,
            }
        )

    def _page_link(self, number: int) -> str:
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, number)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        properties["pages"] = {"type": "integer", "example": 7}
        for name in ("first", "last"):
            properties[name] = {"type": "string", "format": "uri"}
        response["required"] = ["count", "pages", "first", "last", "next", "previous", "results"]
        return response
