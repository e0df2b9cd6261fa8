"""A test-client crawler: follow every link a role can reach and look at what each answer says.

It starts from a few addresses (home page, sitemap, admin index…), follows links in HTML,
sitemaps, feeds and calendars, admin autocomplete widgets and redirects, and visits each URL
pattern a bounded number of times so the crawl stays short whatever the amount of data.
"""

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

# Never followed: they end the session, change state on GET or are not pages.
SKIPPED = re.compile(r"/logout/|/i18n/setlang/|^/static/|^/media/|/jsi18n/")
# The test client's host, the sites framework's and SITE_DOMAIN (feeds, calendars, sitemaps).
LOCAL_HOSTS = ("testserver", "example.com")
VISITS_PER_PATTERN = 2
VISITS_PER_ROUTE = 4


@dataclass
class Page:
    url: str
    status: int
    content_type: str
    text: str
    found_from: str


@dataclass
class Crawl:
    pages: list[Page] = field(default_factory=list)
    skipped_by_cap: int = 0
    # True when max_pages stopped the crawl before every reachable pattern was visited.
    truncated: bool = False

    def server_errors(self) -> list[str]:
        return [
            f"{p.status} {p.url} (linked from {p.found_from})"
            for p in self.pages
            if p.status >= 500
        ]

    def containing(self, needle: str) -> list[str]:
        squashed = _squash(needle)
        return [p.url for p in self.pages if squashed in _squash(p.text)]


def _squash(text: str) -> str:
    """Without whitespace, so text that a PDF lays out over lines still matches."""
    return re.sub(r"\s+", "", text)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"a", "link", "area"} and attributes.get("href"):
            if "stylesheet" not in (attributes.get("rel") or ""):
                self.links.append(attributes["href"])
        elif tag == "select" and attributes.get("data-ajax--url"):
            # An admin autocomplete: ask it for every choice it would offer.
            query = {
                "app_label": attributes.get("data-app-label", ""),
                "model_name": attributes.get("data-model-name", ""),
                "field_name": attributes.get("data-field-name", ""),
                "term": "",
            }
            self.links.append(f"{attributes['data-ajax--url']}?{urlencode(query)}")


def links_in(page_url: str, content_type: str, text: str) -> list[str]:
    if "calendar" in content_type:
        text = re.sub(r"\r?\n[ \t]", "", text)  # Unfold iCalendar's 75-octet lines.
    if content_type.startswith("text/html"):
        parser = _Links()
        parser.feed(text)
        found = parser.links
    else:
        found = []
    hosts = "|".join(re.escape(host) for host in _local_hosts())
    found += re.findall(rf"""https?://(?:{hosts})(/[^\s"'<>]*)""", text)
    if "xml" in content_type or "calendar" in content_type:
        found += re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)
    return [urljoin(page_url, link) for link in found]


def _local_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in {"", "http", "https"}:
        return None
    if parts.netloc not in {"", *_local_hosts()}:
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _local_hosts() -> tuple[str, ...]:
    return (*LOCAL_HOSTS, settings.SITE_DOMAIN)


def _pattern_keys(path: str) -> tuple[str, str]:
    """(route, route + query parameter names): what makes two addresses the same kind of page."""
    parts = urlsplit(path)
    try:
        match = resolve(parts.path)
        route = f"{match.namespace}:{match.url_name}" if match.url_name else match.route
    except Resolver404:
        route = parts.path
    route = f"{parts.path.split('/')[1]}|{route}"
    return route, route + "?" + ",".join(sorted(_names(parts.query)))


def _names(query: str) -> set[str]:
    return {name for name, _value in parse_qsl(query, keep_blank_values=True)}


def _text_of(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/pdf") or body.startswith(b"%PDF"):
        from pypdf import PdfReader

        try:
            reader = PdfReader(io.BytesIO(body))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        except Exception:  # An uploaded sample that is a PDF only by its header.
            return body.decode("latin-1")
    return body.decode("utf-8", "replace")


def crawl(client, start: list[str], *, max_pages: int = 1000, languages=("en",)) -> Crawl:
    """Visit what `client` can reach from `start`; bounded by pattern caps and `max_pages`."""
    result = Crawl()
    queue: list[tuple[str, str]] = [(url, "(start)") for url in start]
    seen: set[str] = set()
    per_route: Counter = Counter()
    per_pattern: Counter = Counter()
    while queue and len(result.pages) < max_pages:
        url, found_from = queue.pop(0)
        path = _local_path(url)
        if path is None or path in seen or SKIPPED.search(path):
            continue
        first_segment = path.split("/")[1] if path.count("/") > 1 else ""
        if first_segment in {"ro", "bg", "en"} and first_segment not in languages:
            continue
        seen.add(path)
        keys = _pattern_keys(path)
        if found_from != "(start)":
            route, pattern = keys
            if per_route[route] >= VISITS_PER_ROUTE or per_pattern[pattern] >= VISITS_PER_PATTERN:
                result.skipped_by_cap += 1
                continue
            per_route[route] += 1
            per_pattern[pattern] += 1
        response = client.get(path)
        content_type = response.get("Content-Type", "")
        text = _text_of(response)
        result.pages.append(Page(path, response.status_code, content_type, text, found_from))
        if response.status_code in {301, 302, 303, 307, 308}:
            queue.append((urljoin(path, response["Location"]), path))
        elif response.status_code == 200:
            queue.extend((link, path) for link in links_in(path, content_type, text))
    result.truncated = bool(queue)
    return result
