"""ETag and Last-Modified: a client whose copy is current gets a 304 after one query."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from tests.factories import OrganisationFactory


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


def test_marking_organisations_reviewed_in_the_admin_lists_them_at_once(
    client, network, superuser, django_capture_on_commit_callbacks
):
    newcomer = OrganisationFactory(name="Asociația Nou Venită", is_reviewed=False)
    listed = client.get("/api/organisations/", {"page_size": 100})
    assert newcomer.slug not in {row["slug"] for row in listed.json()["results"]}
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:partners_organisation_changelist"),
            {"action": "mark_reviewed", "_selected_action": [newcomer.pk]},
        )
    client.logout()
    again = client.get(
        "/api/organisations/", {"page_size": 100}, headers={"if-none-match": listed["ETag"]}
    )

    assert again.status_code == 200
    assert newcomer.slug in {row["slug"] for row in again.json()["results"]}
