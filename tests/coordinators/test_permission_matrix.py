"""Who may open which door of a meeting of project A.

Roles: anonymous, staff (reads all, exports), editor (public content only), the coordinator of
project A, the coordinator of project B, an administrator. Doors: the meetings list, the add
page, A's change, delete and history pages, a private attachment of A, and A's PDF report and
attendance sheet; the contacts of an organisation only project A works with (list, change page,
history, restoring a version, the attendance list's contact search); the follow-ups carried to a
meeting A and B share (its change page and report); and the changelist of every model in the
admin.
"""

import datetime
import io

import pytest
from django.contrib import admin
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import ActionItem, Meeting
from tests.factories import (
    BUCHAREST,
    ActionItemFactory,
    AttachmentFactory,
    ContactFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
)
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
    "sheet":      ("login",   "pdf",  404,    "pdf",         404,           "pdf"),
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
        "sheet": reverse("meetings:meeting-attendance-pdf", kwargs={"slug": meeting.slug}),
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


# --- Private rows: contacts, carried follow-ups, history and restore

CONTACT_OF_A = "Ana Partener"
FOLLOW_UP_OF_B = "Book the interpreters B alone needs"
FOLLOW_UP_OF_A = "Send the partners of A the minutes"

# What each role meets at each door:
#   "login"   redirected to the sign-in page
#   "shown"   the page (or PDF) shows the private row
#   "hidden"  the page (or PDF) answers but leaves the private row out
#   "page"    the page, read-only where it is a form
#   "saved"   the version was restored (a redirect after saving)
#   403, 404  refused
PRIVATE_MATRIX = {
    #                     anonymous  staff     editor  coordinator_a  coordinator_b  administrator
    "contact-list":      ("login",   "shown",  403,    "shown",       "hidden",      "shown"),
    "contact-change":    ("login",   "page",   404,    "shown",       404,           "shown"),
    "contact-search":    ("login",   "shown",  403,    "shown",       "hidden",      "shown"),
    "contact-history":   ("login",   "page",   404,    "page",        404,           "page"),
    "contact-restore":   ("login",   403,      404,    403,           404,           "saved"),
    "shared-change":     ("login",   "shown",  404,    "hidden",      "shown",       "shown"),
    "shared-report":     ("login",   "shown",  404,    "hidden",      "shown",       "shown"),
    "shared-history":    ("login",   "page",   404,    "page",        "page",        "page"),
}  # fmt: skip

# The private row each door must show or leave out.
PRIVATE_ROW = {"contact": CONTACT_OF_A, "shared": FOLLOW_UP_OF_B}

PRIVATE_CELLS = [
    (door, role, expected)
    for door, row in PRIVATE_MATRIX.items()
    for role, expected in zip(ROLES, row, strict=True)
]


@pytest.fixture
def private_world(project_a, project_b, meeting_a, meeting_b, administrator):
    """A contact of an organisation only project A works with, renamed once by an
    administrator (so it has an earlier version); and a meeting A and B share, after a B-only
    meeting whose follow-up is still open and an A-only one whose follow-up is too."""
    partner = OrganisationFactory(name="Partner of A")
    ParticipationFactory(project=project_a, organisation=partner)
    contact = ContactFactory(organisation=partner, name="Ana Partener-Old", email="ana@a.example")
    contact.name = CONTACT_OF_A
    contact._history_user = administrator
    contact.save()
    for meeting, text in [(meeting_b, FOLLOW_UP_OF_B), (meeting_a, FOLLOW_UP_OF_A)]:
        meeting.starts_at = datetime.datetime(2016, 1, 5, 10, tzinfo=BUCHAREST)
        meeting.save()
        ActionItemFactory(meeting=meeting, text=text)
    shared = MeetingFactory(
        title="Shared meeting of A and B",
        slug="shared-meeting",
        starts_at=datetime.datetime(2016, 4, 5, 10, tzinfo=BUCHAREST),
        projects=[project_a, project_b],
    )
    return {"contact": contact, "shared": shared}


def _private_url(door: str, world: dict) -> str:
    contact, shared = world["contact"], world["shared"]
    if door == "contact-restore":
        version = contact.history.earliest()
        return reverse("admin:partners_contact_simple_history", args=[contact.pk, version.pk])
    search = {"app_label": "meetings", "model_name": "attendance", "field_name": "contact"}
    return {
        "contact-list": reverse("admin:partners_contact_changelist"),
        "contact-change": reverse("admin:partners_contact_change", args=[contact.pk]),
        "contact-search": reverse("admin:autocomplete")
        + "?"
        + "&".join(f"{key}={value}" for key, value in {**search, "term": ""}.items()),
        "contact-history": reverse("admin:partners_contact_history", args=[contact.pk]),
        "shared-change": reverse("admin:meetings_meeting_change", args=[shared.pk]),
        "shared-report": reverse("meetings:meeting-report-pdf", kwargs={"slug": shared.slug}),
        "shared-history": reverse("admin:meetings_meeting_history", args=[shared.pk]),
    }[door]


def _text(response) -> str:
    if response["Content-Type"] == "application/pdf":
        reader = PdfReader(io.BytesIO(response.content))
        return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return response.content.decode()


@pytest.mark.parametrize(("door", "role", "expected"), PRIVATE_CELLS)
def test_private_rows_matrix(signed_in, private_world, door, role, expected):
    client = signed_in(role)
    url = _private_url(door, private_world)

    if door == "contact-restore":
        response = client.post(url, {"name": "Ana Partener-Old", "organisation": "x"})
        version_data = {
            "organisation": private_world["contact"].organisation_id,
            "name": "Ana Partener-Old",
            "email": "ana@a.example",
        }
        if response.status_code == 200:  # the administrator's form: post it complete
            response = client.post(url, version_data)
    else:
        response = client.get(url)

    contact = private_world["contact"]
    contact.refresh_from_db()
    if door == "contact-restore" and expected != "saved":
        assert contact.name == CONTACT_OF_A
    if expected == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif isinstance(expected, int):
        assert response.status_code == expected
    elif expected == "saved":
        assert response.status_code == 302
        assert contact.name == "Ana Partener-Old"
    else:
        assert response.status_code == 200
        text = _text(response)
        row = PRIVATE_ROW[door.split("-")[0]]
        if expected == "shown":
            assert row in text
        elif expected == "hidden":
            assert row not in text
        if door.startswith("shared-") and role in {"coordinator_a", "administrator", "staff"}:
            assert FOLLOW_UP_OF_A in text or door == "shared-history"
        if expected == "page" or (door == "contact-change" and role == "staff"):
            assert 'name="_save"' not in text


# --- Every model in the admin: who opens its list, and what a coordinator finds there

B_ONLY_MARKERS = ["Boris Strain", "Meeting of B", FOLLOW_UP_OF_B]
ADMIN_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.fixture
def rows_of_b_only(project_b, meeting_b):
    partner = OrganisationFactory(name="Partner of B")
    ParticipationFactory(project=project_b, organisation=partner)
    ContactFactory(organisation=partner, name="Boris Strain")
    ActionItemFactory(meeting=meeting_b, text=FOLLOW_UP_OF_B)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_every_admin_changelist_answers_by_role(
    request, signed_in, rows_of_b_only, meeting_a, model, role
):
    client = signed_in(role)
    opts = model._meta

    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    if role == "anonymous":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
        return
    user = request.getfixturevalue(FIXTURES.get(role, role))
    may_open = user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )
    assert response.status_code == (200 if may_open else 403)
    if role == "coordinator_a" and may_open:
        page = response.content.decode()
        assert [marker for marker in B_ONLY_MARKERS if marker in page] == []
