import io

from django.core.management import call_command


def test_the_daily_run_also_runs_the_clean_ups(db):
    out = io.StringIO()

    call_command("send_reminders", stdout=out)

    assert "0 reminder(s) due, 0 e-mail job(s) queued." in out.getvalue()
    assert "feedback messages received before" in out.getvalue()
