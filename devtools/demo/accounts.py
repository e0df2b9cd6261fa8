"""Local demo sign-ins; created only when DEBUG is on."""

from accounts.models import User
from accounts.roles import Role
from projects.models import Project

DEMO_PASSWORD = "portal-demo"

# e-mail: (full name, superuser, role, slugs of the projects coordinated)
DEMO_ACCOUNTS: dict[str, tuple] = {
    "admin@example.org": ("Demo Administrator", True, Role.ADMINISTRATOR, []),
    "coordinator.integrare@example.org": (
        "INTEGRARE+ Coordinator",
        False,
        Role.COORDINATOR,
        ["integrare-plus"],
    ),
    "coordinator.connection@example.org": (
        "CONNECTION Coordinator",
        False,
        Role.COORDINATOR,
        ["connection"],
    ),
    "staff@example.org": ("Demo Staff", False, Role.STAFF, []),
}


def load_demo_accounts(projects: dict[str, Project]) -> list[str]:
    from django.contrib.auth.models import Group

    for email, (full_name, is_superuser, role, project_slugs) in DEMO_ACCOUNTS.items():
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "is_staff": True,
                "is_superuser": is_superuser,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=role))
        for slug in project_slugs:
            projects[slug].coordinators.add(user)
    return list(DEMO_ACCOUNTS)
