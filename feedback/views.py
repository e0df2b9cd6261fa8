from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from feedback import ratelimit
from feedback.forms import FeedbackForm, site_path
from feedback.services import submit_feedback

# Whether the last message sent in this session was acknowledged by e-mail.
SENT_SESSION_KEY = "feedback-acknowledged"


@require_http_methods(["GET", "POST"])
def feedback_form(request):
    host = request.get_host()
    if request.method != "POST":
        page = site_path(request.GET.get("page", ""), host=host) or ""
        form = FeedbackForm(initial={"page": page}, host=host)
        return _form_page(request, form)
    form = FeedbackForm(request.POST, host=host)
    if not form.is_valid():
        return _form_page(request, form)
    if not ratelimit.consume(request):
        # The form is shown again as it was typed: nothing is lost, it can be sent later.
        return _form_page(request, form, rate_limited=True, status=429)
    if form.is_from_a_bot():
        request.session[SENT_SESSION_KEY] = True
        return redirect("feedback:feedback-sent")
    receipt = submit_feedback(
        **{field: form.cleaned_data[field] for field in form.Meta.fields},
        language=request.LANGUAGE_CODE,
    )
    request.session[SENT_SESSION_KEY] = receipt.acknowledged
    return redirect("feedback:feedback-sent")


def _form_page(request, form: FeedbackForm, *, rate_limited: bool = False, status: int = 200):
    context = {
        "form": form,
        "rate_limited": rate_limited,
        "rate_limit": settings.FEEDBACK_RATE_LIMIT,
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
    }
    return render(request, "feedback/feedback_form.html", context, status=status)


@require_GET
def feedback_sent(request):
    acknowledged = request.session.pop(SENT_SESSION_KEY, None)
    context = {"acknowledged": acknowledged, "contact_email": settings.PORTAL_CONTACT_EMAIL}
    return render(request, "feedback/feedback_sent.html", context)
