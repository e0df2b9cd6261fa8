"""Staff follow the reports prepared in the background in the back office: what was asked, by
whom, and how it went; a ready one is downloaded through its owner's download view."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import PreparedReport
from tests.factories import UserFactory

CHANGELIST = "admin:meetings_preparedreport_changelist"


def _report(user, title: str, **fields) -> PreparedReport:
    return PreparedReport.objects.create(
        requested_by=user,
        kind=fields.pop("kind", PreparedReport.Kind.QUARTERLY),
        title=title,
        parameters=fields.pop("parameters", {"year": 2016, "quarter": 1}),
        language="en",
        **fields,
    )


def _ready_report(user, title: str, **fields) -> PreparedReport:
    report = _report(user, title, status=PreparedReport.Status.READY, **fields)
    report.file.save(f"report-{report.pk}.pdf", ContentFile(b"%PDF-1.7 prepared"))
    return report


def _stored_path(report: PreparedReport) -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / report.file.name


@pytest.fixture
def reports(staff_user, coordinator_a, coordinator_b, project_a, project_b):
    return {
        "a": _ready_report(
            coordinator_a,
            "Quarterly report 2016 Q1: Project A",
            parameters={"year": 2016, "quarter": 1, "project": project_a.pk},
        ),
        "b": _report(
            coordinator_b,
            "Quarterly report 2016 Q1: Project B",
            parameters={"year": 2016, "quarter": 1, "project": project_b.pk},
            status=PreparedReport.Status.FAILED,
            attempts=3,
            error="The project or region no longer exists.",
        ),
        "staff": _ready_report(
            staff_user, "Report of 2 meetings", kind=PreparedReport.Kind.MEETINGS
        ),
    }


@pytest.mark.parametrize("who", ["superuser", "staff_user"])
def test_staff_see_every_prepared_report_with_its_state(client, request, who, reports):
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse(CHANGELIST))

    assert page.status_code == 200
    text = page.content.decode()
    assert "Quarterly report 2016 Q1: Project A" in text
    assert "Quarterly report 2016 Q1: Project B" in text
    assert "Report of 2 meetings" in text
    assert "The project or region no longer exists." in text
    assert "coordinator.b@example.org" in text


def test_the_status_filter_narrows_the_list(client, staff_user, reports):
    client.force_login(staff_user)

    text = client.get(reverse(CHANGELIST), {"status__exact": "failed"}).content.decode()

    assert "Quarterly report 2016 Q1: Project B" in text
    assert "Quarterly report 2016 Q1: Project A" not in text
    assert "Report of 2 meetings" not in text


def test_the_kind_filter_and_the_requester_search_narrow_the_list(client, staff_user, reports):
    client.force_login(staff_user)

    by_kind = client.get(reverse(CHANGELIST), {"kind__exact": "meetings"}).content.decode()
    by_email = client.get(reverse(CHANGELIST), {"q": "coordinator.a@"}).content.decode()

    assert "Report of 2 meetings" in by_kind
    assert "Project A" not in by_kind
    assert "Quarterly report 2016 Q1: Project A" in by_email
    assert "Project B" not in by_email
    assert "Report of 2 meetings" not in by_email


def test_a_coordinator_reads_no_one_elses_reports_in_the_back_office(
    client, coordinator_a, reports
):
    client.force_login(coordinator_a)

    changelist = client.get(reverse(CHANGELIST))
    other = client.get(reverse("admin:meetings_preparedreport_change", args=[reports["b"].pk]))

    assert changelist.status_code == 403
    assert other.status_code == 403
    assert "Project B" not in other.content.decode()


def test_the_list_offers_no_adding_and_the_page_no_saving(client, superuser, reports):
    client.force_login(superuser)

    add = client.get(reverse("admin:meetings_preparedreport_add"))
    page = client.get(reverse("admin:meetings_preparedreport_change", args=[reports["a"].pk]))
    posted = client.post(
        reverse("admin:meetings_preparedreport_change", args=[reports["a"].pk]),
        {"title": "Renamed", "status": "failed"},
    )

    assert add.status_code == 403
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert posted.status_code == 403
    reports["a"].refresh_from_db()
    assert reports["a"].title == "Quarterly report 2016 Q1: Project A"


def test_the_report_page_names_no_storage_path(client, superuser, reports):
    client.force_login(superuser)

    text = client.get(
        reverse("admin:meetings_preparedreport_change", args=[reports["a"].pk])
    ).content.decode()

    assert reports["a"].file.name not in text
    assert reverse("meetings:prepared-report-download", args=[reports["a"].pk]) in text


def test_an_administrator_downloads_a_ready_report_from_the_list(client, superuser, reports):
    client.force_login(superuser)
    download_url = reverse("meetings:prepared-report-download", args=[reports["a"].pk])

    text = client.get(reverse(CHANGELIST)).content.decode()
    response = client.get(download_url)

    assert f'href="{download_url}"' in text
    assert reports["a"].file.name not in text
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 prepared"


def test_staff_download_their_own_report_and_no_one_elses(client, staff_user, reports):
    client.force_login(staff_user)
    own_url = reverse("meetings:prepared-report-download", args=[reports["staff"].pk])
    other_url = reverse("meetings:prepared-report-download", args=[reports["a"].pk])

    text = client.get(reverse(CHANGELIST)).content.decode()

    assert f'href="{own_url}"' in text
    assert client.get(own_url).status_code == 200
    assert other_url not in text
    assert "Only the person who asked for it may download it." in text
    assert client.get(other_url).status_code == 404


def test_no_download_is_offered_for_a_failed_report(client, superuser, reports):
    client.force_login(superuser)

    text = client.get(reverse(CHANGELIST)).content.decode()

    assert reverse("meetings:prepared-report-download", args=[reports["b"].pk]) not in text


def test_deleting_a_report_in_the_back_office_deletes_its_file(
    client, superuser, reports, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    report = reports["a"]
    path = _stored_path(report)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:meetings_preparedreport_delete", args=[report.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not PreparedReport.objects.filter(pk=report.pk).exists()
    assert not path.exists()


def test_deleting_selected_reports_deletes_their_files(
    client, superuser, reports, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    chosen = [reports["a"], reports["staff"]]
    paths = [_stored_path(report) for report in chosen]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(CHANGELIST),
            {
                "action": "delete_selected",
                "_selected_action": [report.pk for report in chosen],
                "post": "yes",
            },
        )

    assert list(PreparedReport.objects.values_list("title", flat=True)) == [
        "Quarterly report 2016 Q1: Project B"
    ]
    assert not any(path.exists() for path in paths)


def test_staff_cannot_delete_reports(client, staff_user, reports):
    client.force_login(staff_user)
    path = _stored_path(reports["a"])

    response = client.post(
        reverse("admin:meetings_preparedreport_delete", args=[reports["a"].pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert PreparedReport.objects.filter(pk=reports["a"].pk).exists()
    assert path.exists()


def test_the_list_reads_few_and_many_reports_in_the_same_number_of_queries(client, staff_user):
    client.force_login(staff_user)

    def queries_with(count: int) -> int:
        PreparedReport.objects.all().delete()
        for number in range(count):
            requester = UserFactory(email=f"requester{number}@example.org")
            _ready_report(requester, f"Quarterly report {number}")
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse(CHANGELIST))
        assert page.status_code == 200
        assert f"Quarterly report {count - 1}" in page.content.decode()
        return len(queries)

    assert queries_with(2) == queries_with(10)
