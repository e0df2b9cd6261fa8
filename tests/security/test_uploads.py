import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Attachment
from tests.factories import MeetingFactory
from tests.security import sample_files
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

STORED_NAME = re.compile(r"^attachments/[0-9a-f]{32}/[-\w.]+$")


def _attachment(meeting, name: str, data: bytes) -> Attachment:
    return Attachment(meeting=meeting, title="Minutes", file=SimpleUploadedFile(name, data))


@pytest.mark.parametrize("extension", sorted(sample_files.GENUINE))
def test_attachment_of_each_accepted_type_passes_the_content_check(extension):
    attachment = _attachment(
        MeetingFactory(), f"minutes.{extension}", sample_files.GENUINE[extension]()
    )

    attachment.full_clean()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.pdf", sample_files.HTML),
        ("minutes.pdf", sample_files.PNG),
        ("photo.png", sample_files.PDF),
        ("photo.jpg", sample_files.HTML),
        ("report.docx", sample_files.WINDOWS_EXECUTABLE),
        ("report.docx", sample_files.plain_zip()),
        ("report.docx", sample_files.xlsx()),
        ("sheet.xlsx", sample_files.docx()),
        ("sheet.ods", sample_files.odt()),
        ("letter.odt", b"PK\x03\x04 broken archive"),
        ("empty.pdf", b""),
    ],
)
def test_attachment_whose_content_does_not_match_its_name_is_refused(name, data):
    attachment = _attachment(MeetingFactory(), name, data)

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()

    assert "is not a" in " ".join(error.value.message_dict["file"])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.pdf", sample_files.PDF_SIGNATURE_ONLY),
        ("minutes.pdf", sample_files.PDF_WITHOUT_PAGES),
        ("minutes.pdf", sample_files.PDF[: len(sample_files.PDF) // 2]),
        ("photo.png", sample_files.PNG_SIGNATURE_ONLY),
        ("photo.jpg", sample_files.JPEG_SIGNATURE_ONLY),
        ("report.docx", sample_files.docx_with_a_damaged_member()),
        ("report.docx", sample_files.docx(document="<w:document><w:body>")),
        ("letter.odt", sample_files.opendocument(sample_files.ODT_TYPE, manifest=False)),
    ],
)
def test_attachment_that_only_starts_like_its_type_is_refused_as_unreadable(name, data):
    attachment = _attachment(MeetingFactory(), name, data)

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()

    assert "cannot be opened: it is damaged or incomplete" in " ".join(
        error.value.message_dict["file"]
    )


def test_attachment_with_a_forbidden_extension_is_refused_whatever_its_content():
    attachment = _attachment(MeetingFactory(), "minutes.html", sample_files.HTML)

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()

    assert "file" in error.value.message_dict


def test_attachment_over_the_size_limit_is_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    attachment = _attachment(MeetingFactory(), "minutes.pdf", sample_files.PDF + b" " * 2048)

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()

    assert "the largest file accepted is 1.0\xa0KB" in " ".join(error.value.message_dict["file"])


@pytest.mark.parametrize(
    ("uploaded_name", "stored_base_name"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\ana\\Desktop\\minutes.pdf", "minutes.pdf"),
        ('minutes "final" <b>v2</b>.pdf', "b.pdf"),
        ('minutes "final" v2.pdf', "minutes_final_v2.pdf"),
        ("Raport trimestrial T3 – Constanța.pdf", "Raport_trimestrial_T3__Constanța.pdf"),
        ("...pdf", "attachment.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("minutes.PDF", "minutes.pdf"),
        ("min\x00utes.pdf", "minutes.pdf"),
        ("x" * 300 + ".pdf", "x" * 120 + ".pdf"),
    ],
)
def test_attachment_file_names_are_cleaned_and_stored_in_a_random_folder(
    uploaded_name, stored_base_name
):
    attachment = _attachment(MeetingFactory(), uploaded_name, sample_files.PDF)
    attachment.save()

    assert STORED_NAME.match(attachment.file.name)
    assert attachment.file.name.rsplit("/", 1)[-1] == stored_base_name


def test_two_uploads_of_the_same_name_keep_both_files():
    meeting = MeetingFactory()
    first = _attachment(meeting, "minutes.pdf", sample_files.PDF + b"% first")
    second = _attachment(meeting, "minutes.pdf", sample_files.PDF + b"% second")
    first.save()
    second.save()

    assert first.file.name != second.file.name
    assert first.file.open("rb").read().endswith(b"% first")
    assert second.file.open("rb").read().endswith(b"% second")


def test_uploaded_attachment_is_served_as_a_download_that_browsers_do_not_sniff(client, staff_user):
    attachment = _attachment(MeetingFactory(), "<img src=x onerror=alert(1)>.pdf", sample_files.PDF)
    attachment.save()
    client.force_login(staff_user)

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "<" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def _meeting_form_with_an_attachment(client, meeting, name: str, data: bytes):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = find_form(client.get(url).content.decode(), with_field="attachments-TOTAL_FORMS")
    row = form.add_inline_row("attachments")
    form.data[f"attachments-{row}-title_en"] = ["Signed minutes"]
    form.data[f"attachments-{row}-title"] = ["Signed minutes"]
    submission = form.submission()
    submission[f"attachments-{row}-file"] = SimpleUploadedFile(name, data)
    submission["title_en"] = "Renamed in the same save"
    return url, submission


def test_coordinator_uploads_a_genuine_pdf_through_the_admin(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    url, submission = _meeting_form_with_an_attachment(
        client, meeting_a, "signed minutes.pdf", sample_files.PDF
    )

    response = client.post(url, submission)

    assert response.status_code == 302, response.content.decode()[:3000]
    attachment = meeting_a.attachments.get()
    assert attachment.title == "Signed minutes"
    assert attachment.file.name.endswith("/signed_minutes.pdf")


def test_impostor_upload_through_the_admin_shows_an_error_and_stores_nothing(
    client, coordinator_a, meeting_a, settings
):
    client.force_login(coordinator_a)
    url, submission = _meeting_form_with_an_attachment(
        client, meeting_a, "minutes.pdf", sample_files.HTML
    )

    response = client.post(url, submission)

    assert response.status_code == 200
    assert "The content of this file is not a PDF document" in response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.title == "Meeting of A"
    assert not meeting_a.attachments.exists()
    stored = settings.PRIVATE_MEDIA_ROOT
    assert not stored.exists() or not any(path.is_file() for path in stored.rglob("*"))


def test_truncated_pdf_upload_through_the_admin_names_the_problem_and_stores_nothing(
    client, coordinator_a, meeting_a
):
    client.force_login(coordinator_a)
    url, submission = _meeting_form_with_an_attachment(
        client, meeting_a, "minutes.pdf", sample_files.PDF_SIGNATURE_ONLY
    )

    response = client.post(url, submission)

    assert response.status_code == 200
    assert "This PDF file cannot be opened" in response.content.decode()
    assert not meeting_a.attachments.exists()
