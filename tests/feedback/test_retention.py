import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.models import FeedbackMessage

pytestmark = pytest.mark.django_db


def _received(days_ago: int) -> FeedbackMessage:
    return FeedbackMessage.objects.create(
        email="reader@example.org",
        message="Please send the minutes as plain text.",
        language="en",
        received_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_delete_old_feedback_deletes_messages_past_the_retention_period(settings):
    settings.FEEDBACK_RETENTION_YEARS = 2
    old = _received(days_ago=2 * 365 + 1)
    recent = _received(days_ago=2 * 365 - 1)

    call_command("delete_old_feedback", stdout=io.StringIO())

    assert list(FeedbackMessage.objects.all()) == [recent]
    assert not FeedbackMessage.objects.filter(pk=old.pk).exists()


def test_delete_old_feedback_dry_run_only_counts(settings):
    settings.FEEDBACK_RETENTION_YEARS = 2
    _received(days_ago=800)
    out = io.StringIO()

    call_command("delete_old_feedback", dry_run=True, stdout=out)

    assert FeedbackMessage.objects.count() == 1
    assert out.getvalue().startswith("1 feedback messages received before")
