"""Forms of the projects admin that need both people (accounts) and projects in view."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role
from core.admin import LookupSafeModelMultipleChoiceField
from projects.models import Project


class AddPersonForm(forms.ModelForm):
    """A new person in one step: who they are, their role and, for a coordinator, the projects
    they coordinate. They choose their own password from the link they are sent."""

    role = forms.ChoiceField(label=_("role"), choices=Role.choices)
    projects = LookupSafeModelMultipleChoiceField(
        label=_("projects coordinated"),
        queryset=Project.objects.order_by("acronym", "title"),
        required=False,
        help_text=_("For a coordinator: the projects whose meetings they log."),
    )

    class Meta:
        model = User
        fields = ["email", "full_name"]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("role") == Role.COORDINATOR and not cleaned_data.get("projects"):
            self.add_error("projects", _("Choose the projects this coordinator coordinates."))
        elif cleaned_data.get("role") != Role.COORDINATOR and cleaned_data.get("projects"):
            self.add_error("projects", _("Only coordinators are named on projects."))
        return cleaned_data
