"""Pages with their count and links; bad parameters named in a JSON 400, never a 500."""

import pytest

from tests.factories import OrganisationFactory


def test_pages_carry_the_count_and_links_to_first_previous_next_and_last(client, db):
    OrganisationFactory.create_batch(5)

    second = client.get("/api/organisations/?page_size=2&page=2").json()

    assert second["count"] == 5
    assert second["pages"] == 3
    assert len(second["results"]) == 2
    last = client.get(second["last"]).json()
    assert [len(last["results"]), last["next"]] == [1, None]
    assert client.get(second["previous"]).json()["previous"] is None
    assert client.get(second["next"]).json()["results"] == last["results"]
    assert client.get(second["first"]).json()["previous"] is None


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/projects/?year=abc", "year"),
        ("/api/projects/?year=1200", "year"),
        ("/api/projects/?status=sleeping", "status"),
        ("/api/projects/?programme=no-such-programme", "programme"),
        ("/api/projects/?ordering=budget", "ordering"),
        ("/api/meetings/?when=tomorrow", "when"),
        ("/api/meetings/?quarter=5", "quarter"),
        ("/api/meetings/?project=unpublished", "project"),
        ("/api/organisations/?kind=%3Cscript%3E", "kind"),
        ("/api/centres/?region=nowhere", "region"),
        ("/api/projects/?country=bulgaria&region=galati", "region"),
        ("/api/organisations/?country=romania&region=sofia", "region"),
        ("/api/participations/?role=sponsor", "role"),
        ("/api/regions/?kind=planet", "kind"),
        ("/api/projects/?lang=fr", "lang"),
        ("/api/projects/?page=abc", "page"),
        ("/api/projects/?page=0", "page"),
        ("/api/projects/?page_size=1000", "page_size"),
        ("/api/projects/?q=" + "x" * 1000, "q"),
    ],
)
def test_bad_parameter_is_a_json_400_naming_it(client, network, url, parameter):
    response = client.get(url)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert parameter in response.json()["errors"]


def test_page_past_the_last_is_a_json_404(client, network):
    response = client.get("/api/projects/?page=99")

    assert response.status_code == 404
    assert "99" in response.json()["detail"]


HOSTILE = ["' OR 1=1 --", "99999999999999999999", "1e309", "[]"]


def test_hostile_values_in_every_filter_never_cause_a_server_error(client, network, settings):
    settings.API_ANON_RATE = "10000/min"
    schema = client.get("/api/openapi.json").json()
    for path in ["projects", "meetings", "organisations", "centres", "participations"]:
        parameters = [
            parameter["name"]
            for parameter in schema["paths"][f"/api/{path}/"]["get"]["parameters"]
            if parameter["in"] == "query"
        ]
        assert {"page", "page_size", "lang"} <= set(parameters)
        for name in parameters:
            for value in HOSTILE:
                response = client.get(f"/api/{path}/", {name: value})
                assert response.status_code in {200, 400, 404}, (path, name, value)


def test_anonymous_rate_limit_answers_429_with_retry_after(client, network, settings):
    settings.API_ANON_RATE = "3/min"

    statuses = [client.get("/api/regions/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/projects/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_a_forged_forwarded_address_does_not_escape_the_rate_limit(client, network, settings):
    settings.API_ANON_RATE = "2/min"

    statuses = [
        client.get("/api/regions/", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").status_code
        for number in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, network, settings):
    settings.API_ANON_RATE = "1/min"
    settings.TRUSTED_PROXY_COUNT = 1

    def get(forwarded: str) -> int:
        return client.get(
            "/api/regions/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    assert [get("198.51.100.4"), get("198.51.100.4"), get("203.0.113.8")] == [200, 429, 200]
