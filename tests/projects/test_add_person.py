"""An administrator adds a coordinator in one step; the person chooses their own password."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, is_coordinator
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(email="administrator@example.org", role=Role.ADMINISTRATOR)


def test_an_administrator_adds_a_coordinator_who_sets_a_password_from_the_email(
    client, administrator, project_a, project_b, django_capture_on_commit_callbacks
):
    client.force_login(administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_add"),
            {
                "email": "new.coordinator@example.org",
                "full_name": "Ana Popescu",
                "role": Role.COORDINATOR,
                "projects": [project_a.pk, project_b.pk],
            },
        )

    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="new.coordinator@example.org")
    assert person.is_staff and is_coordinator(person)
    assert not person.has_usable_password()
    assert set(person.coordinated_projects.all()) == {project_a, project_b}

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.coordinator@example.org"]
    assert "PA" in message.body
    link = re.search(r"https?://\S+", message.body).group(0)

    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "password1" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "a-long-new-passphrase-42", "password2": "a-long-new-passphrase-42"},
    )
    person.refresh_from_db()
    assert person.check_password("a-long-new-passphrase-42")


def test_a_coordinator_is_named_on_at_least_one_project(client, administrator):
    client.force_login(administrator)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {"email": "someone@example.org", "full_name": "Someone", "role": Role.COORDINATOR},
    )

    assert response.status_code == 200
    assert "Choose the projects this coordinator coordinates." in response.content.decode()
    assert not User.objects.filter(email="someone@example.org").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("project_key", ["99999999999999999999", "1 OR 1=1"])
def test_a_malformed_project_key_is_a_form_error_not_a_server_error(
    client, administrator, project_key
):
    client.force_login(administrator)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "someone@example.org",
            "full_name": "Someone",
            "role": Role.COORDINATOR,
            "projects": [project_key],
        },
    )

    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()
    assert not User.objects.filter(email="someone@example.org").exists()
