"""django-import-export resources: attendance lists from pasted lines or CSV/XLSX files."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.results import RowResult
from modeltranslation.utils import build_localized_fieldname

from meetings.enums import Presence
from meetings.models import Attendance, Meeting
from meetings.permissions import contacts_for_attendance
from partners.models import Contact, Organisation

#: The columns an attendance list may have, in the order pasted lines use.
ATTENDEE_COLUMNS = ["name", "organisation", "position", "email", "presence"]
#: The number of the row (or line) a person came from, carried along so problems name it.
ROW_COLUMN = "row"


class UnknownOrganisation(ValueError):
    """A name no organisation answers to: the coordinator may add it from the preview."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            _(
                "No organisation called “%(name)s” is known. Correct the name, leave the cell "
                "empty, or add it as a new organisation below."
            )
            % {"name": name}
        )


class OrganisationWidget(widgets.ForeignKeyWidget):
    """An organisation by its name in any language, or by its acronym (any letter case)."""

    def __init__(self) -> None:
        super().__init__(Organisation)

    def clean(self, value, row=None, **kwargs):
        name = " ".join(str(value or "").split())
        if not name:
            return None
        organisation = find_organisation(name)
        if organisation is None:
            raise UnknownOrganisation(name)
        return organisation


def find_organisation(name: str) -> Organisation | None:
    lookup = Q(acronym__iexact=name)
    for code, _label in settings.LANGUAGES:
        lookup |= Q(**{f"{build_localized_fieldname('name', code)}__iexact": name})
    return Organisation.objects.filter(lookup).order_by("pk").first()


class PresenceWidget(widgets.Widget):
    """A presence by its code or its label in the current language; empty means the default."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().casefold()
        if not text:
            return None
        for choice in Presence:
            if text in {choice.value, str(choice.label).casefold()}:
                return choice.value
        raise ValueError(
            _("“%(value)s” is not a presence; use one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(str(label) for label in Presence.labels)}
        )


class AttendeeResource(resources.ModelResource):
    name = fields.Field(attribute="person_name", column_name="name")
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=OrganisationWidget()
    )
    position = fields.Field(attribute="position", column_name="position")
    email = fields.Field(attribute="email", column_name="email")
    presence = fields.Field(attribute="presence", column_name="presence", widget=PresenceWidget())

    class Meta:
        model = Attendance
        fields = ATTENDEE_COLUMNS
        import_id_fields: list[str] = []
        force_init_instance = True
        clean_model_instances = True
        report_skipped = True
        store_row_values = True
        skip_diff = True
        use_transactions = True

    def __init__(self, *, meeting: Meeting, presence: str, imported_by=None) -> None:
        super().__init__()
        self.meeting = meeting
        self.default_presence = presence
        self.imported_by = imported_by
        #: Row number -> the organisation name no organisation answers to.
        self.unknown_organisations: dict[int, str] = {}

    def init_instance(self, row=None) -> Attendance:
        return Attendance(meeting=self.meeting, presence=self.default_presence)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # An empty presence cell keeps the presence chosen for the whole list.
        if field.column_name == "presence" and not str(row.get("presence") or "").strip():
            return
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except UnknownOrganisation as unknown:
            self.unknown_organisations[kwargs["row_number"]] = unknown.name
            raise

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        """Someone already on the list (same e-mail, or same name without one) is skipped."""
        if import_validation_errors or not instance.person_name:
            return False
        listed = Attendance.objects.filter(meeting=self.meeting)
        if instance.email:
            return listed.filter(email__iexact=instance.email).exists()
        return listed.filter(person_name__iexact=instance.person_name.strip()).exists()

    def before_save_instance(self, instance: Attendance, row, **kwargs) -> None:
        if instance.email and instance.contact_id is None:
            instance.contact = (
                self._linkable_contacts(instance)
                .filter(email__iexact=instance.email)
                .order_by("pk")
                .first()
            )
        instance._history_user = self.imported_by

    def _linkable_contacts(self, instance: Attendance):
        """Contacts the importer may read, or of the organisation the row names: saving the row
        puts that organisation at the meeting, where the importer works with its contacts."""
        if self.imported_by is None:
            return Contact.objects.all()
        visible = contacts_for_attendance(self.imported_by, meeting=self.meeting)
        linkable = Q(pk__in=visible.values("pk"))
        if instance.organisation_id:
            linkable |= Q(organisation_id=instance.organisation_id)
        return Contact.objects.filter(linkable)

    def describe_row(self, index: int, row_result: RowResult):
        """One row of an import preview: what the file said and what happens to it.

        The row keeps the number it had in the file (see ROW_COLUMN), else its place."""
        from meetings.services import ImportedRow

        values = {
            column: str(row_result.row_values.get(column) or "").strip()
            for column in ATTENDEE_COLUMNS
        }
        number = str(row_result.row_values.get(ROW_COLUMN) or "")
        number = int(number) if number.isdigit() else index
        if row_result.import_type == RowResult.IMPORT_TYPE_SKIP:
            return ImportedRow(number=number, values=values, status="skipped")
        if row_result.import_type == RowResult.IMPORT_TYPE_INVALID:
            return ImportedRow(
                number=number,
                values=values,
                status="error",
                errors=self._messages(row_result.validation_error),
                unknown_organisation=self.unknown_organisations.get(index, ""),
            )
        if row_result.errors:
            return ImportedRow(
                number=number,
                values=values,
                status="error",
                errors=[_("This row could not be read.")],
            )
        return ImportedRow(number=number, values=values, status="new")

    @staticmethod
    def _messages(error) -> list[str]:
        labels = {
            "person_name": _("Name"),
            "organisation": _("Organisation"),
            "position": _("Position"),
            "email": _("E-mail"),
            "presence": _("Presence"),
        }
        if not hasattr(error, "error_dict"):
            return [str(message) for message in error.messages]
        return [
            f"{labels.get(name, name)}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
