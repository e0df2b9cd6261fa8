import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODEL_ADMINS = [
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in {"accounts", "partners", "projects", "meetings"}
]


@pytest.mark.parametrize(("app_label", "model_name"), MODEL_ADMINS)
def test_changelist_add_and_change_pages_render_with_the_demo_data(
    client, superuser, demo, app_label, model_name
):
    client.force_login(superuser)
    model_admin = next(
        ma for m, ma in admin.site._registry.items() if m._meta.model_name == model_name
    )

    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == 200

    if model_admin.has_add_permission(changelist.wsgi_request):
        add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
        assert add.status_code == 200

    obj = model_admin.model.objects.first()
    if obj is not None:
        change = client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
        assert change.status_code == 200
        assert str(obj)[:40] in change.content.decode()


def test_meeting_change_page_shows_the_seed_facts(client, superuser, demo):
    from meetings.models import Meeting

    meeting = Meeting.objects.get(slug="integrare-plus-quarterly-meeting-constanta-2016")
    client.force_login(superuser)

    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()

    assert "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța" in page
    assert "Elena Marinescu" in page
