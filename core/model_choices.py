"""Choices of model choice fields, read without Django's per-row and per-copy costs."""

from django.forms.models import ModelChoiceIterator


class ChoicesReadOnce(ModelChoiceIterator):
    """A model choice field's choices, read from the database at once, and once for all the
    rows of an inline.

    Django reads a list's choices again for each row it shows (and for the blank row of the
    "add another" link). Set as a field's `choices`, this iterator is shared by the copies of
    the field that each row's form makes, and keeps what it read for them all; the submitted
    value is still checked against the field's queryset. Set as a field's `iterator`, it reads
    a short list without the server-side cursor of Django's own.
    """

    def __init__(self, field):
        super().__init__(field)
        self._read: list = []  # shared by the shallow copies of each row's widget

    def __iter__(self):
        if not self._read:
            # All at once: ModelChoiceIterator's iterator() would hold a server-side cursor
            # open on PostgreSQL for the few rows of a list.
            choices = [self.choice(row) for row in self.queryset.all()]
            if self.field.empty_label is not None:
                choices.insert(0, ("", self.field.empty_label))
            self._read.append(choices)
        return iter(self._read[0])

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __bool__(self) -> bool:
        return len(self) > 0
