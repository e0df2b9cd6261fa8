"""The map page: centres, organisations and meeting venues, filtered as their lists are."""

from types import SimpleNamespace

import django_filters
from django import forms
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.filters import PublicFilterForm
from maps.points import point_set, public_centres, public_meetings, public_organisations
from meetings.filters import MeetingFilterSet
from partners.filters import CentreFilterSet, OrganisationFilterSet

# Left at "any", the map shows every kind, unfiltered.
SHOW_CHOICES = [
    ("centres", _("Integration centres")),
    ("organisations", _("Organisations")),
    ("meetings", _("Meeting venues")),
]


class ShowForm(PublicFilterForm):
    show = forms.ChoiceField(label=_("Show"), choices=SHOW_CHOICES, required=False)


class ShowFilter(django_filters.ChoiceFilter):
    """The "show" choice inside a list's FilterSet: the view reads it, the rows ignore it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label=_("Show"), choices=SHOW_CHOICES, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs


def with_show_choice(filterset_class: type) -> type:
    """The list's own FilterSet with the "show" choice added, so one form holds both."""
    return type(f"Map{filterset_class.__name__}", (filterset_class,), {"show": ShowFilter()})


# What the map may show, each with its list's own filters (the same FilterSet, not a copy).
LAYERS = {
    "centres": ("centre", with_show_choice(CentreFilterSet), public_centres, "name"),
    "organisations": (
        "organisation",
        with_show_choice(OrganisationFilterSet),
        public_organisations,
        "name",
    ),
    "meetings": ("meeting", with_show_choice(MeetingFilterSet), public_meetings, "-starts_at"),
}


def map_page(request):
    """One kind of place with its list's filters, or everything unfiltered.

    The chosen kind's filters join the "show" choice in one form, which the filter form include
    renders as on the lists; changing the kind and applying shows the new kind's filters.
    """
    show_form = ShowForm(request.GET)
    show = show_form.cleaned_data["show"] if show_form.is_valid() else ""
    if show:
        kind, filterset_class, rows, default_order = LAYERS[show]
        filterset = filterset_class(request.GET, queryset=rows().order_by(default_order))
        filterset.form.order_fields(["show"])
        points = point_set(**{kind: filterset.qs})
        form_holder = filterset
    else:
        points = point_set(
            centre=public_centres().order_by("name"),
            organisation=public_organisations().order_by("name"),
            meeting=public_meetings().order_by("-starts_at"),
        )
        form_holder = SimpleNamespace(form=show_form)
    return render(request, "maps/map_page.html", {"filter": form_holder, "points": points})
