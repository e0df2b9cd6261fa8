import zoneinfo

from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from meetings.enums import MeetingStatus
from reminders.enums import DeliveryStatus, ReminderKind
from reminders.models import Recipient, Reminder
from tests.factories import CityFactory, MeetingFactory, RegionFactory
from tests.reminders.conftest import run_daily, venue_time


def _mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_attendees_and_organisers_contacts_are_reminded_once(upcoming_meeting, organiser_contact):
    run_daily()
    run_daily()

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [
        "ana.pop@example.org",
        "maria@host.example.org",
        "olga@organiser.example.org",
    ]
    assert Reminder.objects.filter(status=DeliveryStatus.SENT).count() == 3


def test_reminder_is_in_the_venue_countrys_language_with_the_venue_time(upcoming_meeting):
    run_daily()

    [message] = _mail_to("ana.pop@example.org")
    html = message.alternatives[0].content
    with translation.override("ro"):
        romanian_date = date_format(upcoming_meeting.local_starts_at, "DATE_FORMAT")
    assert romanian_date in message.body
    assert "10:00–13:00" in message.body
    assert "Europe/Bucharest" in message.body
    assert "Prefecture hall" in message.body
    assert 'lang="ro"' in html
    assert Reminder.objects.get(recipient="ana.pop@example.org").language == "ro"


def test_a_language_the_person_chose_wins_over_the_countrys(upcoming_meeting):
    Recipient.objects.create(email="ANA.Pop@example.org", language="bg")

    run_daily()

    [message] = _mail_to("ana.pop@example.org")
    with translation.override("bg"):
        bulgarian_date = date_format(upcoming_meeting.local_starts_at, "DATE_FORMAT")
    assert bulgarian_date in message.body
    assert 'lang="bg"' in message.alternatives[0].content


def test_a_meeting_abroad_is_in_english_and_its_own_time_zone(project_a):
    poland = RegionFactory(name="Poland", slug="poland", code="PL")
    meeting = MeetingFactory(
        status=MeetingStatus.PLANNED,
        starts_at=venue_time(1, 9, zone=zoneinfo.ZoneInfo("Europe/Warsaw")),
        timezone="Europe/Warsaw",
        city=CityFactory(name="Warsaw", slug="warsaw", parent=poland),
        projects=[project_a],
    )
    meeting.attendances.create(person_name="Jan", email="jan@example.pl", presence="expected")

    run_daily()

    [message] = _mail_to("jan@example.pl")
    # 09:00 in Warsaw is 10:00 in the portal's zone: the venue's time is the one written.
    assert "09:00" in message.body
    assert "Europe/Warsaw" in message.body
    with translation.override("en"):
        assert date_format(meeting.local_starts_at, "DATE_FORMAT") in message.body


def test_the_calendar_file_is_attached(upcoming_meeting):
    run_daily()

    [message] = _mail_to("ana.pop@example.org")
    [(filename, content, mimetype)] = message.attachments
    assert filename == "meeting.ics"
    assert mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content
    assert "SUMMARY:Regional coordination" in content


def test_an_excused_attendee_is_not_reminded(upcoming_meeting):
    run_daily()

    assert _mail_to("ion@example.org") == []


def test_no_reminders_for_a_meeting_whose_reminders_are_off(upcoming_meeting):
    upcoming_meeting.reminders_enabled = False
    upcoming_meeting.save()

    run_daily()

    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_reminders_wait_until_the_meetings_number_of_days_before(upcoming_meeting):
    upcoming_meeting.reminder_days_before = 1
    upcoming_meeting.save()

    run_daily()
    assert mail.outbox == []

    upcoming_meeting.reminder_days_before = 3
    upcoming_meeting.save()
    run_daily()
    assert len(_mail_to("ana.pop@example.org")) == 1


def test_the_days_before_default_comes_from_the_setting(upcoming_meeting, settings):
    settings.REMINDER_DAYS_BEFORE = 1

    run_daily()

    assert mail.outbox == []


def test_a_cancelled_meeting_is_not_reminded(upcoming_meeting):
    upcoming_meeting.status = MeetingStatus.CANCELLED
    upcoming_meeting.save()

    run_daily()

    assert mail.outbox == []


def test_a_moved_meeting_is_reminded_again_for_its_new_day(upcoming_meeting):
    run_daily()
    upcoming_meeting.starts_at = venue_time(1, 10)
    upcoming_meeting.ends_at = None
    upcoming_meeting.save()

    run_daily()

    assert len(_mail_to("ana.pop@example.org")) == 2
    assert (
        Reminder.objects.filter(
            kind=ReminderKind.BEFORE_MEETING, recipient="ana.pop@example.org"
        ).count()
        == 2
    )
