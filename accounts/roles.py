"""The portal's roles, kept as Django groups so administrators can assign them in the admin,
and the predicates every app asks about them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "Administrator", _("Administrator")
    COORDINATOR = "Coordinator", _("Coordinator")
    EDITOR = "Editor", _("Editor")
    STAFF = "Staff", _("Staff")


# Permissions per role, as "app_label.codename" patterns; "*" stands for every model action.
# Row-level limits (a coordinator sees only their projects' meetings) live in each app's
# permissions module.
MEETING_MODELS = [
    "meeting",
    "meetingproject",
    "meetingorganisation",
    "agendaitem",
    "attendance",
    "actionitem",
    "attachment",
    "achievedoutput",
]
PUBLIC_CONTENT_MODELS = {
    "projects": [
        "project",
        "participation",
        "plannedoutput",
        "projectregion",
        "projectcentre",
        "fundingprogramme",
        "thematicarea",
    ],
    "partners": ["region", "organisation", "integrationcentre", "language"],
}


def _crud(app_label: str, model_names: list[str], actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for model in model_names for action in actions]


def _view_everything() -> list[str]:
    perms = _crud("meetings", MEETING_MODELS, actions=("view",))
    for app_label, model_names in PUBLIC_CONTENT_MODELS.items():
        perms += _crud(app_label, model_names, actions=("view",))
    perms += ["partners.view_contact", "partners.view_service", "partners.view_targetgroup"]
    return perms


ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMINISTRATOR: ["*"],
    Role.COORDINATOR: [
        *_crud("meetings", MEETING_MODELS),
        *_crud("partners", ["contact"], actions=("add", "change", "view")),
        *_view_everything(),
        # The sent-mail log of reminders, narrowed to their projects' meetings by its admin.
        "reminders.view_reminder",
    ],
    Role.EDITOR: [
        *_crud("projects", PUBLIC_CONTENT_MODELS["projects"]),
        *_crud("partners", PUBLIC_CONTENT_MODELS["partners"]),
        # Vocabularies editors extend; entries are renamed, never deleted (see partners.admin).
        *_crud("partners", ["service", "targetgroup"], actions=("add", "change", "view")),
    ],
    # The reports prepared for anyone, in the back office (their own are on "My reports").
    Role.STAFF: [*_view_everything(), "meetings.view_preparedreport"],
}


# --- Role predicates: anonymous visitors and inactive users hold no role.


def _holds(user, role: Role) -> bool:
    return user.is_authenticated and user.has_role(role)


def is_administrator(user) -> bool:
    return user.is_active and (user.is_superuser or _holds(user, Role.ADMINISTRATOR))


def is_staff_reader(user) -> bool:
    """Staff read everything and export reports."""
    return is_administrator(user) or _holds(user, Role.STAFF)


def is_editor(user) -> bool:
    return is_administrator(user) or _holds(user, Role.EDITOR)


def is_coordinator(user) -> bool:
    return _holds(user, Role.COORDINATOR)
