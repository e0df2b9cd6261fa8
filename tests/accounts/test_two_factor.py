import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.PORTAL_REQUIRE_2FA = True


def _current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": "portal-test"})


def test_an_administrator_without_an_authenticator_is_sent_to_set_one_up(client, superuser):
    _sign_in(client, "root@example.org")

    response = client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_without_an_authenticator_cannot_export_reports_either(client, staff_user, meeting_a):
    client.force_login(staff_user)

    response = client.get(reverse("meetings:meeting-report-pdf", kwargs={"slug": meeting_a.slug}))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_activating_the_authenticator_opens_the_back_office(client, superuser):
    _sign_in(client, "root@example.org")
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": "portal-test"})
    page = client.get(reverse("mfa_activate_totp")).content.decode()
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', page).group(1)
    assert "<svg" in page  # the QR code, inline, without an XML declaration
    assert "<?xml" not in page

    response = client.post(reverse("mfa_activate_totp"), {"code": _current_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=superuser, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_an_authenticator_the_password_alone_does_not_open_the_admin(client, staff_user):
    TOTP.activate(staff_user, SECRET)

    response = _sign_in(client, "staff.reader@example.org")

    assert response["Location"] == reverse("mfa_authenticate")
    admin_page = client.get(reverse("admin:index"))
    assert admin_page.status_code == 302
    assert admin_page["Location"].startswith(reverse("admin:login"))


def test_the_admin_login_cannot_bypass_the_second_factor(client, staff_user):
    TOTP.activate(staff_user, SECRET)

    client.post(
        reverse("admin:login"),
        {"username": "staff.reader@example.org", "password": "portal-test"},
    )

    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_code_from_the_app_completes_the_sign_in(client, staff_user):
    TOTP.activate(staff_user, SECRET)
    _sign_in(client, "staff.reader@example.org")

    response = client.post(reverse("mfa_authenticate"), {"code": _current_code(SECRET)})

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(client, staff_user):
    TOTP.activate(staff_user, SECRET)
    _sign_in(client, "staff.reader@example.org")

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert "Incorrect code" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("user_fixture", ["coordinator_a", "editor", "staff_user"])
def test_every_back_office_role_without_an_authenticator_is_sent_to_set_one_up(
    client, request, user_fixture
):
    user = request.getfixturevalue(user_fixture)
    _sign_in(client, user.email)

    response = client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_coordinator_with_an_authenticator_is_asked_for_its_code(client, coordinator_a):
    TOTP.activate(coordinator_a, SECRET)

    response = _sign_in(client, coordinator_a.email)

    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_the_requirement_off_administrators_sign_in_with_a_password(
    client, superuser, settings
):
    settings.PORTAL_REQUIRE_2FA = False
    _sign_in(client, "root@example.org")

    assert client.get(reverse("admin:index")).status_code == 200
