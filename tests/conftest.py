import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.roles import Role
from tests.factories import MeetingFactory, ProjectFactory, UserFactory


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Uploaded files go to a throwaway folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _english_and_fresh_cache():
    """URLs reversed in English whatever page an earlier test opened; rate limits and cached
    pages start empty."""
    translation.activate("en")
    cache.clear()
    yield
    cache.clear()
    translation.activate("en")


@pytest.fixture(autouse=True)
def _scopes_disabled_in_test_bodies():
    """Factories and assertions read every row; requests through the test client are still
    scoped to their user, since the middleware's `scope()` turns scoping back on."""
    with scopes_disabled():
        yield


@pytest.fixture(autouse=True)
def _background_jobs_run_at_once(settings):
    """Background jobs run inside the request that queues them; the tests of the queue and its
    worker choose the database backend themselves."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """New passwords are hashed with a quick hasher: the production one takes half a second a
    password on purpose, and the tests create and sign in hundreds of users. Hashes made the
    slow way before (a snapshot of the demo database) still check."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture
def demo(db):
    """The demo data of the seed stories, without the demo sign-ins."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_superuser=True)


@pytest.fixture
def staff_user(db):
    return UserFactory(email="staff.reader@example.org", role=Role.STAFF)


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", role=Role.EDITOR)


@pytest.fixture
def project_a(db):
    return ProjectFactory(title="Project A", acronym="PA", slug="project-a")


@pytest.fixture
def project_b(db):
    return ProjectFactory(title="Project B", acronym="PB", slug="project-b")


@pytest.fixture
def coordinator_a(project_a):
    return _coordinator("coordinator.a@example.org", project_a)


@pytest.fixture
def coordinator_b(project_b):
    return _coordinator("coordinator.b@example.org", project_b)


@pytest.fixture
def meeting_a(project_a):
    return MeetingFactory(title="Meeting of A", slug="meeting-of-a", projects=[project_a])


@pytest.fixture
def meeting_b(project_b):
    return MeetingFactory(title="Meeting of B", slug="meeting-of-b", projects=[project_b])


def _coordinator(email, project):
    user = UserFactory(email=email, role=Role.COORDINATOR)
    project.coordinators.add(user)
    return user
