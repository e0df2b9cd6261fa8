"""ETag and Last-Modified: a client whose copy is current gets a 304 after one query."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from core.public_cache import content_changed
from core.search import refresh_search_text
from projects.models import FundingProgramme, Project
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


def _titles(response) -> set[str]:
    return {row["title"] for row in response.json()["results"]}


def test_a_write_without_signals_is_answered_anew_once_content_changed_is_called(
    client, network, settings, django_capture_on_commit_callbacks
):
    # The API's stamp renews even where the public pages' cache is off.
    settings.PUBLIC_CACHE = False
    listed = client.get("/api/projects/")
    etag = listed["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        # As `restore` and bulk writes change rows: no save, so no model signal.
        Project.objects.filter(slug="ongoing").update(title_en="Renamed by a bulk write")
        stale = client.get("/api/projects/", headers={"if-none-match": etag})
        content_changed()
    again = client.get("/api/projects/", headers={"if-none-match": etag})

    assert stale.status_code == 304  # the write alone says nothing, hence content_changed()
    assert again.status_code == 200
    assert "Renamed by a bulk write" in _titles(again)
    assert "Ongoing project" not in _titles(again)
    assert again["ETag"] != etag


def test_projects_found_by_a_renamed_programme_are_answered_anew(
    client, network, django_capture_on_commit_callbacks
):
    programme = FundingProgramme.objects.get(slug="amif-national")
    before = client.get("/api/projects/", {"q": "Asylum Fund Romania"})
    assert before.json()["results"] == []

    with django_capture_on_commit_callbacks(execute=True):
        FundingProgramme.objects.filter(pk=programme.pk).update(name_en="Asylum Fund Romania")
        programme.refresh_from_db()
        refresh_search_text(programme.projects.all())
    again = client.get(
        "/api/projects/", {"q": "Asylum Fund Romania"}, headers={"if-none-match": before["ETag"]}
    )

    assert again.status_code == 200
    assert _titles(again) == {"Ongoing project"}
