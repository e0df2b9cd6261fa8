from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_staff_reader
from core.quarters import QUARTER_CHOICES, Quarter
from partners.enums import RegionKind
from partners.models import Region
from projects.models import Project
from projects.permissions import coordinated_project_ids

FIRST_YEAR = 2014


class QuarterlyReportForm(forms.Form):
    """Which quarter, and a project or a region: the projects offered are the reader's own."""

    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), required=False
    )
    region = forms.ModelChoiceField(
        label=_("or region"),
        queryset=Region.objects.exclude(kind=RegionKind.CITY).order_by("path"),
        required=False,
        help_text=_("Meetings coordinating the region or held anywhere in it."),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int, choices=QUARTER_CHOICES)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        projects = Project.objects.order_by("title")
        if not is_staff_reader(user):
            projects = projects.filter(pk__in=coordinated_project_ids(user))
        self.fields["project"].queryset = projects
        self.fields["project"].label_from_instance = lambda project: project.title
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["region"].label_from_instance = lambda region: (
            "\u2003" * max(region.depth - 1, 0) + region.name
        )

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("project")) == bool(data.get("region")):
            raise forms.ValidationError(_("Choose either a project or a region."), code="scope")
        return data

    @property
    def quarter_chosen(self) -> Quarter:
        return Quarter(self.cleaned_data["year"], self.cleaned_data["quarter"])
