import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.enums import MeetingStatus
from tests.factories import MeetingFactory, ProjectFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(project_a):
    return MeetingFactory(
        title_en="Planned meeting of A",
        summary_en="The partners of A plan the next quarter.",
        slug="planned-meeting-of-a",
        status=MeetingStatus.PLANNED,
        is_published=False,
        projects=[project_a],
    )


def _public_page(client, meeting):
    return client.get(reverse("meetings:meeting-detail", kwargs={"slug": meeting.slug}))


def _publication_url(meeting):
    return reverse("admin:meetings_meeting_publication", args=[meeting.pk])


def test_a_coordinator_publishes_a_meeting_and_the_public_sees_it(client, coordinator_a, planned):
    assert _public_page(client, planned).status_code == 404
    client.force_login(coordinator_a)
    confirm = client.get(_publication_url(planned)).content.decode()
    assert "The meeting will appear on the public site" in confirm

    client.post(_publication_url(planned))

    planned.refresh_from_db()
    assert planned.is_published
    assert planned.published_by == coordinator_a
    assert timezone.now() - planned.published_at < datetime.timedelta(minutes=1)
    client.logout()
    assert "Planned meeting of A" in _public_page(client, planned).content.decode()
    listing = client.get(reverse("meetings:meeting-list")).content.decode()
    assert "Planned meeting of A" in listing


def test_unpublishing_hides_the_meeting_again(client, coordinator_a, planned):
    client.force_login(coordinator_a)
    client.post(_publication_url(planned))

    client.post(_publication_url(planned))

    planned.refresh_from_db()
    assert not planned.is_published
    assert planned.published_at is None and planned.published_by is None
    client.logout()
    assert _public_page(client, planned).status_code == 404


def test_a_draft_is_not_published(client, coordinator_a, planned):
    planned.status = MeetingStatus.DRAFT
    planned.save()
    client.force_login(coordinator_a)

    response = client.post(_publication_url(planned), follow=True)

    assert "was not published: It is still a draft" in response.content.decode()
    planned.refresh_from_db()
    assert not planned.is_published


def test_publication_is_recorded_in_the_history_with_who_did_it(client, coordinator_a, planned):
    client.force_login(coordinator_a)

    client.post(_publication_url(planned))

    latest = planned.history.latest()
    assert latest.is_published
    assert latest.history_user == coordinator_a


def test_the_published_box_cannot_be_ticked_in_the_form(client, coordinator_a, planned):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[planned.pk])
    page = client.get(url).content.decode()
    form = find_form(page, with_field="title_en")
    assert "is_published" not in form.kinds

    client.post(url, {**form.submission(), "is_published": "on"})

    planned.refresh_from_db()
    assert not planned.is_published


def test_the_list_action_publishes_several_meetings(client, coordinator_a, planned, project_a):
    other = MeetingFactory(
        status=MeetingStatus.HELD, summary_en="Held.", is_published=False, projects=[project_a]
    )
    client.force_login(coordinator_a)

    response = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "publish_selected", "_selected_action": [planned.pk, other.pk]},
        follow=True,
    )

    assert "2 items published: they are now on the public site." in response.content.decode()
    planned.refresh_from_db()
    other.refresh_from_db()
    assert planned.is_published and other.is_published


def test_staff_cannot_publish(client, staff_user, planned):
    client.force_login(staff_user)

    assert client.post(_publication_url(planned)).status_code == 403
    planned.refresh_from_db()
    assert not planned.is_published


def test_an_editor_publishes_a_project(client, editor):
    project = ProjectFactory(title="New integration project", is_published=False)
    detail = reverse("projects:project-detail", kwargs={"slug": project.slug})
    assert client.get(detail).status_code == 404
    client.force_login(editor)

    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project.pk]},
    )

    project.refresh_from_db()
    assert project.is_published and project.published_by == editor
    client.logout()
    assert "New integration project" in client.get(detail).content.decode()


def test_coordinators_cannot_publish_projects(client, coordinator_a, project_a):
    project_a.is_published = False
    project_a.save()
    client.force_login(coordinator_a)

    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project_a.pk]},
    )

    project_a.refresh_from_db()
    assert not project_a.is_published


def test_the_publication_page_says_what_is_missing_before_asking(client, coordinator_a, planned):
    planned.status = MeetingStatus.DRAFT
    planned.summary_en = ""
    planned.save()
    client.force_login(coordinator_a)

    page = client.get(_publication_url(planned)).content.decode()

    assert "cannot be published yet" in page
    assert "It is still a draft: set its status to planned or held." in page
    assert "It has no public summary: write one, in any language." in page
    assert "Yes, publish" not in page


def test_a_meeting_without_a_summary_is_not_published(client, coordinator_a, planned):
    planned.summary_en = ""
    planned.save()
    client.force_login(coordinator_a)

    response = client.post(_publication_url(planned), follow=True)

    page = response.content.decode()
    assert "was not published: It has no public summary" in page
    assert "item published" not in page
    planned.refresh_from_db()
    assert not planned.is_published


def test_a_summary_in_one_language_is_enough_to_publish(client, coordinator_a, planned):
    planned.summary_en = ""
    planned.summary_ro = "Partenerii planifică trimestrul următor."
    planned.save()
    client.force_login(coordinator_a)

    client.post(_publication_url(planned))

    planned.refresh_from_db()
    assert planned.is_published


def test_the_list_action_says_which_cannot_be_published_and_why_before_asking(
    client, coordinator_a, planned, project_a
):
    draft = MeetingFactory(
        title_en="Draft of A", status=MeetingStatus.DRAFT, is_published=False, projects=[project_a]
    )
    client.force_login(coordinator_a)
    changelist = reverse("admin:meetings_meeting_changelist")

    page = client.post(
        changelist, {"action": "publish_selected", "_selected_action": [planned.pk, draft.pk]}
    ).content.decode()

    assert "1 selected item cannot be published yet" in page
    assert "Draft of A" in page and "It is still a draft" in page
    assert "It has no public summary" in page
    assert "Yes, publish it" in page
    planned.refresh_from_db()
    assert not planned.is_published

    confirm = find_form(page, with_field="action")
    response = client.post(changelist, confirm.submission(), follow=True)

    assert "1 item published: it is now on the public site." in response.content.decode()
    planned.refresh_from_db()
    draft.refresh_from_db()
    assert planned.is_published and not draft.is_published


def test_publishing_what_is_already_public_counts_nothing(client, coordinator_a, planned):
    planned.is_published = True
    planned.save()
    client.force_login(coordinator_a)

    response = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "publish_selected", "_selected_action": [planned.pk]},
        follow=True,
    )

    page = response.content.decode()
    assert "Nothing was published" in page
    assert "1 item published" not in page
