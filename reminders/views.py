from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from reminders.services import unsubscribe
from reminders.tokens import email_from_token


# The signed token is what proves the right to unsubscribe, and mail programs' one-click
# unsubscribe (RFC 8058) posts without a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token: str):
    """A GET asks to confirm; only the POST of the confirm button (or of a mail program's
    one-click unsubscribe) unsubscribes the address."""
    email = email_from_token(token)
    if email is None:
        return render(request, "reminders/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        unsubscribe(email=email)
        return render(request, "reminders/unsubscribed.html", {"email": email})
    return render(request, "reminders/unsubscribe_confirm.html", {"email": email})
