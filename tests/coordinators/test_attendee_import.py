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
        r"<tr class=\"import-row import-row--error\">\s*<th scope=\"row\">.*?(\d+)</th>", preview
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
        (
            {"file": SimpleUploadedFile("list.csv", b"name;organisation\n")},
            "No people were found to import.",
        ),
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


# --- Lists as Excel saves them: semicolons, code pages, extra columns, unknown organisations


def _upload(client, url, name: str, content: bytes, presence=Presence.ATTENDED) -> str:
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(url, {"file": upload, "presence": presence}).content.decode()


def test_a_semicolon_csv_with_romanian_diacritics_imports(
    client, coordinator_a, meeting_a, import_url
):
    organisation = OrganisationFactory(name="Asociația Română pentru Refugiați")
    client.force_login(coordinator_a)
    csv = (
        "Nume;Organizație;Funcție;E-mail\n"
        "Ștefan Țîrcă;Asociația Română pentru Refugiați;Mediator intercultural;stefan@example.org\n"
        "Ioana Bălășescu;;Asistent social;\n"
    )

    preview = _upload(client, import_url, "lista.csv", csv.encode("utf-8-sig"))

    assert "2 people will be added to the attendance list." in preview
    _confirm(client, import_url, preview)
    assert sorted(meeting_a.attendances.values_list("person_name", "organisation", "position")) == [
        ("Ioana Bălășescu", None, "Asistent social"),
        ("Ștefan Țîrcă", organisation.pk, "Mediator intercultural"),
    ]


@pytest.mark.parametrize(
    ("encoding", "header", "person"),
    [
        ("cp1250", "Nume;Funcţie", ("Ştefan Ţîrcă", "Mediator")),
        ("cp1251", "Име;Длъжност", ("Стефан Петров", "Медиатор")),
    ],
)
def test_a_csv_in_the_windows_code_page_of_romanian_or_bulgarian_excel_imports(
    client, coordinator_a, meeting_a, import_url, encoding, header, person
):
    client.force_login(coordinator_a)
    content = f"{header}\n{person[0]};{person[1]}\n".encode(encoding)

    preview = _upload(client, import_url, "list.csv", content)
    _confirm(client, import_url, preview)

    assert list(meeting_a.attendances.values_list("person_name", "position")) == [person]


def test_a_row_with_an_extra_column_imports_and_the_extra_is_reported(
    client, coordinator_a, meeting_a, import_url
):
    client.force_login(coordinator_a)
    csv = (
        "name,email,phone\n"
        "Ana Ionescu,ana@example.org,0722 000 000\n"
        "Radu Marin,radu@example.org,,signed at the door\n"
        "Maria Pop,,\n"
    )

    preview = _upload(client, import_url, "list.csv", csv.encode())

    assert "3 people will be added to the attendance list." in preview
    assert "The column “phone” is not one the portal keeps; it was left out." in preview
    assert "Row 3 has more cells than there are columns; the extra cells were left out." in preview
    _confirm(client, import_url, preview)
    assert meeting_a.attendances.count() == 3
    assert "signed at the door" not in str(list(meeting_a.attendances.values()))


def test_a_bad_email_in_row_3_is_reported_as_row_3_and_nothing_is_saved(
    client, coordinator_a, meeting_a, import_url
):
    client.force_login(coordinator_a)
    csv = "name;email\nAna Ionescu;ana@example.org\nRadu Marin;radu(at)example.org\n"

    preview = _upload(client, import_url, "list.csv", csv.encode())

    assert "Row 3: E-mail: Enter a valid email address." in preview
    assert "Row 2:" not in preview
    assert 'name="confirm"' not in preview
    assert not meeting_a.attendances.exists()


def test_an_unknown_organisation_can_be_added_from_the_preview_and_is_unreviewed(
    client, coordinator_a, meeting_a, ngo, import_url
):
    from partners.models import Organisation

    client.force_login(coordinator_a)
    csv = (
        "name;organisation\n"
        "Ana Ionescu;ARCA\n"
        "Radu Marin;Centrul Comunitar Vaslui\n"
        "Maria Pop;centrul comunitar vaslui\n"
    )

    preview = _upload(client, import_url, "list.csv", csv.encode())

    assert "The list names 1 organisation the portal does not know." in preview
    assert "Row 3: Organisation: No organisation called “Centrul Comunitar Vaslui”" in preview
    assert not Organisation.objects.filter(name__icontains="Vaslui").exists()
    form = find_form(preview, with_field="rows")
    assert form.options["add_organisations"] == ["Centrul Comunitar Vaslui"]
    form.data["add_organisations"] = ["Centrul Comunitar Vaslui"]

    response = client.post(import_url, {**form.submission(), "confirm": "1"})

    assert response.status_code == 302
    added = Organisation.objects.get(name="Centrul Comunitar Vaslui")
    assert not added.is_reviewed
    assert added.name_ro == added.name_bg == "Centrul Comunitar Vaslui"
    assert sorted(meeting_a.attendances.values_list("person_name", "organisation")) == [
        ("Ana Ionescu", ngo.pk),
        ("Maria Pop", added.pk),
        ("Radu Marin", added.pk),
    ]
    # Off the public lists until an editor has reviewed it.
    client.logout()
    assert (
        "Centrul Comunitar Vaslui"
        not in client.get(reverse("partners:organisation-list")).content.decode()
    )
    assert client.get(added.get_absolute_url()).status_code == 404


def test_an_unknown_organisation_left_unticked_saves_nothing(
    client, coordinator_a, meeting_a, import_url
):
    from partners.models import Organisation

    client.force_login(coordinator_a)
    preview = _upload(client, import_url, "list.csv", b"name,organisation\nAna,New NGO\n")

    response = _confirm(client, import_url, preview)

    assert response.status_code == 200
    assert "No organisation called “New NGO” is known." in response.content.decode()
    assert not Organisation.objects.filter(name="New NGO").exists()
    assert not meeting_a.attendances.exists()


def test_editors_find_unreviewed_organisations_with_a_filter(client, editor):
    OrganisationFactory(name="Added while importing", is_reviewed=False)
    OrganisationFactory(name="Long known")
    client.force_login(editor)

    page = client.get(
        reverse("admin:partners_organisation_changelist"), {"reviewed": "no"}
    ).content.decode()

    assert "Not reviewed" in page
    assert "Added while importing" in page
    assert "Long known" not in page
