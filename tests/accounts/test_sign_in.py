import smtplib

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def _sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_a_coordinator_signs_in_with_their_email_and_lands_in_the_back_office(
    client, coordinator_a
):
    response = _sign_in(client, "Coordinator.A@example.org", "portal-test")

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_login_page_sends_visitors_to_the_portal_sign_in(client):
    response = client.get(reverse("admin:login") + "?next=/en/admin/meetings/meeting/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fen%2Fadmin%2Fmeetings%2Fmeeting%2F" in response["Location"]


def test_posting_a_password_to_the_admin_login_does_not_sign_in(client, superuser):
    client.post(reverse("admin:login"), {"username": "root@example.org", "password": "portal-test"})

    assert "_auth_user_id" not in client.session


def test_there_is_no_public_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@example.org",
            "password1": "a-Long-pass-9",
            "password2": "a-Long-pass-9",
        },
    )

    assert "No public sign-up" in response.content.decode()
    assert not User.objects.filter(email="newcomer@example.org").exists()


def test_the_sign_in_page_offers_no_sign_up_link_and_labels_its_fields(client):
    page = client.get(reverse("account_login")).content.decode()

    assert reverse("account_signup") not in page
    assert '<label for="id_login"' in page
    assert '<label for="id_password"' in page
    assert reverse("account_reset_password") in page


def test_repeated_wrong_passwords_lock_the_sign_in_for_a_while(client, coordinator_a):
    for _attempt in range(5):
        _sign_in(client, "coordinator.a@example.org", "wrong-password")

    response = _sign_in(client, "coordinator.a@example.org", "portal-test")

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_a_password_reset_sends_a_link_by_email(client, coordinator_a, mailoutbox):
    response = client.post(
        reverse("account_reset_password"), {"email": "coordinator.a@example.org"}
    )

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["coordinator.a@example.org"]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_account_pages_use_the_site_layout_in_the_chosen_language(client):
    page = client.get(reverse("account_login").replace("/en/", "/ro/")).content.decode()

    assert '<html lang="ro">' in page
    assert 'class="site-footer"' in page


def test_a_mail_server_failure_shows_a_clear_error_and_changes_nothing(
    client, coordinator_a, monkeypatch
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    password_before = coordinator_a.password

    response = client.post(
        reverse("account_reset_password"), {"email": "coordinator.a@example.org"}
    )

    assert response.status_code == 503
    assert "The e-mail could not be sent" in response.content.decode()
    coordinator_a.refresh_from_db()
    assert coordinator_a.password == password_before
