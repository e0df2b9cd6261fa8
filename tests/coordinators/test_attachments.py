import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Attachment
from tests.security.html_forms import find_form
from tests.security.sample_files import PDF, WINDOWS_EXECUTABLE

pytestmark = pytest.mark.django_db


def _upload(client, meeting, filename, content, *, is_public=False):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("attachments")
    form.data[f"attachments-{row}-title_en"] = ["Signed attendance list"]
    if is_public:
        form.data[f"attachments-{row}-is_public"] = ["on"]
    data = {**form.submission(), f"attachments-{row}-file": SimpleUploadedFile(filename, content)}
    return client.post(url, data)


def test_a_coordinator_attaches_a_pdf_served_only_through_the_checked_view(
    client, coordinator_a, coordinator_b, meeting_a, settings
):
    client.force_login(coordinator_a)

    assert _upload(client, meeting_a, "list.pdf", PDF).status_code == 302

    attachment = Attachment.objects.get(meeting=meeting_a)
    page = client.get(
        reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    ).content.decode()
    assert attachment.file.url in page
    assert attachment.file.url.startswith("/en/attachments/")
    assert settings.MEDIA_URL not in attachment.file.url
    assert b"".join(client.get(attachment.file.url).streaming_content) == PDF
    client.force_login(coordinator_b)
    assert client.get(attachment.file.url).status_code == 404
    client.logout()
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_a_file_of_another_type_is_refused_with_a_clear_error(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)

    response = _upload(client, meeting_a, "setup.exe", WINDOWS_EXECUTABLE)

    assert response.status_code == 200
    assert "File extension “exe” is not allowed." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused_with_a_clear_error(
    client, coordinator_a, meeting_a, settings
):
    settings.ATTACHMENT_MAX_BYTES = 50
    client.force_login(coordinator_a)

    response = _upload(client, meeting_a, "minutes.pdf", PDF)

    assert "the largest file accepted is 50\xa0bytes" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_public_attachment_of_a_published_meeting_is_downloadable_by_anyone(
    client, coordinator_a, meeting_a
):
    client.force_login(coordinator_a)
    _upload(client, meeting_a, "agenda.pdf", PDF, is_public=True)
    client.logout()

    response = client.get(Attachment.objects.get().get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
