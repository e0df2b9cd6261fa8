"""Request guards: the admin's content security policy, the database-outage page, NUL bytes,
and the scope in which private rows are read."""

import logging
import sys

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.loader import render_to_string
from django_scopes import scope

logger = logging.getLogger(__name__)

# What a database that is restarting, unreachable or refusing connections raises.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class AdminContentSecurityPolicyMiddleware:
    """Send SECURE_CSP_ADMIN instead of SECURE_CSP on the admin's pages.

    Django's own admin works under the strict policy with nonces; some admin add-ons still
    use inline style attributes, which a nonce cannot cover.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response


def database_unavailable_response() -> HttpResponse:
    """The 503 page, rendered without the request: its session and user live in the database."""
    try:
        content = render_to_string("503.html")
    except Exception:  # The page must never fail worse than the outage it reports.
        logger.exception("The 503 page could not be rendered")
        content = "<!doctype html><title>503</title><h1>Service unavailable</h1>"
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception, dispatch_uid="integration_portal.database_outage")
def _remember_database_outage(sender, request=None, **kwargs) -> None:
    # Sent while the exception is handled, also for errors raised inside other middleware
    # (a session saved on the way out), which process_exception never sees.
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_DOWN):
        request._database_unavailable = True


class DatabaseUnavailableMiddleware:
    """Answer a clear 503 page, not a 500, while the database cannot be reached.

    Django reconnects by itself on the next request (CONN_HEALTH_CHECKS), so no step is needed
    once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "_database_unavailable", False):
            return database_unavailable_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        return database_unavailable_response()


class RejectNulInQueryMiddleware:
    """Answer 400 to a NUL byte in the path, query string or form fields.

    No text in the portal contains one, and PostgreSQL refuses them in queries, so a NUL that
    reached a filter or a lookup would otherwise end as a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _has_nul(request.GET) or _has_nul(_form_fields(request)):
            raise BadRequest("NUL byte in the request")
        return self.get_response(request)


def _form_fields(request: HttpRequest) -> QueryDict:
    if request.method != "POST" or request.content_type not in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        return QueryDict()
    return request.POST


def _has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in data.getlist(key)) for key in data)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY`` on every response.

    Django has no setting for this header. The setting maps each browser feature to the
    origins allowed to use it: ``[]`` denies it to the page and to anything the page embeds,
    ``["self"]`` allows the portal's own pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``."""

    def origin(value: str) -> str:
        return value if value in {"self", "*"} else f'"{value}"'

    return ", ".join(
        f"{feature}=*" if "*" in origins else f"{feature}=({' '.join(map(origin, origins))})"
        for feature, origins in policy.items()
    )


class PrivateRowsScopeMiddleware:
    """Run the view inside `scope(user=request.user)`.

    The managers of private rows (attendance, contacts, action items, attachments) then narrow
    every read to what the signed-in user may see, in the admin, the staff pages, the PDFs and
    the public pages alike; a read outside any scope raises instead (core.private_rows).
    Placed after the sign-in and the second factor, so that `request.user` is the one allowed
    in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with scope(user=request.user):
            return self.get_response(request)
