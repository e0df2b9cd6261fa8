"""The API carries nothing the public pages do not: no attendance, contacts, follow-ups,
private attachments, drafts or unreviewed organisations, whoever asks."""

import json

import pytest

from tests.api.conftest import PRIVATE_MARKERS

LISTS = ["projects", "programmes", "organisations", "participations", "regions"]
LISTS += ["centres", "meetings"]


def every_answer(client) -> list[str]:
    """Each list and each resource it links to, as text."""
    answers = []
    for name in LISTS:
        listed = client.get(f"/api/{name}/?page_size=100")
        assert listed.status_code == 200
        answers.append(listed.content.decode())
        for row in listed.json()["results"]:
            answers.append(client.get(row["url"]).content.decode())
    return answers


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "staff"])
def test_no_private_fact_or_draft_in_any_answer(client, network, staff_user, signed_in):
    if signed_in:
        client.force_login(staff_user)

    text = "\n".join(every_answer(client))

    assert "Decided to meet again" in text and "Public agenda" in text
    leaks = [marker for marker in PRIVATE_MARKERS if marker in text]
    assert leaks == ["Marker unreviewed organisation"]  # named as a partner, as on the page
    assert '"email": "marker' not in json.dumps(text)
