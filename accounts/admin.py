from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts.forms import UserChangeAdminForm, UserCreationAdminForm
from accounts.models import User
from core.admin import LookupSafeRelationsMixin

# The admin's own login form would skip allauth's rate limits and second factor: send it to
# allauth's sign-in page instead.
admin.site.login = secure_admin_login(admin.site.login)


@admin.register(User)
class UserAdmin(LookupSafeRelationsMixin, BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_superuser", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    filter_horizontal = ["groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name"]}),
        (
            _("Roles and permissions"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "projects_coordinated",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined", "projects_coordinated"]

    @admin.display(description=_("projects coordinated"))
    def projects_coordinated(self, obj) -> str:
        """A coordinator's meetings are those of these projects; set on each project's page."""
        return ", ".join(str(project) for project in obj.coordinated_projects.all()) or "–"


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(LookupSafeRelationsMixin, BaseGroupAdmin):
    pass
