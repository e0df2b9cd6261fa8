"""Who may read and change which contacts. The roles themselves are in accounts.roles.

A coordinator works with the organisations taking part in their projects: the projects'
partners and the organisations at the projects' meetings. Those links belong to `projects` and
`meetings`, which register their part of the scope `ORGANISATIONS_WORKED_WITH` (core.scopes).
The contacts admin, its autocomplete and the attendance lists that pick contacts all go through
these functions.
"""

from django.db.models import QuerySet

from accounts.roles import is_administrator, is_coordinator, is_staff_reader
from core.scopes import user_scopes
from partners.models import Contact, Organisation

ORGANISATIONS_WORKED_WITH = "partners.organisations-worked-with"


def organisations_worked_with(user) -> QuerySet[Organisation]:
    """The organisations taking part in the projects the user coordinates."""
    keys = user_scopes.keys_for(ORGANISATIONS_WORKED_WITH, user)
    if keys is None or not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=keys)


def _contacts_worked_with(user) -> QuerySet[Contact]:
    return Contact.objects.filter(organisation__in=organisations_worked_with(user).values("pk"))


def contacts_visible_to(user) -> QuerySet[Contact]:
    if is_staff_reader(user):
        return Contact.objects.all()
    if is_coordinator(user):
        return _contacts_worked_with(user)
    return Contact.objects.none()


def contacts_editable_by(user) -> QuerySet[Contact]:
    if is_administrator(user):
        return Contact.objects.all()
    if is_coordinator(user):
        return _contacts_worked_with(user)
    return Contact.objects.none()


def organisations_for_new_contacts(user) -> QuerySet[Organisation]:
    """Where the user may add a contact: where they could then read and change it."""
    if is_administrator(user):
        return Organisation.objects.all()
    return organisations_worked_with(user)
