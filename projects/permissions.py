"""Who may do what with projects. The roles themselves are in accounts.roles."""


def coordinated_project_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_coordinated_project_ids"):
        user._coordinated_project_ids = set(user.coordinated_projects.values_list("pk", flat=True))
    return user._coordinated_project_ids
