"""Two real workers of the database queue, each given every reminder twice, send each once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django_scopes import scopes_disabled

from reminders.enums import DeliveryStatus
from reminders.models import Reminder
from reminders.services import claim_due_reminders
from reminders.tasks import send_reminder

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        not apps.is_installed("django_tasks_db"), reason="the database queue is not set up"
    ),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="workers share the queue on PostgreSQL"
    ),
]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _start_worker(name: str) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--no-reload", "--worker-id", name],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_given_each_reminder_twice_send_it_once(upcoming_meeting, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with scopes_disabled():
        claimed = claim_due_reminders()
    for reminder in claimed * 2:
        send_reminder.enqueue(reminder.pk)

    workers = [_start_worker("first"), _start_worker("second")]
    output = "".join(worker.communicate(timeout=120)[0] for worker in workers)

    assert [worker.returncode for worker in workers] == [0, 0]
    sent = list(Reminder.objects.values_list("recipient", "status", "attempts"))
    assert sorted(sent) == [
        ("ana.pop@example.org", DeliveryStatus.SENT, 1),
        ("maria@host.example.org", DeliveryStatus.SENT, 1),
    ]
    assert output.count("To: ana.pop@example.org") == 1
    assert output.count("To: maria@host.example.org") == 1
