"""The lines `make bench` prints: one `name: value unit` figure a line, then each target."""

import re

import pytest
from django.core.management import CommandError, call_command

from devtools.benchmark import (
    MAX_QUERIES,
    OWNED_DATABASE_VARIABLE,
    Expect,
    Figures,
    Page,
    page_figures,
    parse_wrk,
    percentile,
    print_targets,
    time_requests,
)

FIGURE_LINE = re.compile(r"^[a-z0-9_.]+: -?[0-9][0-9.]*( [^ ].*)?$")

WRK_REPORT = """\
Running 30s test @ http://127.0.0.1:41234/en/projects/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.61ms  512.04us  14.20ms   91.10%
    Req/Sec     1.53k    80.11     1.71k    70.00%
  45890 requests in 30.00s, 13.61GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1529.66
Transfer/sec:    464.52MB
"""


def test_each_figure_is_printed_as_name_value_unit(capsys):
    figures = Figures()

    figures.add("project_list_median", 4.25, "ms")
    figures.add("project_list_queries", 8, "queries")
    figures.add("project_list_throughput", 1529.66, "req/s")

    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "project_list_median: 4.25 ms",
        "project_list_queries: 8 queries",
        "project_list_throughput: 1529.7 req/s",
    ]
    assert all(FIGURE_LINE.match(line) for line in lines)


def test_each_page_tells_how_much_of_its_time_went_into_queries(capsys):
    pages = {
        "meeting_list": {"available": True, "kind": "public", "median_ms": 61.0, "p95_ms": 90.0,
                         "queries_median_ms": 12.5, "queries": 5, "problems": []},
    }  # fmt: skip

    page_figures(Figures(), pages, "")

    assert "meeting_list_in_queries_median: 12.5 ms" in capsys.readouterr().out.splitlines()


def test_time_in_queries_is_part_of_a_page_with_queries_and_none_of_one_without(client, demo):
    problems: list[str] = []

    meetings = Page("meetings", "/en/meetings/", Expect("<main"))
    about = Page("about", "/en/about/", Expect("<main"))

    with_queries = time_requests(client, meetings, 3, problems)
    without = time_requests(client, about, 3, problems)

    assert problems == []
    assert all(0 < in_queries < total for total, in_queries in with_queries)
    assert all(in_queries == 0 for _total, in_queries in without)


def test_wrk_report_gives_requests_per_second_and_failures():
    assert parse_wrk(WRK_REPORT) == {"rps": 1529.66, "errors": 7}


def test_p95_is_the_value_95_percent_of_the_requests_do_not_exceed():
    timings = [float(ms) for ms in range(1, 101)]

    assert percentile(timings, 95) == 95.0
    assert percentile([3.0], 95) == 3.0


def test_targets_hold_uncached_pages_to_the_trivial_view_and_name_what_is_missed(capsys):
    figures = Figures()
    pages = {
        "trivial_view": {"available": True, "kind": "trivial", "median_ms": 10.0, "p95_ms": 12.0,
                         "queries": 0, "problems": []},
        "meeting_list": {"available": True, "kind": "public", "median_ms": 61.0, "p95_ms": 90.0,
                         "queries": 5, "problems": []},
        "search": {"available": True, "kind": "search", "median_ms": 30.0, "p95_ms": 120.0,
                   "queries": MAX_QUERIES + 1, "problems": []},
    }  # fmt: skip
    small_scale = {
        "search": {"available": True, "queries": 13},
        "meeting_list": {"available": True, "queries": 4},
    }

    print_targets(figures, pages, small_scale, 0.1)

    out = capsys.readouterr().out
    assert "# MISS meeting_list median 61.0 ms <= 4x trivial view (40.0 ms)" in out
    assert "# MISS meeting_list median 61.0 ms <= 50 ms" in out
    assert "# ok   meeting_list p95 90.0 ms <= 3x its median (183.0 ms)" in out
    assert "# ok   search median 30.0 ms <= 4x trivial view (40.0 ms)" in out
    assert "# MISS search p95 120.0 ms <= 3x its median (90.0 ms)" in out
    assert f"# MISS search {MAX_QUERIES + 1} queries <= {MAX_QUERIES}" in out
    assert "# ok   search queries do not grow from scale 0.1 (13) to now (13)" in out
    assert "# MISS meeting_list queries do not grow from scale 0.1 (4) to now (5)" in out
    assert "# MISS uncached project list throughput not measured" in out


def test_a_page_may_need_fewer_queries_at_the_larger_scale_but_never_more(capsys):
    pages = {
        "trivial_view": {"available": True, "kind": "trivial", "median_ms": 10.0, "p95_ms": 12.0,
                         "queries": 0, "problems": []},
        "meeting_list_last_page": {"available": True, "kind": "public", "median_ms": 20.0,
                                   "p95_ms": 25.0, "queries": 4, "problems": []},
    }  # fmt: skip

    print_targets(
        Figures(), pages, {"meeting_list_last_page": {"available": True, "queries": 5}}, 0.1
    )

    out = capsys.readouterr().out
    assert "# ok   meeting_list_last_page queries do not grow from scale 0.1 (5) to now (4)" in out


def test_a_fast_figure_of_a_wrong_response_misses_every_target(capsys):
    pages = {
        "trivial_view": {"available": True, "kind": "trivial", "median_ms": 10.0, "p95_ms": 12.0,
                         "queries": 0, "problems": []},
        "project_detail": {"available": True, "kind": "public", "median_ms": 2.0, "p95_ms": 3.0,
                           "queries": 1, "problems": ["status 404"]},
    }  # fmt: skip

    print_targets(Figures(), pages, {}, 0.1)

    out = capsys.readouterr().out
    assert "# MISS project_detail responses as expected (status 404)" in out
    assert "# MISS project_detail median 2.0 ms <= 50 ms" in out
    assert "# MISS project_detail 1 queries <= 12" in out


def test_a_response_counts_only_with_its_status_and_content():
    class Response(dict):
        def __init__(self, status, content, **headers):
            super().__init__(headers)
            self.status_code = status
            self.content = content.encode()

    links = Expect('href="/en/projects/[^"/?#]+/"', times=2)
    page = '<a href="/en/projects/a/">A</a> <a href="/en/projects/b/">B</a>'

    assert links.problem(Response(200, page)) == ""
    assert links.problem(Response(302, "", Location="/en/accounts/login/")) == (
        "status 302 to /en/accounts/login/"
    )
    assert "fewer than 2" in links.problem(Response(200, page.split(" ")[0]))
    assert Expect(json_results=True).problem(Response(200, '{"results": []}')) == "no results"
    assert Expect(json_results=True).problem(Response(200, '{"results": [{"slug": "a"}]}')) == ""


def test_measure_refuses_a_database_the_benchmark_did_not_create(db, monkeypatch):
    monkeypatch.delenv(OWNED_DATABASE_VARIABLE, raising=False)

    with pytest.raises(CommandError, match="only runs in a database the benchmark created"):
        call_command("bench", "--measure")
