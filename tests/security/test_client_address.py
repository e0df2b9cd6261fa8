import pytest
from django.test import RequestFactory

from core.client_address import client_address


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no proxy of ours: the header is the client's own claim
        (1, "198.51.100.4", "198.51.100.4"),
        (1, "192.0.2.1, 198.51.100.4", "198.51.100.4"),  # the forged entry is left of ours
        (2, "192.0.2.1, 198.51.100.4, 10.0.0.9", "198.51.100.4"),
        (2, "198.51.100.4", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_is_read_as_many_entries_from_the_right_as_there_are_proxies(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected
