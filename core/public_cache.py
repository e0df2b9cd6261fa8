"""Cached counts, filter choices and whole pages of the public site, dropped the moment an
editor changes anything.

Every key carries the *content version*, a token that changes whenever a row of partners,
projects or meetings is saved or deleted (the receivers are connected in apps.py), or
`content_changed()` is called after a write that sends no signals. A new token
orphans every cached entry at once: an editor's change shows on the next request, nothing waits
for an expiry. The orphans age out after PUBLIC_CACHE_SECONDS.

On by default only with a cache that every server process shares (REDIS_URL): with per-process
local memory, a change made through one process would not reach the others' cached entries.
"""

import functools
import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Collection

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from core.signals import public_content_changed

VERSION_KEY = "public-content-version"
# Rendered in place of the CSRF token of a page kept for everyone; each response gets its own.
CSRF_PLACEHOLDER = "csrf-token-of-this-response"


def enabled() -> bool:
    return settings.PUBLIC_CACHE


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed(
    *, model: type[models.Model] | None = None, using: str = DEFAULT_DB_ALIAS
) -> None:
    """Orphan every cached entry and send ``public_content_changed`` (which renews the API's
    stamp), whether or not the cache is on.

    Called on each save and delete of public content, and by every write that sends no model
    signals (``QuerySet.update()``, ``bulk_create()``, a restore): such a write must call it
    itself. ``model``: the model whose rows changed, if only one did.
    """
    public_content_changed.send(sender=model, using=using)
    if not enabled():
        return
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # Once more after the commit: a request that read the old rows under the new token, while
    # the transaction was still open, must not have its entry served from now on.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None), using=using)


def on_model_change(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    if is_public_content(sender):
        content_changed(model=sender, using=using)


def is_public_content(model) -> bool:
    """Whether rows of `model` can show on public pages: those of the public apps, but for
    models that say they never do (`shows_on_public_pages = False`)."""
    return model._meta.app_label in settings.PUBLIC_CONTENT_APPS and getattr(
        model, "shows_on_public_pages", True
    )


def _key(*parts: object) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"public:{content_version()}:{digest}"


class RecentEntries:
    """The entries this process used last, by their versioned key.

    An entry never changes under its key (a change of content makes new keys), so a copy kept
    in the process is as fresh as the shared cache's, and saves fetching a page of several
    hundred kilobytes on every request. The shared cache is still asked for the version.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key: str, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


recent = RecentEntries(size=32)


def _get(key: str, *, in_process: bool):
    value = recent.get(key) if in_process else None
    if value is None:
        value = cache.get(key)
        if value is not None and in_process:
            recent.put(key, value)
    return value


def _set(key: str, value, *, in_process: bool) -> None:
    cache.set(key, value, settings.PUBLIC_CACHE_SECONDS)
    if in_process:
        recent.put(key, value)


def remember[T](
    parts: tuple | Callable[[], tuple], compute: Callable[[], T], *, in_process: bool = False
) -> T:
    """`compute()`, kept until the content changes; `parts` name the value, or return them
    when naming it costs something (an SQL statement compiled), which the cache being off
    then saves. `in_process`: also keep a copy in this process, for large values read on many
    requests."""
    if not enabled():
        return compute()
    key = _key(*(parts() if callable(parts) else parts))
    value = _get(key, in_process=in_process)
    if value is None:
        value = compute()
        _set(key, value, in_process=in_process)
    return value


def query_key(queryset: models.QuerySet) -> tuple:
    """What names the rows of `queryset` in a cache key: its database, SQL and parameters."""
    try:
        return (queryset.db, *queryset.query.sql_with_params())
    except EmptyResultSet:  # .none(), or a filter no row can match
        return (queryset.db, None)


def count(queryset: models.QuerySet) -> int:
    """`queryset.count()`, counted once per content version rather than on every page."""
    return remember(lambda: ("count", *query_key(queryset)), queryset.count)


# --- Whole pages


def _visitor_may_share(request: HttpRequest) -> bool:
    return enabled() and request.method in ("GET", "HEAD") and not request.user.is_authenticated


def recognised_query(query: QueryDict, parameters: Collection[str]) -> QueryDict:
    """The `parameters` of `query` that have a value, in the order of their names.

    The values of one parameter keep their order: a single-choice field reads the last one.
    """
    recognised = QueryDict(mutable=True)
    for name in sorted(parameters):
        values = [value for value in query.getlist(name) if value]
        if values:
            recognised.setlist(name, values)
    recognised._mutable = False
    return recognised


def shared_page(
    view: Callable[..., HttpResponse], *, parameters: Collection[str]
) -> Callable[..., HttpResponse]:
    """Keep the page a view renders for visitors who are not signed in, and serve it to the
    next ones until the content changes.

    The page is rendered with a placeholder for the CSRF token of the language switcher's
    forms; every response gets a token of its own, and its cookie, as an uncached page would.
    The key holds the address without its query string, the language, the date (on which a
    project's status depends) and only the query `parameters` the view reads (see
    `recognised_query`): anything else added to the address would store another copy of the
    same page. The view renders the page from those parameters alone, so that its links
    (pages, language versions) carry nothing of one visitor's address to the next.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _visitor_may_share(request):
            return view(request, *args, **kwargs)
        query = recognised_query(request.GET, parameters)
        key = _key(
            "page",
            request.build_absolute_uri(request.path),
            query.urlencode(),
            translation.get_language(),
            timezone.localdate().isoformat(),
        )
        entry = _get(key, in_process=True)
        if entry is None:
            request.GET = query
            request.META["QUERY_STRING"] = query.urlencode()
            response = view(request, *args, **kwargs)
            if not isinstance(response, TemplateResponse) or response.status_code != 200:
                return response
            response.context_data = {
                **(response.context_data or {}),
                "csrf_token": CSRF_PLACEHOLDER,
            }
            response.render()
            entry = {"content": response.content, "content_type": response["Content-Type"]}
            _set(key, entry, in_process=True)
        token = get_token(request).encode()
        return HttpResponse(
            entry["content"].replace(CSRF_PLACEHOLDER.encode(), token),
            content_type=entry["content_type"],
        )

    return wrapper
