"""Which contacts a coordinator reads and edits: those of the organisations taking part in their
projects (partners, and hosts, organisers and attendees' organisations of the projects'
meetings), and no others. Staff and administrators see every contact."""

import pytest
import tablib
from django.urls import reverse

from accounts.roles import Role
from meetings.enums import Presence
from meetings.services import import_attendees
from partners.models import Contact
from tests.factories import (
    AttendanceFactory,
    ContactFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:partners_contact_changelist")


@pytest.fixture
def partner_contact_a(project_a):
    """Ana, at an organisation that is a partner of project A."""
    partner = OrganisationFactory(name="Partner of A")
    ParticipationFactory(project=project_a, organisation=partner)
    return ContactFactory(organisation=partner, name="Ana Partener", email="ana@partner-a.example")


@pytest.fixture
def contact_b(project_b):
    """Boris, at an organisation that only project B works with."""
    partner = OrganisationFactory(name="Partner of B")
    ParticipationFactory(project=project_b, organisation=partner)
    return ContactFactory(
        organisation=partner, name="Boris Strain", email="boris@partner-b.example"
    )


def _door(door: str, contact: Contact) -> str:
    return reverse(f"admin:partners_contact_{door}", args=[contact.pk])


# --- The contacts list


def test_coordinator_lists_contacts_of_their_projects_partners_only(
    client, coordinator_a, partner_contact_a, contact_b
):
    client.force_login(coordinator_a)

    page = client.get(CHANGELIST).content.decode()

    assert "Ana Partener" in page
    assert "Boris Strain" not in page


@pytest.mark.parametrize("link", ["attendee", "host", "organiser"])
def test_coordinator_sees_contacts_of_organisations_at_their_projects_meetings(
    client, coordinator_a, meeting_a, meeting_b, link
):
    ours, theirs = OrganisationFactory(name="At A"), OrganisationFactory(name="At B")
    for meeting, organisation in [(meeting_a, ours), (meeting_b, theirs)]:
        if link == "attendee":
            AttendanceFactory(meeting=meeting, organisation=organisation)
        elif link == "host":
            meeting.host = organisation
            meeting.save()
        else:
            MeetingOrganisationFactory(meeting=meeting, organisation=organisation)
    ContactFactory(organisation=ours, name="Olga Noastra")
    ContactFactory(organisation=theirs, name="Tudor Strain")
    client.force_login(coordinator_a)

    page = client.get(CHANGELIST).content.decode()

    assert "Olga Noastra" in page
    assert "Tudor Strain" not in page


@pytest.mark.parametrize("reader", ["staff_user", "administrator", "superuser"])
def test_staff_and_administrators_see_every_contact(
    request, client, partner_contact_a, contact_b, reader
):
    client.force_login(request.getfixturevalue(reader))

    page = client.get(CHANGELIST).content.decode()

    assert "Ana Partener" in page
    assert "Boris Strain" in page


def test_staff_read_a_contact_without_a_save_button(client, staff_user, contact_b):
    client.force_login(staff_user)

    response = client.get(_door("change", contact_b))

    assert response.status_code == 200
    assert "Boris Strain" in response.content.decode()
    assert 'name="_save"' not in response.content.decode()


def test_a_coordinator_of_no_project_sees_no_contact(client, partner_contact_a):
    client.force_login(UserFactory(email="new.coordinator@example.org", role=Role.COORDINATOR))

    page = client.get(CHANGELIST).content.decode()

    assert "Ana Partener" not in page


# --- Another project's contact, door by door


@pytest.mark.parametrize("door", ["change", "history", "delete"])
def test_another_projects_contact_is_not_found(client, coordinator_a, contact_b, door):
    client.force_login(coordinator_a)

    assert client.get(_door(door, contact_b)).status_code == 404


def test_a_coordinator_cannot_post_a_change_to_another_projects_contact(
    client, coordinator_a, coordinator_b, contact_b
):
    client.force_login(coordinator_b)
    form = find_form(client.get(_door("change", contact_b)).content.decode(), with_field="name")
    form.data["name"] = ["Taken over"]
    client.force_login(coordinator_a)

    response = client.post(_door("change", contact_b), form.submission())

    assert response.status_code == 404
    contact_b.refresh_from_db()
    assert contact_b.name == "Boris Strain"


def test_a_coordinator_cannot_delete_another_projects_contact(client, coordinator_a, contact_b):
    client.force_login(coordinator_a)

    response = client.post(_door("delete", contact_b), {"post": "yes"})

    assert response.status_code == 404
    assert Contact.objects.filter(pk=contact_b.pk).exists()


def test_a_coordinator_cannot_open_a_version_of_another_projects_contact(
    client, coordinator_a, contact_b
):
    contact_b.position = "Director"
    contact_b.save()
    version = contact_b.history.earliest()
    client.force_login(coordinator_a)

    url = reverse("admin:partners_contact_simple_history", args=[contact_b.pk, version.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Reverted"}).status_code == 404
    contact_b.refresh_from_db()
    assert (contact_b.name, contact_b.position) == ("Boris Strain", "Director")


def test_a_coordinator_adds_contacts_only_to_organisations_they_work_with(
    client, coordinator_a, partner_contact_a, contact_b
):
    client.force_login(coordinator_a)
    url = reverse("admin:partners_contact_add")
    form = find_form(client.get(url).content.decode(), with_field="name")

    assert str(partner_contact_a.organisation_id) in form.options["organisation"]
    assert str(contact_b.organisation_id) not in form.options["organisation"]

    form.data.update(name=["Someone New"], organisation=[str(contact_b.organisation_id)])
    response = client.post(url, form.submission())

    assert "Select a valid choice" in response.content.decode()
    assert not Contact.objects.filter(name="Someone New").exists()


# --- History


def test_a_saved_change_appears_in_the_contacts_history(client, coordinator_a, partner_contact_a):
    client.force_login(coordinator_a)
    url = _door("change", partner_contact_a)
    form = find_form(client.get(url).content.decode(), with_field="name")
    form.data["position"] = ["Project officer"]

    response = client.post(url, form.submission())

    assert response.status_code == 302
    partner_contact_a.refresh_from_db()
    assert partner_contact_a.position == "Project officer"
    latest = partner_contact_a.history.latest()
    assert (latest.history_type, latest.history_user) == ("~", coordinator_a)
    history_page = client.get(_door("history", partner_contact_a)).content.decode()
    assert "Project officer" in history_page
    assert coordinator_a.full_name in history_page


# --- Other doors to contacts: the attendance list of a meeting


def test_another_projects_contacts_are_not_offered_for_attendance(
    client, coordinator_a, partner_contact_a, contact_b
):
    client.force_login(coordinator_a)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "meetings", "model_name": "attendance", "field_name": "contact", "term": ""},
    )

    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Ana Partener (Partner of A)"]


def test_another_projects_contact_cannot_be_picked_as_an_attendee(
    client, coordinator_a, meeting_a, contact_b
):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("attendances")
    form.data[f"attendances-{row}-contact"] = [str(contact_b.pk)]
    form.data[f"attendances-{row}-person_name"] = [""]

    response = client.post(url, form.submission())

    assert "Select a valid choice" in response.content.decode()
    assert "Boris Strain" not in response.content.decode()
    assert not meeting_a.attendances.exists()


def test_an_attendee_linked_to_a_contact_stays_valid_when_the_meeting_is_saved_again(
    client, coordinator_a, meeting_a, partner_contact_a
):
    elsewhere = OrganisationFactory(name="Typed elsewhere")
    AttendanceFactory(
        meeting=meeting_a,
        contact=partner_contact_a,
        person_name="Ana Partener",
        organisation=elsewhere,
    )
    partner_contact_a.organisation.participations.all().delete()
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")

    response = client.post(url, form.submission())

    assert response.status_code == 302
    assert meeting_a.attendances.get().contact == partner_contact_a


def test_an_imported_attendee_is_not_linked_to_a_contact_the_importer_may_not_see(
    coordinator_a, meeting_a, partner_contact_a, contact_b
):
    dataset = tablib.Dataset(
        ["Boris Strain", "", "", "boris@partner-b.example", ""],
        ["Ana Partener", "", "", "ana@partner-a.example", ""],
        headers=["name", "organisation", "position", "email", "presence"],
    )

    report = import_attendees(
        meeting=meeting_a,
        dataset=dataset,
        presence=Presence.ATTENDED,
        imported_by=coordinator_a,
        dry_run=False,
    )

    assert report.saved
    linked = dict(meeting_a.attendances.values_list("person_name", "contact"))
    assert linked == {"Boris Strain": None, "Ana Partener": partner_contact_a.pk}
