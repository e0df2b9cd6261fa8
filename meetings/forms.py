"""Forms of the meeting back office: the meeting page, its inlines, planning (the attendance
tools have theirs in attendance_forms)."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_administrator
from meetings.models import ActionItem, Attendance
from meetings.permissions import projects_attachable_by

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
