"""Forms of the attendance tools: importing a list of people, and marking who came."""

from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import transaction
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from meetings.attendee_files import AttendeeList, read_back, read_pasted, read_upload, write_back
from meetings.enums import Presence
from meetings.models import Attendance

# --- Importing attendees


class AttendeeImportForm(forms.Form):
    pasted = forms.CharField(
        label=_("Paste people, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_(
            "Name, organisation, position and e-mail, separated by commas, semicolons or tabs "
            "(as when copying from a spreadsheet). Only the name is required."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a spreadsheet"),
        required=False,
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_(
            "CSV or XLSX, with a first row naming the columns: name, organisation, position, "
            "email, presence (in English, Romanian or Bulgarian). CSV files saved by Excel "
            "with commas or semicolons are read as they are; other columns are left out."
        ),
    )
    presence = forms.ChoiceField(
        label=_("Presence of the people imported"),
        choices=Presence.choices,
        help_text=_("Used where the list has no presence column or leaves it empty."),
    )

    def clean(self):
        cleaned = super().clean()
        pasted, upload = cleaned.get("pasted", "").strip(), cleaned.get("file")
        if self.errors:
            return cleaned
        if bool(pasted) == bool(upload):
            raise ValidationError(
                _("Paste some lines or choose a file (not both)."), code="one_source"
            )
        people = read_pasted(pasted) if pasted else read_upload(upload)
        cleaned["people"] = people
        cleaned["dataset"] = people.dataset
        return cleaned


class AnyNamesField(forms.MultipleChoiceField):
    """Organisation names offered by the preview: the import itself checks each one against
    the list, so any name sent back is acceptable here."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value) -> bool:
        return 0 < len(str(value)) <= 255


class AttendeeImportConfirmForm(forms.Form):
    """The previewed rows, sent back as CSV to be imported for real (and checked again), and
    the unknown organisations the coordinator chose to add."""

    rows = forms.CharField(widget=forms.HiddenInput)
    presence = forms.ChoiceField(choices=Presence.choices, widget=forms.HiddenInput)
    add_organisations = AnyNamesField(
        label=_("Add as new organisations"),
        required=False,
        help_text=_(
            "Tick the names that are organisations the portal does not know yet, after "
            "checking their spelling. They are added for this list and shown on the public "
            "site once an editor has reviewed them."
        ),
    )

    def __init__(self, *args, unknown_organisations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = list(unknown_organisations)
        self.fields["add_organisations"].choices = [(name, name) for name in names]
        if not names and not self.is_bound:
            del self.fields["add_organisations"]

    @classmethod
    def for_preview(cls, people: AttendeeList, *, presence: str, unknown_organisations=()):
        return cls(
            initial={"rows": write_back(people.dataset), "presence": presence},
            unknown_organisations=unknown_organisations,
        )

    def clean_rows(self):
        return read_back(self.cleaned_data["rows"])


# --- Marking who came

#: The marks a coordinator gives at or after the meeting; "expected" is what is left unmarked.
MARKS = [
    (Presence.ATTENDED, _("Present")),
    (Presence.ABSENT, _("Absent")),
    (Presence.EXCUSED, _("Excused")),
]


class PresenceMarkForm(forms.ModelForm):
    presence = forms.ChoiceField(
        label=_("Presence"), choices=MARKS, required=False, widget=forms.RadioSelect
    )

    class Meta:
        model = Attendance
        fields = ["presence"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.saved_presence = self.instance.presence
        if self.instance.presence == Presence.EXPECTED:
            self.initial["presence"] = ""

    def clean_presence(self) -> str:
        # Left unmarked: the person stays expected (or keeps the mark they had).
        return self.cleaned_data["presence"] or self.saved_presence


class BasePresenceFormSet(BaseModelFormSet):
    """One form per person on the list; only their presence changes, and no one is added."""

    def save_marks(self, *, all_present: bool = False, by=None) -> Counter:
        """Save every changed mark in one transaction; with `all_present`, everyone still
        unmarked is marked present first. Returns how many people have each presence."""
        marks = Counter()
        with transaction.atomic():
            for form in self.forms:
                attendance = form.instance
                presence = form.cleaned_data["presence"]
                if all_present and presence == Presence.EXPECTED:
                    presence = Presence.ATTENDED
                attendance.presence = presence
                if presence != form.saved_presence:
                    attendance._history_user = by
                    attendance.save(update_fields=["presence"])
                marks[presence] += 1
        return marks


PresenceFormSet = modelformset_factory(
    Attendance, form=PresenceMarkForm, formset=BasePresenceFormSet, extra=0, edit_only=True
)
