"""Who must protect their sign-in with a second factor (TOTP) before using the back office."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from accounts.roles import Role

#: Roles that read or change everything, and so must use two-factor authentication when
#: PORTAL_REQUIRE_2FA_FOR_STAFF is on.
ROLES_REQUIRING_TWO_FACTOR = [Role.ADMINISTRATOR, Role.STAFF]


def requires_two_factor(user) -> bool:
    if not settings.PORTAL_REQUIRE_2FA_FOR_STAFF:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=ROLES_REQUIRING_TWO_FACTOR).exists()


def lacks_required_two_factor(user) -> bool:
    """True for a user who must use TOTP and has not activated it yet."""
    return requires_two_factor(user) and not is_mfa_enabled(user, [Authenticator.Type.TOTP])
