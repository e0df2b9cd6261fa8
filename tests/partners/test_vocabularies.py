"""Services and target groups are lists editors extend in the admin, named in every language;
the public filters keep narrowing by them."""

import pytest

from partners.models import Service, TargetGroup
from tests.factories import IntegrationCentreFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _names(response) -> set[str]:
    return {str(row) for row in response.context["object_list"]}


@pytest.mark.parametrize(
    ("language", "service", "group"),
    [
        ("en", "Legal advice", "Beneficiaries of temporary protection"),
        ("ro", "Consiliere juridică", "Beneficiari de protecție temporară"),
        ("bg", "Правни консултации", "Лица с предоставена временна закрила"),
    ],
)
def test_entries_carried_over_keep_their_translated_names(client, language, service, group):
    centre = IntegrationCentreFactory(name="Legal help")
    centre.services.add(Service.objects.get(code="legal"))
    centre.target_groups.add(TargetGroup.objects.get(code="temporary_protection"))

    response = client.get(f"/{language}{centre.get_absolute_url()[3:]}")

    assert response.status_code == 200
    text = response.content.decode()
    assert service in text
    assert group in text


def test_editor_adds_a_service_in_one_language_and_the_centre_filter_narrows_by_it(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/admin/partners/service/add/",
        {"name_en": "", "name_ro": "Mediere culturală", "name_bg": "", "code": ""},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    service = Service.objects.get(name_ro="Mediere culturală")
    assert service.code == "mediere-culturala"
    offering = IntegrationCentreFactory(name="Mediation here")
    offering.services.add(service)
    IntegrationCentreFactory(name="No mediation")

    listed = client.get("/ro/centres/", {"service": service.code})
    assert _names(listed) == {"Mediation here"}
    assert "Mediere culturală" in listed.content.decode()


def test_editor_adds_a_target_group_and_the_project_filter_narrows_by_it(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/admin/partners/targetgroup/add/",
        {"name_en": "Stateless persons", "name_ro": "", "name_bg": "", "code": ""},
    )

    assert response.status_code == 302
    group = TargetGroup.objects.get(code="stateless-persons")
    serving = ProjectFactory(title="Serving them", is_published=True)
    serving.target_groups.add(group)
    ProjectFactory(title="Serving others", is_published=True)

    listed = client.get("/en/projects/", {"target_group": group.code})
    assert {project.title for project in listed.context["object_list"]} == {"Serving them"}


def test_a_name_in_no_language_is_refused_with_a_form_error(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/admin/partners/service/add/",
        {"name_en": "", "name_ro": "", "name_bg": "", "code": ""},
    )

    assert response.status_code == 200
    assert "Write it in at least one language." in response.content.decode()
    assert not Service.objects.filter(name="").exists()


def test_entries_cannot_be_deleted_in_the_admin(client, editor):
    client.force_login(editor)
    service = Service.objects.get(code="legal")

    response = client.get(f"/en/admin/partners/service/{service.pk}/delete/")

    assert response.status_code == 403
    assert Service.objects.filter(pk=service.pk).exists()
