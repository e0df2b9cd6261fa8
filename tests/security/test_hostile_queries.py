"""Public filters, search, paging and sorting answer hostile input with a page or a 4xx."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.surface import (
    HOSTILE_VALUES,
    RAW_QUERIES,
    XSS_PAYLOADS,
    public_query_surface,
)


@pytest.fixture
def public_surface(client, planted_world):
    surface = public_query_surface(client)
    # The crawl must have found the filters and the search, or the tests below prove nothing.
    assert "q" in surface["/en/search/"]
    assert len(surface) >= 4
    assert sum(len(names) for names in surface.values()) >= 10
    return surface


def _problem(response, url: str) -> str | None:
    if response.status_code >= 500:
        return f"{response.status_code} for {url}"
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        page = response.content.decode()
        for payload in XSS_PAYLOADS:
            if payload in page:
                return f"unescaped {payload!r} on {url}"
    return None


def test_every_public_query_parameter_holds_under_hostile_values(client, public_surface):
    problems = []
    for path, names in public_surface.items():
        for name in names:
            for value in HOSTILE_VALUES:
                response = client.get(path, {name: value})
                problems.append(_problem(response, f"{path}?{name}={value[:40]!r}"))
            for raw in RAW_QUERIES:
                url = f"{path}?{name}={raw}"
                problems.append(_problem(client.get(url), url))
            url = f"{path}?{name}=1&{name}=2&{name}="
            problems.append(_problem(client.get(url), url))

    assert [problem for problem in problems if problem] == []


def test_nul_byte_in_a_query_is_refused_with_400(client, public_surface):
    path = next(iter(public_surface))

    response = client.get(path, {"q": "abc\x00def"})

    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


IMPOSSIBLE_DATES = st.builds(
    lambda year, month, day: f"{year}-{month:02}-{day:02}",
    st.integers(-1, 99999),
    st.integers(0, 99),
    st.integers(0, 99),
)
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(HOSTILE_VALUES),
    st.integers().map(str),
    st.floats().map(str),
    st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat),
    IMPOSSIBLE_DATES,
)


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_filters_and_search_hold_under_generated_input(client, public_surface, data):
    path = data.draw(st.sampled_from(sorted(public_surface)), label="path")
    names = public_surface[path]
    offered = [value for values in names.values() for value in values]
    value = st.one_of(VALUES, st.sampled_from(offered)) if offered else VALUES
    params = data.draw(
        st.dictionaries(st.sampled_from(sorted(names)), value, max_size=4), label="params"
    )

    response = client.get(path, params)

    if any("\x00" in key or "\x00" in item for key, item in params.items()):
        assert response.status_code == 400
    else:
        assert _problem(response, f"{path} {params!r}") is None
