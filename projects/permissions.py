"""Who may do what with projects. The roles themselves are in accounts.roles."""

from django.db.models import QuerySet

from core.scopes import user_scopes
from partners.permissions import ORGANISATIONS_WORKED_WITH
from projects.models import Participation


def coordinated_project_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_coordinated_project_ids"):
        user._coordinated_project_ids = set(user.coordinated_projects.values_list("pk", flat=True))
    return user._coordinated_project_ids


@user_scopes.register(ORGANISATIONS_WORKED_WITH)
def partners_of_coordinated_projects(user) -> QuerySet:
    return Participation.objects.filter(project_id__in=coordinated_project_ids(user)).values(
        "organisation_id"
    )
