from django.contrib.auth.models import Group, Permission

from accounts.roles import ROLE_PERMISSIONS


def sync_role_permissions(**kwargs) -> None:
    """Give each role group exactly the permissions its role lists."""
    all_permissions = Permission.objects.select_related("content_type")
    by_name = {f"{p.content_type.app_label}.{p.codename}": p for p in all_permissions}
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        if names == ["*"]:
            group.permissions.set(by_name.values())
        else:
            group.permissions.set([by_name[name] for name in names if name in by_name])
