"""The lines `make bench` prints: one `name: value unit` figure a line, then each target."""

import re

from devtools.benchmark import Figures, parse_wrk, percentile, print_targets

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


def test_wrk_report_gives_requests_per_second_and_failures():
    assert parse_wrk(WRK_REPORT) == {"rps": 1529.66, "errors": 7}


def test_p95_is_the_value_95_percent_of_the_requests_do_not_exceed():
    timings = [float(ms) for ms in range(1, 101)]

    assert percentile(timings, 95) == 95.0
    assert percentile([3.0], 95) == 3.0


def test_targets_name_what_is_missed(capsys):
    figures = Figures()
    pages = {
        "meeting_list": {"available": True, "kind": "public", "median_ms": 61.0, "p95_ms": 90.0,
                         "queries": 5},
        "search": {"available": True, "kind": "search", "median_ms": 80.0, "p95_ms": 120.0,
                   "queries": 13},
    }  # fmt: skip

    print_targets(figures, pages, {"search": {"available": True, "queries": 13}}, 0.1)

    out = capsys.readouterr().out
    assert "# MISS meeting_list median 61.0 ms <= 50 ms" in out
    assert "# ok   meeting_list p95 90.0 ms <= 150 ms" in out
    assert "# ok   search median 80.0 ms <= 100 ms" in out
    assert "# MISS search 13 queries <= 12" in out
    assert "# ok   search queries the same at scale 0.1 (13) and now (13)" in out
