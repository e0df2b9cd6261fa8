"""Who may do what with projects. Roles are groups (see accounts.roles)."""

from accounts.roles import Role


def _in_group(user, role: Role) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    # Cached per request on the user object: permission checks run many times per admin page.
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return role in user._role_names


def is_administrator(user) -> bool:
    return user.is_active and (user.is_superuser or _in_group(user, Role.ADMINISTRATOR))


def is_staff_reader(user) -> bool:
    """Staff read everything and export reports."""
    return is_administrator(user) or _in_group(user, Role.STAFF)


def is_editor(user) -> bool:
    return is_administrator(user) or _in_group(user, Role.EDITOR)


def is_coordinator(user) -> bool:
    return _in_group(user, Role.COORDINATOR)


def coordinated_project_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_coordinated_project_ids"):
        user._coordinated_project_ids = set(user.coordinated_projects.values_list("pk", flat=True))
    return user._coordinated_project_ids
