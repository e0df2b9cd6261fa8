"""Lists at national scale: pages linked around the current one, long filter choices intact."""

import re

import pytest

from partners.enums import OrganisationKind
from partners.models import Organisation
from tests.factories import OrganisationFactory, ParticipationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _page_links(response) -> list[str]:
    nav = re.search(r'<nav class="pagination".*?</nav>', response.content.decode(), re.S)[0]
    return re.findall(r'<span class="visually-hidden">Page </span>(\d+)', nav)


def test_a_list_of_many_pages_links_the_first_last_and_nearby_pages(client):
    Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {n:03d}", slug=f"org-{n}", kind=OrganisationKind.NGO)
        for n in range(400)
    )

    response = client.get("/en/organisations/?page=10")

    assert _page_links(response) == ["1", "8", "9", "10", "11", "12", "20"]
    assert response.content.decode().count('class="pagination__gap"') == 2


def test_partner_choice_shows_its_name_escaped_in_the_typeahead_field(client):
    partner = OrganisationFactory(name="Asociația „Casa & Masă”", slug="casa-masa")
    ParticipationFactory(organisation=partner, project=ProjectFactory())
    for other in OrganisationFactory.create_batch(3):
        ParticipationFactory(organisation=other, project=ProjectFactory())

    page = client.get("/en/projects/?partner=casa-masa").content.decode()

    field = re.search(r'<input type="text" name="partner"[^>]*>', page)[0]
    assert 'value="Asociația „Casa &amp; Masă”"' in field
    assert 'data-typeahead-value="casa-masa"' in field
    assert 'id="id_partner"' in field
    assert '<select name="partner"' not in page
