"""Forms of the meeting back office: the meeting page, its inlines, attendee import, planning."""

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.forms.models import BaseInlineFormSet
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import CSV, XLSX

from accounts.roles import is_administrator
from meetings.enums import Presence
from meetings.models import ActionItem, Attendance
from meetings.permissions import projects_attachable_by
from meetings.resources import ATTENDEE_COLUMNS

# --- The meeting page


class CarriedActionItemsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, item: ActionItem):
        details = [
            item.meeting.title,
            date_format(item.meeting.local_starts_at, "DATE_FORMAT"),
        ]
        if item.responsible_organisation:
            details.append(str(item.responsible_organisation))
        if item.due_date:
            details.append(_("due %(date)s") % {"date": date_format(item.due_date, "DATE_FORMAT")})
        return format_html("{} <small>({})</small>", item.text, "; ".join(details))


class MeetingAdminForm(forms.ModelForm):
    """The admin builds this form's fields from its fieldsets; it adds the closing of items."""

    close_action_items = CarriedActionItemsField(
        queryset=ActionItem.objects.none(),
        required=False,
        label=_("Close at this meeting"),
        help_text=_(
            "Open action items from earlier meetings of the same projects. Tick those done: "
            "they are closed with this meeting and its date."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "close_action_items" in self.fields:
            # Set by MeetingAdmin.get_object for the user at hand; nothing without it.
            self.fields["close_action_items"].queryset = getattr(
                self.instance, "carried_action_items", ActionItem.objects.none()
            )


class MeetingProjectFormSet(BaseInlineFormSet):
    """The projects of a meeting. A coordinator files meetings under their own projects only,
    and a meeting they save keeps at least one of them (or they would lose it)."""

    user = None  # set by the inline for each request

    def clean(self) -> None:
        super().clean()
        if self.user is None or is_administrator(self.user):
            return
        own = set(projects_attachable_by(self.user).values_list("pk", flat=True))
        kept = [
            form.cleaned_data.get("project")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(project and project.pk in own for project in kept):
            raise ValidationError(
                _("Add at least one of the projects you coordinate to this meeting."),
                code="no_own_project",
            )


class AttendanceInlineForm(forms.ModelForm):
    """Pick a contact and the name, organisation, position and e-mail come from it; or type."""

    class Meta:
        model = Attendance
        fields = ["person_name", "organisation", "position", "email", "presence", "contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_name"].required = False
        self.fields["person_name"].help_text = _("Filled in from the contact if left empty.")

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        if contact:
            cleaned["person_name"] = cleaned.get("person_name") or contact.name
            cleaned["organisation"] = cleaned.get("organisation") or contact.organisation
            cleaned["position"] = cleaned.get("position") or contact.position
            cleaned["email"] = cleaned.get("email") or contact.email
        if not cleaned.get("person_name"):
            self.add_error("person_name", _("Type a name or choose a contact."))
        return cleaned


# --- Importing attendees

MAX_IMPORT_ROWS = 500
MAX_IMPORT_BYTES = 2 * 1024 * 1024

HEADER_ALIASES = {
    "name": {"name", "full name", "person", "nume", "име"},
    "organisation": {"organisation", "organization", "institution", "organizație", "организация"},
    "position": {"position", "role", "job title", "funcție", "длъжност"},
    "email": {"email", "e-mail", "mail", "адрес"},
    "presence": {"presence", "prezență", "присъствие"},
}


def _canonical_column(header) -> str | None:
    text = str(header or "").strip().casefold()
    for column, aliases in HEADER_ALIASES.items():
        if text in aliases:
            return column
    return None


def normalised_attendees(source: tablib.Dataset, *, positional: bool = False) -> tablib.Dataset:
    """The people in `source` under the columns of ATTENDEE_COLUMNS, blank lines left out.

    With `positional`, columns are taken in that order (pasted lines have no header row),
    unless the first line is itself a header row.
    """
    rows = [list(row) for row in source]
    if positional:
        first = rows[0] if rows else []
        if first and _canonical_column(first[0]) == "name":
            headers, rows = [_canonical_column(cell) for cell in first], rows[1:]
        else:
            headers = ATTENDEE_COLUMNS[: max((len(row) for row in rows), default=1)]
    else:
        headers = [_canonical_column(header) for header in source.headers or []]
        if "name" not in headers:
            raise ValidationError(
                _("The first row must name the columns, with at least a “name” column."),
                code="no_name_column",
            )
    wanted = [column for column in ATTENDEE_COLUMNS if column in headers]
    dataset = tablib.Dataset(headers=wanted)
    for row in rows:
        cells = {
            column: str(value).strip() if value is not None else ""
            for column, value in zip(headers, row, strict=False)
            if column
        }
        if any(cells.values()):
            dataset.append([cells.get(column, "") for column in wanted])
    if not len(dataset):
        raise ValidationError(_("No people were found to import."), code="empty")
    if len(dataset) > MAX_IMPORT_ROWS:
        raise ValidationError(
            _("At most %(limit)d people can be imported at once."),
            code="too_many_rows",
            params={"limit": MAX_IMPORT_ROWS},
        )
    return dataset


def _read_pasted(text: str) -> tablib.Dataset:
    delimiter = "\t" if "\t" in text else ";" if ";" in text else ","
    lines = tablib.Dataset()
    lines.load(text.strip(), format="csv", delimiter=delimiter, headers=False)
    # Lines of different lengths are fine: pad them so the dataset stays rectangular.
    width = max((len(row) for row in lines), default=1)
    padded = tablib.Dataset()
    for row in lines:
        padded.append(list(row) + [""] * (width - len(row)))
    return normalised_attendees(padded, positional=True)


def _read_file(upload) -> tablib.Dataset:
    content = upload.read()
    try:
        if upload.name.lower().endswith(".xlsx"):
            dataset = XLSX().create_dataset(content)
        else:
            dataset = CSV().create_dataset(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(
            _("This CSV file is not in UTF-8. Save it as “CSV UTF-8” and try again."),
            code="encoding",
        ) from None
    except Exception:
        # openpyxl and the csv reader raise many kinds of errors for a damaged file.
        raise ValidationError(
            _("This file could not be read as a CSV or XLSX spreadsheet."), code="unreadable"
        ) from None
    return normalised_attendees(dataset)


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
            "CSV (UTF-8) or XLSX, with a first row naming the columns: name, organisation, "
            "position, email, presence."
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
        if upload and upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is too large to import."), code="too_large")
        cleaned["dataset"] = _read_pasted(pasted) if pasted else _read_file(upload)
        return cleaned


class AttendeeImportConfirmForm(forms.Form):
    """The previewed rows, sent back as CSV to be imported for real (and checked again)."""

    rows = forms.CharField(widget=forms.HiddenInput)
    presence = forms.ChoiceField(choices=Presence.choices, widget=forms.HiddenInput)

    def clean_rows(self) -> tablib.Dataset:
        try:
            dataset = CSV().create_dataset(self.cleaned_data["rows"])
        except Exception:
            raise ValidationError(_("The preview could not be read back."), code="bad") from None
        return normalised_attendees(dataset)


# --- Planning


class NextQuarterlyMeetingForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=None,
        help_text=_("The new meeting starts from this project's latest quarterly meeting."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        projects = projects_attachable_by(user).order_by("acronym", "title")
        self.fields["project"].queryset = projects
        if not self.initial.get("project"):
            only = list(projects[:2])
            if len(only) == 1:
                self.initial["project"] = only[0].pk
