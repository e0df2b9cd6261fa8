"""Parts of a user's row scope that higher apps contribute to a lower app's permissions.

Which contacts a coordinator may read depends on the projects they coordinate and on those
projects' meetings, yet `partners` sits below `projects` and `meetings` and never imports them.
Instead the lower app names a scope (the organisations a user works with), each higher app
registers in its `ready()` a function giving its part of that scope for a user, and the lower
app's permissions module combines the parts.
"""

from collections import defaultdict
from collections.abc import Callable

from django.db.models import QuerySet

# For a user: a queryset of the single column of keys that the contributing app adds.
ScopePart = Callable[[object], QuerySet]


class ScopeRegistry:
    def __init__(self) -> None:
        self._parts: dict[str, list[ScopePart]] = defaultdict(list)

    def register(self, scope: str) -> Callable[[ScopePart], ScopePart]:
        """Add the decorated function's keys to `scope`."""

        def decorator(part: ScopePart) -> ScopePart:
            if part not in self._parts[scope]:
                self._parts[scope].append(part)
            return part

        return decorator

    def keys_for(self, scope: str, user) -> QuerySet | None:
        """Every key the registered parts give `user`, as one query; None if no app has a part.

        A union rather than one OR of several subqueries: each part is answered from its own
        index.
        """
        parts = [part(user).order_by() for part in self._parts[scope]]
        if not parts:
            return None
        return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


user_scopes = ScopeRegistry()
