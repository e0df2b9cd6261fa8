"""Who may read and change which contacts. The roles themselves are in accounts.roles.

A coordinator works with the organisations taking part in their projects: the projects'
partners and the organisations at the projects' meetings. Those links belong to `projects` and
`meetings`, which register their part of the scope `ORGANISATIONS_WORKED_WITH` (core.scopes).
The contacts admin, its autocomplete and the attendance lists that pick contacts all go through
these rules. They are registered with core.private_rows, so Contact's manager applies them to the
user of the active scope, and `Contact.objects.visible_to(user)` asks for a named user.
"""

from django.db.models import QuerySet

from accounts.roles import is_administrator, is_coordinator, is_staff_reader
from core.private_rows import private_rows
from core.scopes import user_scopes
from partners.models import Contact, Organisation

ORGANISATIONS_WORKED_WITH = "partners.organisations-worked-with"


def organisations_worked_with(user) -> QuerySet[Organisation]:
    """The organisations taking part in the projects the user coordinates."""
    keys = user_scopes.keys_for(ORGANISATIONS_WORKED_WITH, user)
    if keys is None or not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=keys)


def _worked_with(contacts: QuerySet[Contact], user) -> QuerySet[Contact]:
    return contacts.filter(organisation__in=organisations_worked_with(user).values("pk"))


@private_rows.visible(Contact)
def _contacts_visible_to(contacts: QuerySet[Contact], user) -> QuerySet[Contact]:
    if is_staff_reader(user):
        return contacts
    if is_coordinator(user):
        return _worked_with(contacts, user)
    return contacts.none()


@private_rows.editable(Contact)
def _contacts_editable_by(contacts: QuerySet[Contact], user) -> QuerySet[Contact]:
    if is_administrator(user):
        return contacts
    if is_coordinator(user):
        return _worked_with(contacts, user)
    return contacts.none()


def contacts_visible_to(user) -> QuerySet[Contact]:
    return Contact.objects.visible_to(user)


def contacts_editable_by(user) -> QuerySet[Contact]:
    return Contact.objects.editable_by(user)


def organisations_for_new_contacts(user) -> QuerySet[Organisation]:
    """Where the user may add a contact: where they could then read and change it."""
    if is_administrator(user):
        return Organisation.objects.all()
    return organisations_worked_with(user)
