import io
import re

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.enums import Presence
from meetings.services import import_attendees
from tests.factories import (
    AttendanceFactory,
    ContactFactory,
    OrganisationFactory,
    ParticipationFactory,
)
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo(project_a):
    """A partner of project A: its coordinator works with the association's contacts."""
    organisation = OrganisationFactory(name="Association for Refugees", acronym="ARCA")
    ParticipationFactory(project=project_a, organisation=organisation)
    return organisation


@pytest.fixture
def import_url(meeting_a):
    return reverse("admin:meetings_meeting_import_attendees", args=[meeting_a.pk])


def _preview(client, url, **data):
    data.setdefault("presence", Presence.ATTENDED)
    return client.post(url, data).content.decode()


def _confirm(client, url, preview_page):
    form = find_form(preview_page, with_field="rows")
    return client.post(url, {**form.submission(), "confirm": "1"})


def test_pasted_lines_are_previewed_then_imported(
    client, coordinator_a, meeting_a, ngo, import_url
):
    contact = ContactFactory(organisation=ngo, name="Ana Ionescu", email="ana@arca.example")
    client.force_login(coordinator_a)
    pasted = (
        "Ana Ionescu\tARCA\tSocial worker\tana@arca.example\n"
        "Radu Marin\tAssociation for Refugees\t\t\n"
        "\n"
        "Maria Pop\n"
    )

    preview = _preview(client, import_url, pasted=pasted)

    assert "3 people will be added to the attendance list." in preview
    assert preview.count("Will be added") == 3
    assert not meeting_a.attendances.exists()

    response = _confirm(client, import_url, preview)

    assert response["Location"] == reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    rows = meeting_a.attendances.order_by("person_name")
    assert [
        (a.person_name, a.organisation, a.position, a.email, a.presence, a.contact) for a in rows
    ] == [
        ("Ana Ionescu", ngo, "Social worker", "ana@arca.example", Presence.ATTENDED, contact),
        ("Maria Pop", None, "", "", Presence.ATTENDED, None),
        ("Radu Marin", ngo, "", "", Presence.ATTENDED, None),
    ]


def test_a_bad_row_is_reported_and_nothing_is_imported(
    client, coordinator_a, meeting_a, ngo, import_url
):
    client.force_login(coordinator_a)
    pasted = "Ana Ionescu; ARCA; ; ana@arca.example\nRadu Marin; Unknown NGO; ; radu(at)example\n"

    preview = _preview(client, import_url, pasted=pasted)

    assert "1 row has a problem. Nothing was imported" in preview
    assert "No organisation called “Unknown NGO” is known." in preview
    assert "E-mail: Enter a valid email address." in preview
    row_two = re.search(
        r"<tr class=\"import-row import-row--error\">\s*<th scope=\"row\">(\d+)<", preview
    )
    assert row_two.group(1) == "2"
    assert 'name="confirm"' not in preview
    assert not meeting_a.attendances.exists()


def test_an_import_with_a_bad_row_saves_none_of_the_good_ones(coordinator_a, meeting_a, ngo):
    dataset = tablib.Dataset(
        ["Ana Ionescu", "ARCA", "ana@arca.example"],
        ["", "ARCA", "nameless@arca.example"],
        headers=["name", "organisation", "email"],
    )

    report = import_attendees(
        meeting=meeting_a,
        dataset=dataset,
        presence=Presence.ATTENDED,
        imported_by=coordinator_a,
        dry_run=False,
    )

    assert not report.saved
    assert [row.status for row in report.rows] == ["new", "error"]
    assert report.rows[1].errors == ["Name: This field cannot be blank."]
    assert not meeting_a.attendances.exists()


def test_a_csv_file_with_named_columns_is_imported(
    client, coordinator_a, meeting_a, ngo, import_url
):
    client.force_login(coordinator_a)
    csv = "E-mail,Name,Organisation,Presence\nana@arca.example,Ana Ionescu,arca,excused\n"
    upload = SimpleUploadedFile("list.csv", csv.encode("utf-8-sig"), content_type="text/csv")

    preview = client.post(import_url, {"file": upload, "presence": Presence.EXPECTED})
    _confirm(client, import_url, preview.content.decode())

    attendance = meeting_a.attendances.get()
    assert (attendance.person_name, attendance.organisation, attendance.presence) == (
        "Ana Ionescu",
        ngo,
        Presence.EXCUSED,
    )


def test_an_xlsx_file_is_imported(client, coordinator_a, meeting_a, import_url):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["name", "position", "email"])
    sheet.append(["Ana Ionescu", "Mediator", "ana@example.org"])
    sheet.append([None, None, None])
    sheet.append(["Radu Marin", None, None])
    content = io.BytesIO()
    workbook.save(content)
    client.force_login(coordinator_a)

    preview = client.post(
        import_url,
        {"file": SimpleUploadedFile("list.xlsx", content.getvalue()), "presence": "expected"},
    ).content.decode()
    _confirm(client, import_url, preview)

    assert sorted(meeting_a.attendances.values_list("person_name", "position", "presence")) == [
        ("Ana Ionescu", "Mediator", Presence.EXPECTED),
        ("Radu Marin", "", Presence.EXPECTED),
    ]


def test_people_already_on_the_list_are_skipped(client, coordinator_a, meeting_a, import_url):
    AttendanceFactory(meeting=meeting_a, person_name="Ana Ionescu", email="ana@example.org")
    client.force_login(coordinator_a)

    preview = _preview(
        client, import_url, pasted="Ana I.,,,ANA@example.org\nRadu Marin\nRadu Marin\n"
    )

    assert "1 person will be added to the attendance list." in preview
    assert "2 are already on it and will be skipped." in preview
    _confirm(client, import_url, preview)
    assert meeting_a.attendances.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pasted": ""}, "Paste some lines or choose a file (not both)."),
        (
            {"file": SimpleUploadedFile("list.xlsx", b"not a spreadsheet")},
            "This file could not be read as a CSV or XLSX spreadsheet.",
        ),
        (
            {"file": SimpleUploadedFile("list.csv", b"participant\nAna")},
            "The first row must name the columns",
        ),
        ({"file": SimpleUploadedFile("list.csv", b"name\n\xe9l\xe8ve")}, "is not in UTF-8"),
        ({"file": SimpleUploadedFile("list.pdf", b"%PDF-1.4")}, "File extension"),
    ],
)
def test_an_unusable_list_is_refused_with_a_reason(
    client, coordinator_a, meeting_a, import_url, data, message
):
    client.force_login(coordinator_a)

    response = client.post(import_url, {"presence": "attended", **data})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not meeting_a.attendances.exists()


def test_staff_cannot_import_attendees(client, staff_user, meeting_a, import_url):
    client.force_login(staff_user)

    assert client.get(import_url).status_code == 403


# --- One at a time: from the organisations' contacts, or typed


def test_contacts_are_offered_by_autocomplete(client, coordinator_a, ngo):
    ContactFactory(organisation=ngo, name="Ana Ionescu")
    client.force_login(coordinator_a)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "meetings",
            "model_name": "attendance",
            "field_name": "contact",
            "term": "iones",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == [
        "Ana Ionescu (Association for Refugees)"
    ]


def test_an_attendee_picked_from_the_contacts_gets_their_details(
    client, coordinator_a, meeting_a, ngo
):
    contact = ContactFactory(
        organisation=ngo, name="Ana Ionescu", position="Mediator", email="ana@arca.example"
    )
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("attendances")
    form.data[f"attendances-{row}-contact"] = [str(contact.pk)]
    form.data[f"attendances-{row}-person_name"] = [""]

    response = client.post(url, form.submission())

    assert response.status_code == 302
    attendance = meeting_a.attendances.get()
    assert (attendance.person_name, attendance.organisation, attendance.position) == (
        "Ana Ionescu",
        ngo,
        "Mediator",
    )
    assert attendance.email == "ana@arca.example"


def test_an_attendee_needs_a_name_or_a_contact(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    row = form.add_inline_row("attendances")
    form.data[f"attendances-{row}-position"] = ["Mediator"]

    response = client.post(url, form.submission())

    assert "Type a name or choose a contact." in response.content.decode()
    assert not meeting_a.attendances.exists()
