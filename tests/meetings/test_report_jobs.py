"""Quarterly and merged meeting reports are prepared in the background: the person sees them
queued on "My reports", downloads them there, and nobody else can."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetings import tasks
from meetings.models import PreparedReport
from meetings.report_retention import delete_old_reports
from meetings.reports.rendering import ReportRenderError, ReportTimedOut
from tests.factories import CityFactory, UserFactory
from tests.meetings.pdf_helpers import pdf_text

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
Q1_2016_OF_A = {"year": 2016, "quarter": 1}


@pytest.fixture
def meeting_a(meeting_a):
    """Held in the first quarter of 2016, whichever day the factory's sequence has reached."""
    return _in_q1_2016(meeting_a)


@pytest.fixture
def meeting_b(meeting_b):
    return _in_q1_2016(meeting_b)


def _in_q1_2016(meeting):
    meeting.starts_at = datetime.datetime(2016, 2, 1, 10, tzinfo=datetime.UTC)
    meeting.save()
    return meeting


@pytest.fixture
def database_queue(settings):
    """Jobs wait in the database for a worker, as in production."""
    settings.TASKS = DATABASE_BACKEND


def _ask_for_quarterly_report(client, user, project, language="en"):
    client.force_login(user)
    url = f"/{language}/reports/quarterly/"
    return client.post(url, {"project": project.pk, **Q1_2016_OF_A})


def _my_reports(client) -> str:
    return client.get(reverse("meetings:prepared-report-list")).content.decode()


def _download(client, report):
    return client.get(reverse("meetings:prepared-report-download", args=[report.pk]))


def _pdf(response) -> bytes:
    return b"".join(response.streaming_content)


def _report_for(user, **fields) -> PreparedReport:
    fields.setdefault("parameters", {"project": None, **Q1_2016_OF_A})
    return PreparedReport.objects.create(
        requested_by=user,
        kind=PreparedReport.Kind.QUARTERLY,
        title="Quarterly report Q1 2016: Project A",
        language="en",
        **fields,
    )


# --- Asking for a report


def test_sending_the_form_queues_the_report_and_shows_it_as_queued(
    client, database_queue, coordinator_a, project_a, meeting_a
):
    response = _ask_for_quarterly_report(client, coordinator_a, project_a)

    assert response.status_code == 303
    assert response["Location"] == reverse("meetings:prepared-report-list")
    report = PreparedReport.objects.get()
    assert report.requested_by == coordinator_a
    assert report.status == PreparedReport.Status.QUEUED
    job = DBTaskResult.objects.get()
    assert str(job.id) == report.task_result_id
    assert job.args_kwargs == {"args": [report.pk], "kwargs": {}}
    page = _my_reports(client)
    assert "Quarterly report Q1 2016: Project A" in page
    assert "Queued" in page
    assert 'data-pending="true"' in page
    assert "/download/" not in page


def test_report_asked_for_in_romanian_is_titled_and_prepared_in_romanian(
    client, coordinator_a, project_a, meeting_a
):
    _ask_for_quarterly_report(client, coordinator_a, project_a, language="ro")

    report = PreparedReport.objects.get()
    assert report.language == "ro"
    assert report.title.startswith("Raport trimestrial")
    text = pdf_text(_pdf(_download(client, report)))
    assert "Raport trimestrial" in text


def test_owner_sees_the_ready_report_and_downloads_it(client, coordinator_a, project_a, meeting_a):
    _ask_for_quarterly_report(client, coordinator_a, project_a)

    report = PreparedReport.objects.get()
    assert report.status == PreparedReport.Status.READY
    page = _my_reports(client)
    assert "Ready" in page
    assert 'data-pending="false"' in page
    response = _download(client, report)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "quarterly-report-2016-q1-project-a-en.pdf" in response["Content-Disposition"]
    assert "Meeting of A" in pdf_text(_pdf(response))


@pytest.mark.parametrize(("who", "sees_b"), [("coordinator_a", False), ("staff_user", True)])
def test_region_report_holds_only_the_meetings_the_requester_may_see(
    client, request, meeting_a, meeting_b, who, sees_b
):
    city = CityFactory(name="Constanța")
    for meeting in (meeting_a, meeting_b):
        meeting.city = city
        meeting.save()
    client.force_login(request.getfixturevalue(who))

    client.post(reverse("meetings:quarterly-report"), {"region": city.parent.pk, **Q1_2016_OF_A})

    text = pdf_text(_pdf(_download(client, PreparedReport.objects.get())))
    assert "Meeting of A" in text
    assert ("Meeting of B" in text) is sees_b


def test_admin_action_prepares_the_merged_report_in_the_background(
    client, superuser, meeting_a, meeting_b
):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "export_meeting_reports", "_selected_action": [meeting_a.pk, meeting_b.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:prepared-report-list")
    report = PreparedReport.objects.get()
    assert report.kind == PreparedReport.Kind.MEETINGS
    assert report.title == "Reports of 2 meetings"
    text = pdf_text(_pdf(_download(client, report)))
    assert "Meeting of A" in text
    assert "Meeting of B" in text


def test_admin_index_links_to_my_reports(client, staff_user):
    client.force_login(staff_user)

    page = client.get(reverse("admin:index")).content.decode()

    assert f'href="{reverse("meetings:prepared-report-list")}"' in page


# --- Who sees and downloads


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator_a", 200), ("superuser", 200), ("coordinator_b", 404), ("staff_user", 404)],
)
def test_only_the_owner_and_administrators_download_a_report(
    client, request, coordinator_a, who, status
):
    report = _report_for(coordinator_a, status=PreparedReport.Status.READY)
    report.file.save("q1.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    client.force_login(request.getfixturevalue(who))

    assert _download(client, report).status_code == status


def test_other_peoples_reports_are_not_listed_and_cannot_be_retried(
    client, coordinator_a, coordinator_b
):
    report = _report_for(coordinator_a, status=PreparedReport.Status.FAILED, error="Disk full")
    client.force_login(coordinator_b)

    assert "Quarterly report Q1 2016" not in _my_reports(client)
    assert (
        client.post(reverse("meetings:prepared-report-retry", args=[report.pk])).status_code == 404
    )
    report.refresh_from_db()
    assert report.status == PreparedReport.Status.FAILED


def test_a_report_not_ready_yet_is_not_found(client, coordinator_a):
    report = _report_for(coordinator_a)
    client.force_login(coordinator_a)

    assert _download(client, report).status_code == 404


def test_my_reports_asks_visitors_to_sign_in(client, db):
    response = client.get(reverse("meetings:prepared-report-list"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("count", [1, 20])
def test_my_reports_reads_a_fixed_number_of_queries(
    client, coordinator_a, django_assert_num_queries, count
):
    for _ in range(count):
        _report_for(coordinator_a, status=PreparedReport.Status.READY)
    client.force_login(coordinator_a)

    # the session, the user, reports whose worker stopped, the user's reports
    with django_assert_num_queries(4):
        page = _my_reports(client)
    assert page.count('class="prepared-report"') == count


# --- Failures and retries


def test_failing_render_records_why_is_tried_three_times_and_keeps_the_request(
    client, monkeypatch, coordinator_a, project_a, meeting_a
):
    attempts = []

    def failing(*args, **kwargs):
        attempts.append(1)
        raise ReportRenderError("The report could not be written: disk full")

    monkeypatch.setattr(tasks, "pdf_from_html", failing)

    _ask_for_quarterly_report(client, coordinator_a, project_a)

    report = PreparedReport.objects.get()
    assert len(attempts) == django_settings.REPORT_JOB_MAX_ATTEMPTS == 3
    assert report.status == PreparedReport.Status.FAILED
    assert report.attempts == 3
    assert report.parameters["project"] == project_a.pk
    page = _my_reports(client)
    assert "Failed" in page
    assert "disk full" in page
    assert "Try again" in page

    monkeypatch.undo()
    response = client.post(reverse("meetings:prepared-report-retry", args=[report.pk]))

    assert response.status_code == 303
    report.refresh_from_db()
    assert report.status == PreparedReport.Status.READY
    assert "Meeting of A" in pdf_text(_pdf(_download(client, report)))


def test_report_over_its_time_budget_is_not_tried_again(
    client, monkeypatch, coordinator_a, project_a, meeting_a
):
    attempts = []

    def too_slow(*args, **kwargs):
        attempts.append(1)
        raise ReportTimedOut("The report took longer than 600 s to lay out.")

    monkeypatch.setattr(tasks, "pdf_from_html", too_slow)

    _ask_for_quarterly_report(client, coordinator_a, project_a)

    report = PreparedReport.objects.get()
    assert len(attempts) == 1
    assert report.status == PreparedReport.Status.FAILED
    assert "600 s" in report.error


def test_a_failed_attempt_is_queued_again_for_later(
    monkeypatch, database_queue, coordinator_a, project_a
):
    report = _report_for(coordinator_a, parameters={"project": project_a.pk, **Q1_2016_OF_A})

    def failing(*args, **kwargs):
        raise ReportRenderError("The database went away")

    monkeypatch.setattr(tasks, "pdf_from_html", failing)

    with pytest.raises(ReportRenderError):
        tasks.prepare_report.call(report.pk)

    report.refresh_from_db()
    assert report.status == PreparedReport.Status.QUEUED
    assert report.attempts == 1
    assert report.error == "The database went away"
    job = DBTaskResult.objects.get(id=report.task_result_id)
    assert job.run_after > timezone.now()


# --- Retention


def test_a_report_whose_worker_stopped_is_shown_as_failed_and_can_be_tried_again(
    client, coordinator_a, project_a, settings
):
    settings.REPORT_JOB_TIMEOUT_SECONDS = 60
    long_ago = timezone.now() - datetime.timedelta(minutes=10)
    stalled = _report_for(
        coordinator_a,
        status=PreparedReport.Status.PREPARING,
        started_at=long_ago,
        parameters={"project": project_a.pk, **Q1_2016_OF_A},
    )
    running = _report_for(
        coordinator_a, status=PreparedReport.Status.PREPARING, started_at=timezone.now()
    )
    client.force_login(coordinator_a)

    page = _my_reports(client)

    stalled.refresh_from_db()
    running.refresh_from_db()
    assert stalled.status == PreparedReport.Status.FAILED
    assert "The worker preparing it stopped before it was ready." in page
    assert running.status == PreparedReport.Status.PREPARING
    retry = client.post(reverse("meetings:prepared-report-retry", args=[stalled.pk]))
    assert retry.status_code in (302, 303)
    stalled.refresh_from_db()
    assert stalled.status == PreparedReport.Status.READY


def test_old_reports_and_their_files_are_deleted(coordinator_a, django_capture_on_commit_callbacks):
    now = timezone.now()
    old = _report_for(coordinator_a, status=PreparedReport.Status.READY)
    old.file.save("old.pdf", ContentFile(b"%PDF-1.7 old"), save=False)
    old.created_at = now - datetime.timedelta(days=8)
    old.save()
    old_path = Path(old.file.path)
    waiting = _report_for(
        coordinator_a,
        status=PreparedReport.Status.QUEUED,
        created_at=now - datetime.timedelta(days=8),
    )
    recent = _report_for(coordinator_a, created_at=now - datetime.timedelta(days=6))

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_old_reports(now=now) == 1

    assert not old_path.exists()
    remaining = set(PreparedReport.objects.values_list("pk", flat=True))
    assert remaining == {waiting.pk, recent.pk}


def test_a_report_file_goes_with_its_owner_account(db, django_capture_on_commit_callbacks):
    leaving = UserFactory(is_staff=True)
    report = _report_for(leaving, status=PreparedReport.Status.READY)
    report.file.save("mine.pdf", ContentFile(b"%PDF-1.7 mine"))
    path = Path(report.file.path)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        leaving.delete()

    assert not PreparedReport.objects.filter(pk=report.pk).exists()
    assert not path.exists()


def test_delete_old_reports_command_says_how_many(coordinator_a, capsys):
    _report_for(
        coordinator_a,
        status=PreparedReport.Status.FAILED,
        created_at=timezone.now() - datetime.timedelta(days=30),
    )

    call_command("delete_old_reports", "--dry-run")
    assert "1 prepared reports older than 7 days would be deleted" in capsys.readouterr().out
    call_command("delete_old_reports")

    assert not PreparedReport.objects.exists()


# --- A real worker


def _test_database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.mark.django_db(transaction=True)
def test_worker_process_prepares_the_quarterly_report(
    client, settings, database_queue, coordinator_a, project_a, meeting_a
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "A worker process needs a test database it can open too; SQLite's is in memory. "
            "CI runs this test in its PostgreSQL run."
        )
    _ask_for_quarterly_report(client, coordinator_a, project_a)
    report = PreparedReport.objects.get()
    assert report.status == PreparedReport.Status.QUEUED

    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": _test_database_url(),
            "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            # Laid out in the worker itself: no process to fork, a quicker test.
            "REPORT_JOB_TIMEOUT_SECONDS": "0",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert worker.returncode == 0, worker.stdout + worker.stderr
    report.refresh_from_db()
    assert report.status == PreparedReport.Status.READY, report.error
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = _my_reports(client)
    assert "Ready" in page
    assert "Meeting of A" in pdf_text(_pdf(_download(client, report)))
