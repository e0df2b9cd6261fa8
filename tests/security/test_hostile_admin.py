"""Admin forms and changelists answer hostile input with form errors or a 4xx, and a refused
form stores nothing."""

from urllib.parse import urlsplit

import pytest
from django.core import serializers
from django.urls import resolve

from integration_portal.backup import row_counts
from tests.security.crawler import crawl
from tests.security.html_forms import HtmlForm, parse_forms
from tests.security.surface import RAW_QUERIES, XSS_PAYLOADS

XSS = '<script>alert("xss")</script>'
# Each round makes one kind of field hostile and leaves the rest as the page filled them, so
# a model's clean() also meets hostile values next to valid ones.
ROUNDS = {
    "markup": {"text": XSS},
    "long text": {"text": "x" * 10_000},
    "sql": {"text": "' OR 1=1; DROP TABLE meetings_meeting; --", "choice": "1 OR 1=1"},
    "impossible": {
        "date": "2016-02-30",
        "time": "25:61:00",
        "number": "99999999999999999999999999",
        "choice": "99999999999999999999",
    },
    "negative": {"number": "-1", "choice": "-1", "date": "-0001-01-01"},
    "wrong types": {
        "number": "abc",
        "date": "yesterday",
        "time": "noon",
        "choice": "[]",
        "checkbox": "maybe",
        "text": "[]",
        "count": "abc",
    },
    # A formset's form count is refused when negative; a huge one Django caps at a thousand
    # forms per formset, which only makes the round slow.
    "tampered": {"hidden": "99999999", "count": "-1"},
}
MANAGEMENT_COUNTS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
NOT_FUZZED_FORMS = ("/delete/", "/password", "/logout")


def _field_kind(form: HtmlForm, name: str) -> str | None:
    attributes = form.attributes.get(name, {})
    classes = attributes.get("class", "")
    kind = form.kinds[name]
    if name == "csrfmiddlewaretoken" or "__prefix__" in name:
        return None
    if kind == "hidden":
        return "count" if name.endswith(MANAGEMENT_COUNTS) else "hidden"
    if "vDateField" in classes or kind == "date":
        return "date"
    if "vTimeField" in classes or kind == "time":
        return "time"
    if kind == "number" or "vIntegerField" in classes or "vBigIntegerField" in classes:
        return "number"
    if kind == "select":
        return "choice"
    if kind in {"checkbox", "radio"}:
        return "checkbox"
    if kind in {"text", "textarea", "email", "url", "search", "tel"}:
        return "text"
    return None


def _hostile_submission(form: HtmlForm, round_values: dict[str, str]) -> dict:
    submission = form.submission()
    for name in form.kinds:
        kind = _field_kind(form, name)
        if kind in round_values:
            submission[name] = round_values[kind]
    return submission


def _snapshot() -> tuple[dict, str]:
    from meetings.models import Meeting
    from partners.models import Organisation

    return row_counts(), serializers.serialize(
        "json", [*Meeting.objects.all(), *Organisation.objects.all()]
    )


def _admin_forms(client) -> dict[str, tuple[str, HtmlForm]]:
    """One POST form per admin URL pattern the signed-in user can open: {route: (url, form)}."""
    result = crawl(client, ["/en/admin/"])
    forms = {}
    for page in result.pages:
        path = urlsplit(page.url).path
        if (
            page.status != 200
            or not path.startswith("/en/admin/")
            or not page.content_type.startswith("text/html")
            or any(part in path for part in NOT_FUZZED_FORMS)
        ):
            continue
        route = resolve(path).url_name or resolve(path).route
        if route in forms:
            continue
        for form in parse_forms(page.text):
            if (
                form.method == "post"
                and form.attrs.get("id") != "changelist-form"
                and "csrfmiddlewaretoken" in form.kinds
                and form.editable_fields()
            ):
                forms[route] = (page.url, form)
                break
    return forms


def _fuzz(client, url: str, form: HtmlForm) -> list[str]:
    problems = []
    for label, values in ROUNDS.items():
        before = _snapshot()
        submission = _hostile_submission(form, values)
        response = client.post(form.action or url, submission)
        if response.status_code >= 500:
            problems.append(f"{response.status_code} from {url} ({label})")
        elif response.status_code == 200 and _snapshot() != before:
            problems.append(f"{url} ({label}) showed the form again but stored changes")
        elif response.status_code == 200 and any(
            payload in response.content.decode() for payload in XSS_PAYLOADS
        ):
            problems.append(f"{url} ({label}) shows the markup unescaped")
    return problems


@pytest.mark.parametrize("role", ["administrator", "coordinator_a"])
def test_every_admin_form_holds_under_hostile_values(client, planted_world, role, role_user):
    client.force_login(role_user)
    client.raise_request_exception = False
    forms = _admin_forms(client)
    assert any("meeting_change" in route for route in forms)
    assert len(forms) >= (20 if role == "administrator" else 5)

    problems = []
    for url, form in forms.values():
        problems += _fuzz(client, url, form)

    assert problems == []


def test_admin_changelist_parameters_hold_under_hostile_values(client, planted_world, superuser):
    client.force_login(superuser)
    client.raise_request_exception = False
    result = crawl(client, ["/en/admin/"])
    changelists = {
        urlsplit(page.url).path
        for page in result.pages
        if page.status == 200
        and (resolve(urlsplit(page.url).path).url_name or "").endswith("_changelist")
    }
    assert len(changelists) >= 15
    problems = []
    for path in sorted(changelists):
        for query in [
            {"q": XSS},
            {"q": "x" * 10_000},
            {"q": "' OR 1=1 --"},
            {"o": "99.-3.abc"},
            {"p": "-1"},
            {"p": "99999999999999999999"},
            {"starts_at__year": "99999", "starts_at__month": "13"},
            {"status__exact": XSS},
            {"id__in": "1,abc"},
            {"_changelist_filters": "%zz"},
        ]:
            response = client.get(path, query)
            if response.status_code >= 500:
                problems.append(f"{response.status_code} from {path} {list(query)}")
            elif response.status_code == 200 and XSS in response.content.decode():
                problems.append(f"unescaped markup on {path} {list(query)}")
        for raw in RAW_QUERIES:
            response = client.get(f"{path}?q={raw}")
            if response.status_code >= 500:
                problems.append(f"{response.status_code} from {path}?q={raw}")

    assert problems == []
