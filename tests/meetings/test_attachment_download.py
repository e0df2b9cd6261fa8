import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import AttachmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_public_attachment_of_a_published_meeting_downloads_for_anyone(client):
    attachment = AttachmentFactory(is_public=True, meeting=MeetingFactory(is_published=True))

    response = client.get(reverse("meetings:attachment-download", args=[attachment.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("is_public, is_published", [(False, True), (True, False)])
def test_private_attachment_or_unpublished_meeting_is_hidden_from_the_public(
    client, is_public, is_published
):
    attachment = AttachmentFactory(
        is_public=is_public, meeting=MeetingFactory(is_published=is_published)
    )

    by_pk = client.get(reverse("meetings:attachment-download", args=[attachment.pk]))
    by_url = client.get(attachment.file.url)

    assert by_pk.status_code == 404
    assert by_url.status_code == 404


def test_attachment_files_live_outside_the_public_media_folder():
    attachment = AttachmentFactory()

    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    assert "/attachments/file/" in attachment.file.url


def test_staff_reads_a_private_attachment(client, staff_user):
    attachment = AttachmentFactory(is_public=False)
    client.force_login(staff_user)

    response = client.get(attachment.file.url)

    assert response.status_code == 200
