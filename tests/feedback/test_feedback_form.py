import re
import smtplib

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime

from accounts.roles import Role
from feedback.models import FeedbackKind, FeedbackMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "The table of meetings cannot be read with my screen reader."


def _form_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("feedback:feedback-form")


def _fields(**changes) -> dict[str, str]:
    return {
        "kind": FeedbackKind.BARRIER,
        "name": "Ana Pop",
        "email": "ana.pop@example.org",
        "page": "/en/meetings/",
        "message": MESSAGE,
        "website": "",
        **changes,
    }


def _send(client, language: str = "en", **changes):
    """Open the form as a visitor does (the CSRF cookie comes with it), then send it."""
    client.get(_form_url(language))
    return client.post(_form_url(language), _fields(**changes))


@pytest.fixture
def visitor() -> Client:
    return Client(enforce_csrf_checks=True)


def _csrf(client) -> dict[str, str]:
    return {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def _page_field(response) -> str:
    return re.search(r'<input[^>]*name="page"[^>]*>', response.content.decode()).group(0)


def test_feedback_form_prefills_the_page_the_visitor_came_from(client):
    response = client.get(_form_url(), {"page": "/en/projects/?region=region-2"})

    assert 'value="/en/projects/?region=region-2"' in _page_field(response)


def test_feedback_form_does_not_prefill_a_page_of_another_site(client):
    response = client.get(_form_url(), {"page": "https://elsewhere.example/en/projects/"})

    assert "value=" not in _page_field(response)


@pytest.mark.parametrize("language", ["ro", "bg"])
def test_sending_the_form_stores_the_message_and_acknowledges_it_in_the_page_language(
    visitor, mailoutbox, language
):
    visitor.get(_form_url(language))

    response = visitor.post(_form_url(language), {**_fields(), **_csrf(visitor)}, follow=True)

    feedback = FeedbackMessage.objects.get()
    assert (feedback.email, feedback.message, feedback.page, feedback.language) == (
        "ana.pop@example.org",
        MESSAGE,
        "/en/meetings/",
        language,
    )
    assert feedback.acknowledged_at is not None
    assert response.redirect_chain[-1][0] == reverse("feedback:feedback-sent").replace(
        "/en/", f"/{language}/"
    )
    [mail] = mailoutbox
    assert mail.to == ["ana.pop@example.org"]
    # The date is written as the page's language writes it (the month's name).
    with translation.override(language):
        received = date_format(localtime(feedback.received_at), "DATETIME_FORMAT")
    with translation.override("en"):
        received_in_english = date_format(localtime(feedback.received_at), "DATETIME_FORMAT")
    assert received in mail.body
    assert received_in_english not in mail.body
    # Anyone may type any address: the message itself is not mailed back.
    assert MESSAGE not in mail.body
    assert f"#{feedback.pk}" in mail.body


def test_the_success_page_says_an_acknowledgement_was_sent(client, mailoutbox):
    response = _send(client)

    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Thank you: your message was received" in page
    assert "We have sent an acknowledgement" in page


def test_the_sixth_message_within_an_hour_is_refused(client, mailoutbox):
    for _number in range(5):
        assert _send(client).status_code == 302

    refused = _send(client, message="A sixth message about the calendar.")

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Your message has not been sent" in page
    assert "only 5 messages an hour can be sent" in page
    # Nothing typed is lost: the form comes back as it was sent.
    assert "A sixth message about the calendar." in page
    assert 'value="ana.pop@example.org"' in page
    assert FeedbackMessage.objects.count() == 5


def test_the_limit_counts_each_connection_on_its_own(client, mailoutbox):
    for _number in range(5):
        _send(client)

    other = Client(REMOTE_ADDR="192.0.2.7")

    assert _send(other).status_code == 302
    assert FeedbackMessage.objects.count() == 6


def test_behind_a_proxy_the_limit_counts_each_client_not_the_proxy(client, settings, mailoutbox):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    ana = Client(HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    for _number in range(5):
        assert _send(ana).status_code == 302
    # Ana cannot start a new count by claiming another address in front of her own.
    spoofing = Client(HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.4", **proxy)
    assert _send(spoofing).status_code == 429

    someone_else = Client(HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy)

    assert _send(someone_else).status_code == 302
    assert FeedbackMessage.objects.count() == 6


def test_without_a_trusted_proxy_a_forwarded_address_is_ignored(client, mailoutbox):
    for number in range(5):
        _send(Client(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"))

    assert _send(Client(HTTP_X_FORWARDED_FOR="192.0.2.200")).status_code == 429


def test_an_invalid_email_shows_the_error_and_keeps_the_message(client, mailoutbox):
    response = _send(client, email="ana.pop@")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert "Please correct the fields marked below." in page
    assert MESSAGE in page
    assert 'aria-invalid="true"' in page
    assert not FeedbackMessage.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "address",
    ["https://elsewhere.example/en/projects/", "//elsewhere.example/", "javascript:alert(1)"],
)
def test_a_page_address_outside_the_site_is_refused(client, address):
    response = _send(client, page=address)

    assert "Enter the address of a page of this portal" in response.content.decode()
    assert not FeedbackMessage.objects.exists()


def test_a_full_address_on_this_site_is_kept_as_its_path(client, mailoutbox):
    _send(client, page="http://testserver/ro/projects/?q=Galati#results")

    assert FeedbackMessage.objects.get().page == "/ro/projects/?q=Galati"


def test_the_message_has_a_maximum_length(client):
    response = _send(client, message="x" * 5001)

    assert "Ensure this value has at most 5000 characters" in response.content.decode()
    assert not FeedbackMessage.objects.exists()


def test_a_mail_failure_still_stores_the_message_and_tells_the_sender(
    client, mailoutbox, monkeypatch
):
    def mail_server_down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("feedback.services.send_mail", mail_server_down)

    response = _send(client)
    page = client.get(response.url).content.decode()

    feedback = FeedbackMessage.objects.get()
    assert feedback.message == MESSAGE
    assert feedback.acknowledged_at is None
    assert "Your message is saved" in page
    assert "could not send you the acknowledgement" in page
    assert "You do not need to send the message again." in page


def test_a_bot_filling_the_hidden_field_is_answered_as_if_sent_but_nothing_is_stored(
    client, mailoutbox
):
    response = _send(client, website="https://spam.example/")

    assert response.status_code == 302
    assert not FeedbackMessage.objects.exists()
    assert mailoutbox == []


def test_a_message_without_the_csrf_token_is_refused(visitor):
    response = visitor.post(_form_url(), _fields())

    assert response.status_code == 403
    assert not FeedbackMessage.objects.exists()


# --- The back office: administrators only


def _feedback_message() -> FeedbackMessage:
    return FeedbackMessage.objects.create(
        kind=FeedbackKind.ACCESSIBLE_FORMAT,
        email="reader@example.org",
        message="Please send the 2016 minutes as plain text.",
        language="ro",
    )


@pytest.fixture
def administrator(db):
    return UserFactory(email="administrator@example.org", role=Role.ADMINISTRATOR)


@pytest.mark.parametrize("who", ["superuser", "administrator"])
def test_administrators_read_feedback_messages_in_the_admin(client, request, who):
    _feedback_message()
    client.force_login(request.getfixturevalue(who))

    changelist = client.get(reverse("admin:feedback_feedbackmessage_changelist"))

    assert changelist.status_code == 200
    assert "reader@example.org" in changelist.content.decode()


@pytest.mark.parametrize("who", ["coordinator_a", "staff_user", "editor"])
def test_other_roles_cannot_open_feedback_messages(client, request, who):
    feedback = _feedback_message()
    client.force_login(request.getfixturevalue(who))

    changelist = client.get(reverse("admin:feedback_feedbackmessage_changelist"))
    change = client.get(reverse("admin:feedback_feedbackmessage_change", args=[feedback.pk]))

    assert (changelist.status_code, change.status_code) == (403, 403)


def test_the_changelist_reads_few_and_many_messages_in_the_same_number_of_queries(
    client, superuser
):
    client.force_login(superuser)
    url = reverse("admin:feedback_feedbackmessage_changelist")

    def queries_with(count: int) -> int:
        FeedbackMessage.objects.all().delete()
        for _number in range(count):
            _feedback_message()
        # Handled by someone: the list shows no column of the user, but must not read one per row.
        FeedbackMessage.objects.update(is_handled=True, handled_by=superuser)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(25)


def test_an_administrator_marks_a_message_handled(client, superuser):
    feedback = _feedback_message()
    client.force_login(superuser)

    client.post(
        reverse("admin:feedback_feedbackmessage_changelist"),
        {"action": "mark_handled", "_selected_action": [feedback.pk]},
    )

    feedback.refresh_from_db()
    assert feedback.is_handled
    assert feedback.handled_by == superuser
    assert feedback.handled_at is not None
