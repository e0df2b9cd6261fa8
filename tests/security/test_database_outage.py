import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    ("home", ""),
    ("meetings:meeting-list", ""),
    ("projects:project-list", ""),
    ("search", "?q=integration"),
]


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails the way it does while PostgreSQL restarts."""

    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    monkeypatch.setattr(CursorWrapper, "executemany", refuse)
    return monkeypatch


@pytest.mark.parametrize(("url_name", "query"), PUBLIC_PAGES)
def test_public_page_answers_a_clear_503_while_the_database_is_down(
    client, database_down, url_name, query
):
    response = client.get(reverse(url_name) + query)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "The portal is briefly unavailable" in page
    assert "Nothing you saved before has been lost." in page
    assert '<link rel="stylesheet"' in page


def test_503_page_is_in_the_language_of_the_address(client, database_down):
    response = client.get("/ro/")

    assert response.status_code == 503
    assert '<html lang="ro">' in response.content.decode()


def test_signed_in_user_gets_the_503_page_too(client, staff_user, monkeypatch):
    client.force_login(staff_user)

    def gone(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(CursorWrapper, "execute", gone)

    response = client.get(reverse("meetings:meeting-list"))

    assert response.status_code == 503


def test_database_error_raised_by_a_middleware_also_gives_the_503_page(client, monkeypatch):
    """A session saved on the way out fails outside the view, where process_exception is blind."""
    from django.contrib.sessions.middleware import SessionMiddleware

    def failing_save(self, request, response):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(SessionMiddleware, "process_response", failing_save)
    client.raise_request_exception = False

    response = client.get(reverse("home"))

    assert response.status_code == 503
    assert "The portal is briefly unavailable" in response.content.decode()


def test_pages_answer_again_once_the_database_is_back(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("the database system is starting up")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    assert client.get(reverse("meetings:meeting-list")).status_code == 503

    monkeypatch.undo()

    assert client.get(reverse("meetings:meeting-list")).status_code == 200


def test_other_database_errors_stay_server_errors(client, monkeypatch):
    from django.db import ProgrammingError

    def broken(*args, **kwargs):
        raise ProgrammingError("column does not exist")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    client.raise_request_exception = False

    assert client.get(reverse("meetings:meeting-list")).status_code == 500
