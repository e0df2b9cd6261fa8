from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's answers, with the parameters a 400 refuses listed under "errors" by name:
    {"detail": "…", "errors": {"year": ["…"]}}."""
    response = drf_exception_handler(exc, context)
    if (
        response is not None
        and response.status_code == status.HTTP_400_BAD_REQUEST
        and isinstance(response.data, dict)
        and "detail" not in response.data
    ):
        response.data = {
            "detail": _("Some parameters are not valid."),
            "errors": response.data,
        }
    return response
