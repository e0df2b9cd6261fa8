"""The public filter forms as a browser sends them: every select opens with "any", and a form
submitted as it was rendered lists what the unfiltered list does."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

LISTS = ["/en/projects/", "/en/organisations/", "/en/centres/", "/en/meetings/"]


class FilterFormReader(HTMLParser):
    """The controls of the page's filter form: each select's options and the value a browser
    would submit for every control, as it was rendered."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.select: str | None = None
        self.option: dict | None = None
        self.options: dict[str, list[tuple[str, str, bool]]] = {}
        self.inputs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "form" and "filter-form" in (attributes.get("class") or ""):
            self.in_form = True
        elif not self.in_form:
            return
        elif tag == "select":
            self.select = attributes["name"]
            self.options[self.select] = []
        elif tag == "option" and self.select:
            self.option = {
                "value": attributes.get("value"),
                "selected": "selected" in attributes,
                "label": "",
            }
        elif tag == "input" and attributes.get("name") and attributes.get("type") != "submit":
            self.inputs[attributes["name"]] = attributes.get("value") or ""

    def handle_data(self, data: str) -> None:
        if self.option is not None:
            self.option["label"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "option" and self.option is not None:
            value = self.option["value"]
            label = self.option["label"].strip()
            self.options[self.select].append(
                (label if value is None else value, label, self.option["selected"])
            )
            self.option = None
        elif tag == "select":
            self.select = None

    def submitted(self) -> dict[str, str]:
        """What the browser sends: each input's value, each select's selected (or first) option."""
        data = dict(self.inputs)
        for name, options in self.options.items():
            selected = [value for value, _label, chosen in options if chosen]
            data[name] = (selected or [options[0][0]])[0]
        return data


def read_form(response) -> FilterFormReader:
    reader = FilterFormReader()
    reader.feed(response.content.decode())
    assert reader.options or reader.inputs, "no filter form on the page"
    return reader


def listed(response) -> list:
    return [row.pk for row in response.context["object_list"]]


@pytest.mark.parametrize("path", LISTS)
def test_every_select_of_the_filter_form_opens_with_any(client, demo, path):
    response = client.get(path)

    selects = read_form(response).options
    assert selects
    for name, options in selects.items():
        assert options[0][:2] == ("", "any"), name
    assert "---------" not in response.content.decode()


@pytest.mark.parametrize("path", LISTS)
def test_filter_form_submitted_as_rendered_lists_everything(client, demo, path):
    unfiltered = client.get(path)
    defaults = read_form(unfiltered).submitted()

    submitted = client.get(path, defaults)

    assert submitted.status_code == 200
    assert not submitted.context["filter"].form.errors
    assert listed(submitted) == listed(unfiltered)
    assert listed(unfiltered)


def test_meeting_filter_form_sends_no_quarter_unless_chosen(client, demo):
    defaults = read_form(client.get("/en/meetings/")).submitted()

    assert defaults["quarter"] == ""
    conferences = client.get("/en/meetings/", {**defaults, "kind": "conference"})
    in_2019 = client.get("/en/meetings/", {**defaults, "year": "2019"})

    assert [m.slug for m in conferences.context["object_list"]] == [
        "act-locally-conference-brussels-2019"
    ]
    assert {m.slug for m in in_2019.context["object_list"]} == {
        "act-locally-conference-brussels-2019",
        "local-stakeholders-migrant-integration-bucharest-2019",
    }


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/en/projects/", {"programme": "amif-national-programme-romania"}, {"integrare-plus"}),
        ("/en/projects/", {"q": "integrare", "region": "region-2"}, {"integrare-plus"}),
        ("/en/organisations/", {"kind": "network"}, {"cdmir", "eurocities"}),
        ("/en/centres/", {"kind": "working_point"}, {"working-point-vaslui"}),
        ("/en/meetings/", {"kind": "partner"}, {"connection-first-partner-meeting-2020"}),
    ],
)
def test_a_filter_narrows_the_list(client, demo, path, params, expected):
    defaults = read_form(client.get(path)).submitted()

    response = client.get(path, {**defaults, **params})

    assert {row.slug for row in response.context["object_list"]} == expected


def test_words_in_a_list_rank_the_exact_acronym_first(client, demo):
    response = client.get("/en/projects/", {"q": "integrare"})

    slugs = [project.slug for project in response.context["object_list"]]
    assert slugs[0] == "integrare-plus"
    assert len(slugs) > 1


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/en/projects/", "programme=nowhere"),
        ("/en/projects/", "year=twenty"),
        ("/en/projects/", "status=sleeping"),
        ("/en/projects/", "ordering=budget"),
        ("/en/organisations/", "kind=club"),
        ("/en/organisations/", "country=atlantis"),
        ("/en/organisations/", "region=atlantis"),
        ("/en/centres/", "service=flying"),
        ("/en/centres/", "region=atlantis"),
        ("/en/meetings/", "quarter=any"),
        ("/en/meetings/", "quarter=0"),
        ("/en/meetings/", "year=99999"),
        ("/en/meetings/", "project=nothing&organisation=nobody"),
        ("/en/meetings/", "ordering=-nothing"),
    ],
)
def test_a_bad_filter_value_shows_the_form_error_not_a_server_error(client, demo, path, query):
    response = client.get(f"{path}?{query}")

    assert response.status_code < 500
    if response.status_code == 200:
        assert response.context["filter"].form.errors
        assert "Some filters could not be applied" in response.content.decode()
