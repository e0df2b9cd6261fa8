"""Calendar quarters: the rhythm of coordination meetings and of the reports on them."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

QUARTER_CHOICES = [
    (1, _("Q1 (January–March)")),
    (2, _("Q2 (April–June)")),
    (3, _("Q3 (July–September)")),
    (4, _("Q4 (October–December)")),
]


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, bounded in the active time zone; quarters sort in time order."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise ValueError(f"A quarter is numbered 1 to 4, not {self.number}.")

    @classmethod
    def containing(cls, day: datetime.date) -> "Quarter":
        """The quarter of a day: 2026-11-23 is in Q4 2026."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def next(self) -> "Quarter":
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    @property
    def last_day(self) -> datetime.date:
        return self.next.first_day - datetime.timedelta(days=1)

    @property
    def starts_at(self) -> datetime.datetime:
        return _start_of(self.first_day)

    @property
    def ends_at(self) -> datetime.datetime:
        """The first instant after the quarter."""
        return _start_of(self.next.first_day)

    @property
    def label(self) -> str:
        return gettext("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}

    def __str__(self) -> str:
        return self.label


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
