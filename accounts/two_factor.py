"""Who must protect their sign-in with a second factor (TOTP) before using the back office."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from accounts.roles import Role


def requires_two_factor(user) -> bool:
    """Everyone with back-office access, when PORTAL_REQUIRE_2FA is on: administrators and
    staff read everything, coordinators hold attendance lists and contacts, editors publish."""
    if not settings.PORTAL_REQUIRE_2FA:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_staff or any(user.has_role(role) for role in Role)


def lacks_required_two_factor(user) -> bool:
    """True for a user who must use TOTP and has not activated it yet."""
    if not requires_two_factor(user):
        return False
    has_totp = user.has_totp_if_known()  # read with the user from the session
    if has_totp is None:
        has_totp = is_mfa_enabled(user, [Authenticator.Type.TOTP])
    return not has_totp
