from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.two_factor import lacks_required_two_factor

# The pages a user without the required second factor may still open: signing in and out,
# setting up the authenticator, and choosing a language.
ALLOWED_URL_NAME_PREFIXES = ("account_", "mfa_")
ALLOWED_URL_NAMES = {"set_language"}


class RequireTwoFactorMiddleware:
    """Send everyone with back-office access to the authenticator set-up until they have one.

    allauth asks for the code at every sign-in once an authenticator exists; this closes the gap
    before that, so no privileged session can reach the back office on a password alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        url_name = (match.url_name or "") if match else ""
        if url_name.startswith(ALLOWED_URL_NAME_PREFIXES) or url_name in ALLOWED_URL_NAMES:
            return None
        if not lacks_required_two_factor(request.user):
            return None
        messages.warning(
            request,
            _(
                "Your role requires two-factor authentication. Set up an authenticator app "
                "to continue."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
