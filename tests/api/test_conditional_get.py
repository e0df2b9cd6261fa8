"""ETag and Last-Modified: a client whose copy is current gets a 304 after one query."""

import datetime

from django.utils import timezone
from django.utils.http import http_date


def test_same_etag_answers_304_after_reading_only_the_content_stamp(
    client, network, django_assert_num_queries
):
    first = client.get("/api/projects/?status=ongoing")
    etag = first["ETag"]

    with django_assert_num_queries(1):  # the content stamp
        again = client.get("/api/projects/?status=ongoing", headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_a_change_to_public_content_changes_the_etag(
    client, network, django_capture_on_commit_callbacks
):
    etag = client.get("/api/meetings/past-meeting/")["ETag"]
    meeting = network["past_meeting"]

    with django_capture_on_commit_callbacks(execute=True):
        meeting.summary = "A new summary"
        meeting.save()
    response = client.get("/api/meetings/past-meeting/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response.json()["summary"] == "A new summary"
    assert response["ETag"] != etag


def test_etag_differs_by_query_and_language(client, network):
    etags = {
        client.get("/api/projects/")["ETag"],
        client.get("/api/projects/?status=ongoing")["ETag"],
        client.get("/api/projects/?lang=ro")["ETag"],
        client.get("/api/projects/", headers={"accept-language": "bg"})["ETag"],
    }

    assert len(etags) == 4


def test_if_modified_since_answers_304_until_content_changes(
    client, network, django_capture_on_commit_callbacks
):
    response = client.get("/api/organisations/")
    last_modified = response["Last-Modified"]

    assert (
        client.get("/api/organisations/", headers={"if-modified-since": last_modified}).status_code
        == 304
    )
    with django_capture_on_commit_callbacks(execute=True):
        network["ngo"].save()
    later = http_date((timezone.now() - datetime.timedelta(seconds=5)).timestamp())
    assert (
        client.get("/api/organisations/", headers={"if-modified-since": later}).status_code == 200
    )
