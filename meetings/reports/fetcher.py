"""The only way WeasyPrint may read a file while it renders a report.

Reports reference the project's fonts and images through their ordinary ``{% static %}`` and
media URLs. They are resolved against ``file:///`` (see ``rendering.BASE_URL``), and this fetcher
maps ``file:///static/…`` and ``file:///media/…`` back to the project's own files. Every other
URL — http(s), data:, any other file path — is refused, so a report never touches the network
or the rest of the disk whatever ends up in its HTML.
"""

import mimetypes
from pathlib import Path, PurePosixPath
from urllib import request
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils._os import safe_join
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A report asked for a resource that is not one of the project's own files."""


def _url_path(setting_value: str) -> str:
    path = urlsplit(setting_value or "").path
    if not path.startswith("/"):
        path = "/" + path
    return path if path.endswith("/") else path + "/"


def _relative_name(path: str, prefix: str) -> str | None:
    if not path.startswith(prefix):
        return None
    name = unquote(path.removeprefix(prefix))
    parts = PurePosixPath(name).parts
    if not name or ".." in parts or name.startswith("/"):
        raise RefusedURL(f"Refused path outside the project's files: {path}")
    return name


def _static_file(name: str) -> Path | None:
    found = finders.find(name)
    if found:
        return Path(found)
    # With a manifest storage, {% static %} gives hashed names that only exist in STATIC_ROOT.
    try:
        collected = Path(staticfiles_storage.path(name))
    except NotImplementedError:
        return None
    return collected if collected.is_file() else None


def _media_file(name: str) -> Path | None:
    if not settings.MEDIA_ROOT:
        return None
    candidate = Path(safe_join(settings.MEDIA_ROOT, name))
    return candidate if candidate.is_file() else None


def resolve_project_file(url: str) -> Path:
    """Return the project file a report URL stands for, or raise ``RefusedURL``."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"Refused URL: {url}")
    static_name = _relative_name(parts.path, _url_path(settings.STATIC_URL))
    if static_name is not None:
        found = _static_file(static_name)
    else:
        media_name = _relative_name(parts.path, _url_path(settings.MEDIA_URL))
        if media_name is None:
            raise RefusedURL(f"Refused URL outside static and media files: {url}")
        found = _media_file(media_name)
    if found is None:
        raise RefusedURL(f"No such project file: {url}")
    return found


class ProjectFilesURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static and media files and refuses the rest.

    ``requested`` lists every URL WeasyPrint asked for, served or not, so a caller (or a test)
    can see what a document tried to load.
    """

    def __init__(self) -> None:
        # URLFetcher.__init__ would set up HTTP(S) handlers (and an SSL context) that this
        # fetcher never uses; only the attributes WeasyPrint reads are set.
        request.OpenerDirector.__init__(self)
        self._allowed_protocols = ("file",)
        # A refused resource is left out with a warning rather than failing the report: a
        # missing logo should not stop an auditor's document.
        self._fail_on_errors = False
        self.requested: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        self.requested.append(url)
        path = resolve_project_file(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )
