"""Erasure of a person's rows that higher apps keep, run by the erasure of the apps below.

`meetings.privacy.erase_person` erases contacts, attendance and feedback, but an app above
`meetings` (the reminders' queue and sent-mail log) cannot be imported by it. Such an app
registers, in its `ready()`, a function that erases its own rows for an e-mail address; the
erasure calls every registered function inside its transaction.
"""

from collections.abc import Callable

# Called as hook(email=..., dry_run=...); returns how many rows it erased (or would erase).
ErasureHook = Callable[..., int]


class ErasureRegistry:
    def __init__(self) -> None:
        self._hooks: dict[str, ErasureHook] = {}

    def register(self, label: str) -> Callable[[ErasureHook], ErasureHook]:
        """Erase with the decorated function too; `label` names its rows in reports
        ("reminder e-mails")."""

        def decorator(hook: ErasureHook) -> ErasureHook:
            self._hooks[label] = hook
            return hook

        return decorator

    def erase(self, *, email: str, dry_run: bool) -> dict[str, int]:
        """Run every hook; the count each erased, by label."""
        return {label: hook(email=email, dry_run=dry_run) for label, hook in self._hooks.items()}


person_erasure = ErasureRegistry()
