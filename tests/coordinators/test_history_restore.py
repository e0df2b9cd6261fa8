import pytest
from django.urls import reverse

from core.publication import set_published
from meetings.models import AgendaItem, Meeting
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _save_title(client, meeting, title):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["title_en"] = [title]
    assert client.post(url, form.submission()).status_code == 302


def test_an_administrator_restores_an_earlier_version(client, administrator, meeting_a):
    client.force_login(administrator)
    _save_title(client, meeting_a, "Meeting of A, first rename")
    _save_title(client, meeting_a, "Meeting of A, second rename")
    history_page = client.get(
        reverse("admin:meetings_meeting_history", args=[meeting_a.pk])
    ).content.decode()
    assert history_page.count(str(administrator)) >= 2

    first_rename = meeting_a.history.get(title_en="Meeting of A, first rename")
    version_url = reverse(
        "admin:meetings_meeting_simple_history", args=[meeting_a.pk, first_rename.pk]
    )
    assert version_url in history_page
    version_form = find_form(client.get(version_url).content.decode(), with_field="title_en")
    assert version_form.data["title_en"] == ["Meeting of A, first rename"]
    response = client.post(version_url, version_form.submission())

    assert response.status_code == 302
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A, first rename"
    assert meeting_a.history.latest().history_user == administrator


def test_changes_to_the_agenda_are_kept_with_who_made_them(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("agenda_items")
    form.data[f"agenda_items-{row}-title_en"] = ["Welcome and introductions"]
    client.post(url, form.submission())
    item = AgendaItem.objects.get(meeting=meeting_a)
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["agenda_items-0-DELETE"] = ["on"]
    client.post(url, form.submission())

    records = AgendaItem.history.filter(id=item.pk).order_by("history_date")
    assert [(r.history_type, r.title_en, r.history_user) for r in records] == [
        ("+", "Welcome and introductions", coordinator_a),
        ("-", "Welcome and introductions", coordinator_a),
    ]
    history_page = client.get(
        reverse("admin:meetings_meeting_history", args=[meeting_a.pk])
    ).content.decode()
    assert "Welcome and introductions" in history_page
    assert "Deleted" in history_page and "Created" in history_page


def test_an_administrator_can_read_the_history_of_a_deleted_meeting(
    client, administrator, coordinator_a, meeting_a
):
    pk = meeting_a.pk
    meeting_a.delete()
    url = reverse("admin:meetings_meeting_history", args=[pk])

    client.force_login(coordinator_a)
    assert client.get(url).status_code == 404
    client.force_login(administrator)
    page = client.get(url).content.decode()
    assert "Meeting of A" in page
    assert not Meeting.objects.filter(pk=pk).exists()


def test_an_administrator_restores_an_earlier_version_of_a_project(
    client, administrator, project_a
):
    client.force_login(administrator)
    url = reverse("admin:projects_project_change", args=[project_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["title_en"] = ["Project A, renamed by mistake"]
    client.post(url, form.submission())
    original = project_a.history.earliest()

    version_url = reverse("admin:projects_project_simple_history", args=[project_a.pk, original.pk])
    version_form = find_form(client.get(version_url).content.decode(), with_field="title_en")
    client.post(version_url, version_form.submission())

    project_a.refresh_from_db()
    assert project_a.title_en == "Project A"


# --- Restoring is for administrators, and never changes publication state


def _version_url(record, version) -> str:
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[record.pk, version.pk]
    )


def _rename(record, title: str, by) -> None:
    record.title_en = title
    record._history_user = by
    record.save()


@pytest.mark.parametrize(
    ("user_fixture", "record_fixture"),
    [
        ("coordinator_a", "meeting_a"),
        ("editor", "project_a"),
        ("staff_user", "meeting_a"),
    ],
)
def test_only_administrators_restore_an_earlier_version(
    client, request, administrator, user_fixture, record_fixture
):
    user = request.getfixturevalue(user_fixture)
    record = request.getfixturevalue(record_fixture)
    original_title = record.title_en
    _rename(record, "Renamed afterwards", by=administrator)
    version = record.history.get(title_en=original_title)
    client.force_login(user)

    page = client.get(_version_url(record, version))
    response = client.post(_version_url(record, version), {"title_en": original_title})

    assert page.status_code == 200  # earlier versions stay readable
    assert 'name="_save"' not in page.content.decode()
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.title_en == "Renamed afterwards"


def test_restoring_a_published_version_leaves_an_unpublished_meeting_unpublished(
    client, administrator, meeting_a
):
    set_published(items=[meeting_a], published=True, by=administrator)
    published_version = meeting_a.history.latest()
    set_published(items=[meeting_a], published=False, by=administrator)
    client.force_login(administrator)
    version_form = find_form(
        client.get(_version_url(meeting_a, published_version)).content.decode(),
        with_field="title_en",
    )

    response = client.post(_version_url(meeting_a, published_version), version_form.submission())

    assert response.status_code == 302
    meeting_a.refresh_from_db()
    assert meeting_a.is_published is False
    assert meeting_a.published_at is None
    assert not Meeting.objects.published().filter(pk=meeting_a.pk).exists()
    assert client.get(meeting_a.get_absolute_url()).status_code == 404


def test_restoring_an_unpublished_version_keeps_a_published_project_and_its_publisher(
    client, administrator, editor, project_a
):
    set_published(items=[project_a], published=False, by=administrator)
    unpublished_version = project_a.history.latest()
    set_published(items=[project_a], published=True, by=editor)
    project_a.refresh_from_db()
    published_at = project_a.published_at
    client.force_login(administrator)
    version_form = find_form(
        client.get(_version_url(project_a, unpublished_version)).content.decode(),
        with_field="title_en",
    )

    client.post(_version_url(project_a, unpublished_version), version_form.submission())

    project_a.refresh_from_db()
    assert project_a.is_published is True
    assert project_a.published_at == published_at
    assert project_a.published_by == editor
