import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from integration_portal.backup import BackupError, backup, restore, row_counts
from meetings.models import Attachment, Attendance, Meeting
from partners.models import Contact, Organisation
from tests.factories import (
    AttachmentFactory,
    AttendanceFactory,
    ContactFactory,
    MeetingFactory,
    OrganisationFactory,
)

# The dump must see committed rows, and SQLite's backup cannot write into an open transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(settings):
    meeting = MeetingFactory(title="Quarterly meeting in Constanța", slug="constanta-q3")
    AttendanceFactory(meeting=meeting, person_name="Ana Petrescu", email="ana@example.org")
    AttendanceFactory(meeting=meeting, person_name="Ion Marin", email="ion@example.org")
    ContactFactory(name="Elena Dobre", phone="+40 722 000 111")
    attachment = AttachmentFactory(meeting=meeting, title="Signed minutes")
    organisation = OrganisationFactory(name="AIDROM")
    organisation.logo.save("aidrom.png", ContentFile(b"\x89PNG logo"), save=True)
    return {"meeting": meeting, "attachment": attachment, "organisation": organisation}


def test_restore_brings_back_every_row_and_file_as_it_was(records, tmp_path):
    counts_before = row_counts()
    attachment_path = records["attachment"].file.path
    attachment_bytes = records["attachment"].file.read()
    folder = backup(tmp_path / "backup")

    # What happens after the backup, and is lost by going back to it.
    Meeting.objects.filter(pk=records["meeting"].pk).update(title="Renamed later")
    Attendance.objects.filter(email="ion@example.org").delete()
    Contact.objects.all().delete()
    ContactFactory(name="Added later")
    records["attachment"].file.storage.delete(records["attachment"].file.name)

    counts_after = restore(folder)

    assert counts_after == counts_before
    assert Meeting.objects.get(slug="constanta-q3").title == "Quarterly meeting in Constanța"
    assert set(Attendance.objects.values_list("email", flat=True)) == {
        "ana@example.org",
        "ion@example.org",
    }
    assert Contact.objects.get().phone == "+40 722 000 111"
    assert not Contact.objects.filter(name="Added later").exists()
    with open(attachment_path, "rb") as restored:
        assert restored.read() == attachment_bytes
    assert Attachment.objects.get().title == "Signed minutes"
    logo = Organisation.objects.get(name="AIDROM").logo
    assert logo.read() == b"\x89PNG logo"


def test_backup_records_the_row_counts_it_holds(records, tmp_path):
    folder = backup(tmp_path / "backup")

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["row_counts"]["meetings.Attendance"] == 2
    assert manifest["row_counts"]["meetings.Meeting"] == 1


def test_restore_refuses_a_backup_of_another_database_engine(records, tmp_path):
    folder = backup(tmp_path / "backup")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["engine"] = "oracle"
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(BackupError, match="This backup is of oracle"):
        restore(folder)

    assert Meeting.objects.filter(slug="constanta-q3").exists()


def test_backup_and_restore_commands_round_trip(records, tmp_path):
    folder = tmp_path / "nightly"
    out = io.StringIO()

    call_command("backup", str(folder), stdout=out)
    Meeting.objects.all().update(title="Changed")
    call_command("restore", str(folder), interactive=False, stdout=out)

    assert f"Backup written to {folder}" in out.getvalue()
    assert "Restored " in out.getvalue()
    assert Meeting.objects.get().title == "Quarterly meeting in Constanța"


def test_backup_command_never_overwrites_an_existing_folder(records, tmp_path):
    (tmp_path / "taken").mkdir()

    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(tmp_path / "taken"), stdout=io.StringIO())
