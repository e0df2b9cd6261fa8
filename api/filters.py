"""Filters of the API's own lists, which have no public page listing them to share one with.

Every other list takes the FilterSet of its public page (projects, organisations, centres,
meetings), so that one query string selects the same rows in both.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import PublicFilterSet
from partners.enums import RegionKind
from partners.models import Organisation, Region
from projects.enums import ParticipationRole
from projects.models import Participation, Project


class ParticipationFilterSet(PublicFilterSet):
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        help_text=_("A project, by its slug: the roles in that project."),
        to_field_name="slug",
        queryset=Project.objects.published().only("slug", "acronym", "title"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        help_text=_("An organisation, by its slug: its roles in every project."),
        to_field_name="slug",
        queryset=Organisation.objects.reviewed().only("slug", "name"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"),
        help_text=_("Only this role:"),
        choices=ParticipationRole.choices,
    )

    class Meta(PublicFilterSet.Meta):
        model = Participation
        fields = ["project", "organisation", "role"]


class RegionFilterSet(PublicFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), help_text=_("Only places of this kind:"), choices=RegionKind.choices
    )
    parent = django_filters.ModelChoiceFilter(
        label=_("Part of"),
        help_text=_("A place, by its slug: the places directly inside it."),
        to_field_name="slug",
        queryset=Region.objects.only("slug", "name"),
    )

    class Meta(PublicFilterSet.Meta):
        model = Region
        fields = ["kind", "parent"]
