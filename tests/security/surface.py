"""The public query surface: every address that takes query parameters, and their names.

Found by crawling as an anonymous visitor: the fields of every GET form (filters, search) and
the parameter names of every link (page, sort, when…), so a new filter is tested the day it
appears.
"""

from collections import defaultdict
from urllib.parse import parse_qsl, urljoin, urlsplit

from tests.security.crawler import crawl
from tests.security.html_forms import parse_forms

HOSTILE_VALUES = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "1; DROP TABLE meetings_meeting; --",
    "%_\\",
    "x" * 10_000,
    "abc\x00def",
    "2016-02-30",
    "-1",
    "0",
    "99999999999999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "../../etc/passwd",
    "\u202egnp.exe",
]
# Raw query strings the test client must not re-encode: broken and overlong escapes.
RAW_QUERIES = ["%", "%zz", "%E0%A4%A", "%C0%AE%C0%AE%2F", "%00", "%FF%FE", "a%ED%A0%80b"]
XSS_PAYLOADS = ['<script>alert("xss")</script>', "<img src=x onerror=alert(1)>"]


def public_query_surface(client) -> dict[str, dict[str, list[str]]]:
    """{path: {parameter name: values offered (select options, link values)}}."""
    result = crawl(client, ["/en/", "/sitemap.xml"])
    surface: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for page in result.pages:
        parts = urlsplit(page.url)
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            surface[parts.path][name].add(value)
        if page.status != 200 or not page.content_type.startswith("text/html"):
            continue
        for form in parse_forms(page.text):
            if form.method != "get":
                continue
            action = urlsplit(urljoin(page.url, form.action or page.url)).path
            if not action.startswith("/en/"):
                continue
            for name in form.kinds:
                if form.kinds[name] in {"submit", "button", "reset", "image"}:
                    continue
                surface[action][name].update(form.options.get(name, []))
    for names in surface.values():
        if len(names) > 1:  # A filtered list: paged, whether or not this data fills a page.
            names["page"].update({"1", "2", "last"})
    return {
        path: {name: sorted(values) for name, values in names.items()}
        for path, names in surface.items()
    }
