"""Who may open which door of a meeting of project A.

Roles: anonymous, staff (reads all, exports), editor (public content only), the coordinator of
project A, the coordinator of project B, an administrator. Doors: the meetings list, the add
page, A's change, delete and history pages, a private attachment of A, and A's PDF report.
"""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, Meeting
from tests.factories import ActionItemFactory, AttachmentFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "staff", "editor", "coordinator_a", "coordinator_b", "administrator"]

# What each role meets at each door:
#   "login"   redirected to the sign-in page
#   "ok"      the page, showing meeting A (read-write where it is a form)
#   "read"    the change page without any save button
#   "absent"  the meetings list, without meeting A
#   "page"    the page (the add form)
#   "file"    the attachment's bytes
#   "pdf"     a PDF
#   403, 404  refused
MATRIX = {
    #              anonymous  staff   editor  coordinator_a  coordinator_b  administrator
    "changelist": ("login",   "ok",   403,    "ok",          "absent",      "ok"),
    "add":        ("login",   403,    403,    "page",        "page",        "page"),
    "change":     ("login",   "read", 404,    "ok",          404,           "ok"),
    "delete":     ("login",   403,    404,    "ok",          404,           "ok"),
    "history":    ("login",   "ok",   404,    "ok",          404,           "ok"),
    "attachment": (404,       "file", 404,    "file",        404,           "file"),
    "export":     ("login",   "pdf",  404,    "pdf",         404,           "pdf"),
}  # fmt: skip

FIXTURES = {"staff": "staff_user"}

CELLS = [
    (door, role, expected)
    for door, row in MATRIX.items()
    for role, expected in zip(ROLES, row, strict=True)
]


def _url(door, meeting, attachment):
    return {
        "changelist": reverse("admin:meetings_meeting_changelist"),
        "add": reverse("admin:meetings_meeting_add"),
        "change": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        "delete": reverse("admin:meetings_meeting_delete", args=[meeting.pk]),
        "history": reverse("admin:meetings_meeting_history", args=[meeting.pk]),
        "attachment": reverse("meetings:attachment-download", args=[attachment.pk]),
        "export": reverse("meetings:meeting-report-pdf", kwargs={"slug": meeting.slug}),
    }[door]


@pytest.fixture
def signed_in(request, client):
    def sign_in(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(FIXTURES.get(role, role)))
        return client

    return sign_in


@pytest.mark.parametrize(("door", "role", "expected"), CELLS)
def test_permission_matrix(signed_in, meeting_a, meeting_b, door, role, expected):
    attachment = AttachmentFactory(meeting=meeting_a, title="Signed list", is_public=False)
    client = signed_in(role)

    response = client.get(_url(door, meeting_a, attachment))

    if expected == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif isinstance(expected, int):
        assert response.status_code == expected
    elif expected == "file":
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    elif expected == "pdf":
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    else:
        page = response.content.decode()
        assert response.status_code == 200
        if expected == "absent":
            assert "Meeting of B" in page
            assert "Meeting of A" not in page
        elif expected == "ok":
            assert "Meeting of A" in page
        elif expected == "read":
            assert "Meeting of A" in page
            assert 'name="_save"' not in page
        if door == "change" and expected == "ok":
            assert 'name="_save"' in page


# --- Doors forced: guessed IDs and forms posted directly


def _change_form(client, user, meeting):
    client.force_login(user)
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    return find_form(page.content.decode(), with_field="title_en")


def test_a_coordinator_cannot_post_changes_to_another_projects_meeting(
    client, coordinator_a, coordinator_b, meeting_a
):
    form = _change_form(client, coordinator_a, meeting_a)
    form.data["title_en"] = ["Taken over"]
    client.force_login(coordinator_b)

    response = client.post(
        reverse("admin:meetings_meeting_change", args=[meeting_a.pk]), form.submission()
    )

    assert response.status_code == 404
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A"


def test_a_coordinator_cannot_delete_another_projects_meeting(client, coordinator_b, meeting_a):
    client.force_login(coordinator_b)

    response = client.post(
        reverse("admin:meetings_meeting_delete", args=[meeting_a.pk]), {"post": "yes"}
    )

    assert response.status_code == 404
    assert Meeting.objects.filter(pk=meeting_a.pk).exists()


def test_staff_cannot_post_changes_to_a_meeting(client, coordinator_a, staff_user, meeting_a):
    form = _change_form(client, coordinator_a, meeting_a)
    form.data["title_en"] = ["Changed by staff"]
    client.force_login(staff_user)

    response = client.post(
        reverse("admin:meetings_meeting_change", args=[meeting_a.pk]), form.submission()
    )

    assert response.status_code == 403
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A"


@pytest.mark.parametrize(
    "url_name", ["admin:meetings_meeting_import_attendees", "admin:meetings_meeting_publication"]
)
def test_a_coordinator_cannot_open_another_projects_meeting_tools(
    client, coordinator_b, meeting_a, url_name
):
    meeting_a.is_published = False
    meeting_a.save()
    client.force_login(coordinator_b)

    assert client.get(reverse(url_name, args=[meeting_a.pk])).status_code == 404
    assert client.post(reverse(url_name, args=[meeting_a.pk])).status_code == 404
    meeting_a.refresh_from_db()
    assert not meeting_a.is_published


def test_a_coordinator_cannot_open_a_version_of_another_projects_meeting(
    client, coordinator_b, meeting_a
):
    meeting_a.title_en = "Meeting of A, renamed"
    meeting_a.save()
    version = meeting_a.history.earliest()
    client.force_login(coordinator_b)

    url = reverse("admin:meetings_meeting_simple_history", args=[meeting_a.pk, version.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title_en": "Meeting of A"}).status_code == 404
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A, renamed"


def test_the_publish_action_ignores_another_projects_meeting(client, coordinator_b, meeting_a):
    meeting_a.is_published = False
    meeting_a.save()
    client.force_login(coordinator_b)

    client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "publish_selected", "_selected_action": [meeting_a.pk]},
    )

    meeting_a.refresh_from_db()
    assert not meeting_a.is_published


def _add_form(client, user):
    client.force_login(user)
    page = client.get(reverse("admin:meetings_meeting_add"))
    form = find_form(page.content.decode(), with_field="title_en")
    form.data.update(
        {
            "title_en": ["Filed under someone else"],
            "slug": ["filed-elsewhere"],
            "kind": ["quarterly"],
            "starts_at_0": ["2027-02-10"],
            "starts_at_1": ["10:00:00"],
        }
    )
    return form


def test_a_coordinator_offers_only_their_own_projects_for_a_new_meeting(
    client, coordinator_b, project_a, project_b
):
    form = _add_form(client, coordinator_b)

    assert form.options["meeting_projects-0-project"] == ["", str(project_b.pk)]


def test_a_coordinator_cannot_file_a_meeting_under_another_project(
    client, coordinator_b, project_a
):
    form = _add_form(client, coordinator_b)
    form.data["meeting_projects-0-project"] = [str(project_a.pk)]

    response = client.post(reverse("admin:meetings_meeting_add"), form.submission())

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Meeting.objects.filter(slug="filed-elsewhere").exists()


def test_a_new_meeting_needs_one_of_the_coordinators_projects(client, coordinator_b):
    form = _add_form(client, coordinator_b)
    form.data["meeting_projects-0-project"] = [""]

    response = client.post(reverse("admin:meetings_meeting_add"), form.submission())

    assert "Add at least one of the projects you coordinate" in response.content.decode()
    assert not Meeting.objects.filter(slug="filed-elsewhere").exists()


def test_a_coordinator_files_a_meeting_under_their_project(client, coordinator_b, project_b):
    form = _add_form(client, coordinator_b)
    form.data["meeting_projects-0-project"] = [str(project_b.pk)]

    response = client.post(reverse("admin:meetings_meeting_add"), form.submission())

    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="filed-elsewhere")
    assert list(meeting.projects.all()) == [project_b]


def test_a_coordinator_cannot_reach_another_projects_action_items(
    client, coordinator_b, meeting_a, meeting_b
):
    item = ActionItemFactory(meeting=meeting_a, text="Send the minutes of A")
    client.force_login(coordinator_b)

    listing = client.get(reverse("admin:meetings_actionitem_changelist")).content.decode()
    change = client.get(reverse("admin:meetings_actionitem_change", args=[item.pk]))
    added = client.post(
        reverse("admin:meetings_actionitem_add"),
        {"meeting": meeting_a.pk, "kind": "action", "text_en": "Slipped in", "status": "open"},
    )

    assert "Send the minutes of A" not in listing
    assert change.status_code == 404
    assert added.status_code == 200
    assert not ActionItem.objects.filter(text_en="Slipped in").exists()


def test_only_administrators_name_a_projects_coordinators(client, editor, administrator, project_a):
    client.force_login(editor)
    editor_page = client.get(reverse("admin:projects_project_change", args=[project_a.pk]))
    client.force_login(administrator)
    admin_page = client.get(reverse("admin:projects_project_change", args=[project_a.pk]))

    assert 'name="coordinators"' not in editor_page.content.decode()
    assert 'name="coordinators"' in admin_page.content.decode()


def test_a_coordinator_of_one_project_finds_it_chosen_on_a_new_meeting(
    client, coordinator_b, project_b
):
    form = _add_form(client, coordinator_b)

    assert form.data["meeting_projects-0-project"] == [str(project_b.pk)]
