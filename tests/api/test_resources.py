"""What the resources carry: links between them, the answer's language, output counts."""

import pytest

from meetings.enums import MeetingKind, MeetingStatus
from projects.enums import OutputKind
from projects.models import PlannedOutput
from tests.factories import MeetingFactory


def test_project_links_its_programme_partners_meetings_and_public_page(client, network):
    project = client.get("/api/projects/ongoing/").json()

    assert project["html_url"] == "http://testserver/en/projects/ongoing/"
    programme = client.get(project["programme"]["url"]).json()
    assert programme["slug"] == "amif-national"
    assert client.get(programme["projects"]).json()["count"] == 1
    meetings = client.get(project["meetings"]).json()["results"]
    assert [meeting["slug"] for meeting in meetings] == ["past-meeting"]
    partners = {partner["organisation"]["name"]: partner for partner in project["partners"]}
    alpha = client.get(partners["Alpha NGO"]["organisation"]["url"]).json()
    assert alpha["html_url"] == "http://testserver/en/organisations/alpha-ngo/"
    # Named, as on the project's page, but not yet reviewed: no page and no resource.
    assert partners["Marker unreviewed organisation"]["organisation"]["url"] is None


def test_meeting_carries_its_public_agenda_decisions_and_attachments(client, network):
    meeting = client.get("/api/meetings/past-meeting/").json()

    assert [item["title"] for item in meeting["agenda"]] == ["Welcome and introductions"]
    assert [decision["text"] for decision in meeting["decisions"]] == ["Decided to meet again"]
    [attachment] = meeting["attachments"]
    assert attachment["title"] == "Public agenda"
    assert client.get(attachment["download_url"]).status_code == 200
    assert meeting["starts_at"].endswith("+02:00")  # the venue's offset, in winter
    assert meeting["participants"] == 1


def test_translated_texts_follow_lang_or_accept_language_and_official_titles_stay(client, network):
    english = client.get("/api/projects/ongoing/").json()
    romanian = client.get("/api/projects/ongoing/?lang=ro").json()
    by_header = client.get("/api/projects/ongoing/", headers={"accept-language": "ro"})

    assert english["title"] == "Ongoing project"
    assert romanian["title"] == "Proiect în desfășurare"
    assert by_header.json()["title"] == "Proiect în desfășurare"
    assert by_header["Content-Language"] == "ro"
    assert romanian["official_title"] == english["official_title"] == "Proiectul oficial"
    assert romanian["html_url"] == "http://testserver/ro/projects/ongoing/"


def test_project_counts_planned_outputs_against_what_held_meetings_delivered(client, network):
    project = network["ongoing"]
    PlannedOutput.objects.create(project=project, kind=OutputKind.WORKSHOP, quantity=4)
    for status in [MeetingStatus.HELD, MeetingStatus.HELD, MeetingStatus.PLANNED]:
        MeetingFactory(kind=MeetingKind.WORKSHOP, status=status, projects=[project])

    detail = client.get("/api/projects/ongoing/").json()
    listed = client.get("/api/projects/?q=ongoing").json()["results"][0]

    workshops = {"kind": "workshop", "planned": 4, "delivered": 2, "share": "0.5000"}
    assert {key: detail["outputs"][0][key] for key in workshops} == workshops
    assert listed["outputs"] == detail["outputs"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/projects/unpublished/",
        "/api/meetings/draft/",
        "/api/organisations/unreviewed/",
        "/api/projects/no-such-project/",
        "/api/participations/999999/",
        "/api/regions/nowhere/",
    ],
)
def test_unknown_or_unpublished_resource_is_a_json_404(client, network, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
