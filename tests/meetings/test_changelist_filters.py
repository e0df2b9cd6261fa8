"""The meeting changelist's region filter offers the places of the meetings one may see."""

from django.urls import reverse

from tests.factories import MeetingFactory, RegionFactory


def test_region_filter_offers_only_the_regions_of_the_coordinators_meetings(
    client, coordinator_a, project_a, project_b, django_assert_max_num_queries
):
    galati = RegionFactory(name="Galați County", slug="galati")
    RegionFactory(name="Vaslui County", slug="vaslui")  # no meeting at all
    iasi = RegionFactory(name="Iași County", slug="iasi")
    MeetingFactory(title="Galați meeting", region=galati, projects=[project_a])
    MeetingFactory(title="Iași meeting", region=iasi, projects=[project_b])
    client.force_login(coordinator_a)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:meetings_meeting_changelist"))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"region__id__exact={galati.pk}" in page
    assert "Galați County" in page
    assert "Vaslui County" not in page
    assert "Iași County" not in page


def test_region_filter_narrows_the_list(client, coordinator_a, project_a):
    galati = RegionFactory(name="Galați County", slug="galati")
    MeetingFactory(title="Galați meeting", region=galati, projects=[project_a])
    MeetingFactory(title="Elsewhere meeting", projects=[project_a])
    client.force_login(coordinator_a)

    response = client.get(
        reverse("admin:meetings_meeting_changelist"), {"region__id__exact": galati.pk}
    )

    assert "Galați meeting" in response.content.decode()
    assert "Elsewhere meeting" not in response.content.decode()
