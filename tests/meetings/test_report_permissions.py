import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CityFactory
from tests.meetings.pdf_helpers import pdf_text, prepared_report

PDF_ROUTES = ["meetings:meeting-report-pdf", "meetings:meeting-attendance-pdf"]


def _url(route: str, slug: str) -> str:
    with translation.override("en"):
        return reverse(route, kwargs={"slug": slug})


@pytest.mark.parametrize("route", PDF_ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, meeting_a, route):
    response = client.get(_url(route, meeting_a.slug))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("route", PDF_ROUTES)
@pytest.mark.parametrize(
    ("who", "meeting", "status"),
    [
        ("superuser", "meeting_a", 200),
        ("staff_user", "meeting_a", 200),
        ("staff_user", "meeting_b", 200),
        ("coordinator_a", "meeting_a", 200),
        ("coordinator_a", "meeting_b", 404),
        ("coordinator_b", "meeting_a", 404),
        ("editor", "meeting_a", 404),
    ],
)
def test_only_users_entitled_to_the_meeting_may_export_it(
    client, request, route, who, meeting, status
):
    meeting = request.getfixturevalue(meeting)
    client.force_login(request.getfixturevalue(who))

    response = client.get(_url(route, meeting.slug))

    assert response.status_code == status
    if status == 200:
        assert meeting.title in pdf_text(response.content)
    else:
        assert response.get("Content-Type") != "application/pdf"


def test_unknown_meeting_is_not_found(client, staff_user):
    client.force_login(staff_user)

    assert client.get(_url("meetings:meeting-report-pdf", "no-such-meeting")).status_code == 404


def test_a_signed_in_user_without_a_role_gets_a_404(client, meeting_a, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="nobody@example.org"))

    assert client.get(_url("meetings:meeting-report-pdf", meeting_a.slug)).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("staff_user", 200), ("coordinator_a", 200), ("editor", 403)],
)
def test_quarterly_report_form_is_for_staff_and_coordinators(client, request, who, status):
    client.force_login(request.getfixturevalue(who))

    with translation.override("en"):
        response = client.get(reverse("meetings:quarterly-report"))

    assert response.status_code == status


def test_quarterly_report_form_asks_anonymous_visitors_to_sign_in(client, db):
    with translation.override("en"):
        response = client.get(reverse("meetings:quarterly-report"))

    assert response.status_code == 302


def test_coordinator_cannot_ask_for_another_projects_quarterly_report(
    client, coordinator_a, project_b, meeting_b
):
    client.force_login(coordinator_a)

    with translation.override("en"):
        response = client.post(
            reverse("meetings:quarterly-report"),
            {"project": project_b.pk, "year": 2016, "quarter": 1},
        )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Select a valid choice" in response.content.decode()


def test_coordinators_region_report_leaves_out_other_projects_meetings(
    client, coordinator_a, meeting_a, meeting_b
):
    city = CityFactory(name="Constanța")
    for meeting in (meeting_a, meeting_b):
        meeting.city = city
        meeting.starts_at = datetime.datetime(2016, 2, 1, 10, tzinfo=datetime.UTC)
        meeting.save()
    client.force_login(coordinator_a)

    with translation.override("en"):
        response = prepared_report(
            client,
            reverse("meetings:quarterly-report"),
            {"region": city.parent.pk, "year": 2016, "quarter": 1},
        )

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Meeting of A" in text
    assert "Meeting of B" not in text


# --- Admin


def test_admin_meeting_page_offers_the_pdf_buttons(client, superuser, meeting_a):
    client.force_login(superuser)
    with translation.override("en"):
        change_url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])

    page = client.get(change_url).content.decode()

    assert _url("meetings:meeting-report-pdf", meeting_a.slug) in page
    assert _url("meetings:meeting-attendance-pdf", meeting_a.slug) in page


def test_admin_action_merges_the_selected_meetings_into_one_pdf(
    client, superuser, meeting_a, meeting_b
):
    client.force_login(superuser)
    with translation.override("en"):
        changelist = reverse("admin:meetings_meeting_changelist")

    response = prepared_report(
        client,
        changelist,
        {"action": "export_meeting_reports", "_selected_action": [meeting_a.pk, meeting_b.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Meeting of A" in text
    assert "Meeting of B" in text


def test_admin_action_leaves_out_meetings_the_coordinator_may_not_export(
    client, coordinator_a, meeting_a, meeting_b
):
    client.force_login(coordinator_a)
    with translation.override("en"):
        changelist = reverse("admin:meetings_meeting_changelist")

    response = prepared_report(
        client,
        changelist,
        {"action": "export_meeting_reports", "_selected_action": [meeting_a.pk, meeting_b.pk]},
    )

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Meeting of A" in text
    assert "Meeting of B" not in text
