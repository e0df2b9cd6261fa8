"""Private rows: read inside a user's scope only, so that a read nobody scoped fails loudly.

Attendance lists, contacts, follow-ups and private attachments must never reach a page, feed,
PDF or export of someone not entitled to them. Rather than trusting every query to remember a
filter, their models' default manager narrows itself to the rows that the user of the active
scope may read. The scope is django-scopes' ``scope(user=...)``, which a middleware enters for
every request; with no scope active the manager raises ``ScopeError``; inside
``scopes_disabled()`` it reads every row, which code that legitimately reads for everyone
(totals on public pages, commands, erasure on request) says explicitly.

The rules themselves stay in each app's permissions module, which registers them here for its
models: ``core`` sits below the apps and cannot import them.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django_scopes import get_scope, scopes_disabled
from django_scopes.manager import DisabledQuerySet

# Narrows `rows` (every row of one model, or a queryset built from them) for a user.
Rule = Callable[[models.QuerySet, Any], models.QuerySet]

VISIBLE = "visible"
EDITABLE = "editable"


class PrivateRowRules:
    """Which rows of each private model a user may read, and which they may change."""

    def __init__(self) -> None:
        self._rules: dict[tuple[str, str], Rule] = {}

    def _register(self, kind: str, *models_: type[models.Model]) -> Callable[[Rule], Rule]:
        def decorator(rule: Rule) -> Rule:
            for model in models_:
                self._rules[(kind, model._meta.label)] = rule
            return rule

        return decorator

    def visible(self, *models_: type[models.Model]) -> Callable[[Rule], Rule]:
        return self._register(VISIBLE, *models_)

    def editable(self, *models_: type[models.Model]) -> Callable[[Rule], Rule]:
        return self._register(EDITABLE, *models_)

    def narrow(self, kind: str, rows: models.QuerySet, user) -> models.QuerySet:
        try:
            rule = self._rules[(kind, rows.model._meta.label)]
        except KeyError:
            raise ImproperlyConfigured(
                f"No rule says which {rows.model._meta.label} rows a user may see or change: "
                f"register one in the app's permissions module."
            ) from None
        return rule(rows, user)._chain()


private_rows = PrivateRowRules()


class PrivateQuerySet(models.QuerySet):
    """Rows of a private model, narrowed on request to those a user may read or change."""

    # The user whose readable rows these already are, so the admin's explicit
    # `visible_to(request.user)` does not repeat the scope's filter in the SQL.
    _visible_to = None

    def _clone(self):
        clone = super()._clone()
        clone._visible_to = self._visible_to
        return clone

    def visible_to(self, user) -> "PrivateQuerySet":
        if self._visible_to is not None and self._visible_to is user:
            return self
        rows = private_rows.narrow(VISIBLE, self, user)
        rows._visible_to = user
        return rows

    def editable_by(self, user) -> "PrivateQuerySet":
        return private_rows.narrow(EDITABLE, self, user)


class UnscopedQuerySet(DisabledQuerySet):
    """What the manager hands out with no scope active: refuses every read.

    django-scopes' own class lets a few reads through that give facts away too, and refuses
    `all()`, which reads nothing: Django's form fields call it on the default manager's rows
    when a ModelForm class is defined, at import.
    """

    def all(self):
        return self._chain()

    exclude = DisabledQuerySet.error
    exists = DisabledQuerySet.error
    contains = DisabledQuerySet.error
    in_bulk = DisabledQuerySet.error
    explain = DisabledQuerySet.error


_unscoped_classes: dict[type, type] = {}


def _refusing(rows: models.QuerySet) -> models.QuerySet:
    # Keep the model's own QuerySet methods (`present()`, `open()`): they then refuse as well,
    # with ScopeError rather than an AttributeError.
    queryset_class = type(rows)
    if queryset_class not in _unscoped_classes:
        _unscoped_classes[queryset_class] = type(
            f"Unscoped{queryset_class.__name__}", (UnscopedQuerySet, queryset_class), {}
        )
    return _unscoped_classes[queryset_class](
        rows.model, using=rows._db, hints=rows._hints, missing_scopes=["user"]
    )


def _narrowed_once(rows: PrivateQuerySet, user) -> PrivateQuerySet:
    """All of a model's rows that `user` may read, narrowed by the rule once for the user
    object, that is, once per request, and copied for each later use. A change form reads
    them for every inline row's key and choice field: each narrowing builds the rule's
    subqueries anew, which took a tenth of the page's time. A related manager's rows
    (`meeting.attendances`) are its instance's own, and narrowed each time."""
    if rows._hints:
        return rows.visible_to(user)
    narrowed = user.__dict__.setdefault("_private_rows_visible", {})
    key = (rows.model, rows._db)
    if key not in narrowed:
        narrowed[key] = rows.visible_to(user)
    return narrowed[key]._chain()


class PrivateRowsManager(models.Manager.from_queryset(PrivateQuerySet)):
    """The default manager of a private model, and so of its related managers
    (`meeting.attendances`) and prefetches: inlines and reports are scoped by construction.

    Django itself reads through the unscoped `_base_manager` where it must see every row:
    cascading deletes, saving, following a foreign key from a row already read.
    """

    def get_queryset(self) -> models.QuerySet:
        rows = super().get_queryset()
        current = get_scope()
        if not current.get("_enabled", True):
            return rows
        if "user" not in current:
            return _refusing(rows)
        return _narrowed_once(rows, current["user"])

    def all(self) -> models.QuerySet:
        rows = super().all()
        if isinstance(rows, UnscopedQuerySet):
            rows.error()  # At the line that forgot the scope, not where the rows are read.
        return rows

    # For a named user, whatever the scope: the question states whose rows they are.

    def visible_to(self, user) -> PrivateQuerySet:
        return _narrowed_once(self._every_row(), user)

    def editable_by(self, user) -> PrivateQuerySet:
        return self._every_row().editable_by(user)

    def _every_row(self) -> PrivateQuerySet:
        # Through get_queryset, so that a related manager (`meeting.attendances`) keeps its
        # own filter; the queryset is built at once, so leaving the block changes nothing.
        with scopes_disabled():
            return self.get_queryset()
