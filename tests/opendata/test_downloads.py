"""Every public list's CSV and XLSX hold exactly the rows its filters select, in its order."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.views import MeetingListView
from partners.views import CentreListView, OrganisationListView
from projects.views import ProjectListView
from tests.factories import MeetingFactory, OrganisationFactory, ProjectFactory
from tests.opendata.conftest import PRIVATE_MARKERS, build_open_world, csv_rows, xlsx_rows

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

LISTS = [
    # list address, its view, the dataset, filters that narrow or reorder it
    ("/en/projects/", ProjectListView, "projects", "year=2021&ordering=-title"),
    ("/en/organisations/", OrganisationListView, "organisations", "country=romania&ordering=-name"),
    (
        "/en/centres/",
        CentreListView,
        "integration-centres",
        "region=constanta-county&ordering=-name",
    ),
    ("/en/meetings/", MeetingListView, "meetings", "when=past"),
    ("/en/meetings/", MeetingListView, "meetings", "ordering=title"),
]


def slugs_on_pages(client, list_url: str, query: str) -> list[str]:
    """The rows' slugs as the list's pages link them, page after page."""
    slugs = []
    for number in range(1, 50):
        response = client.get(f"{list_url}?{query}&page={number}")
        if response.status_code == 404:
            return slugs
        html = response.content.decode()
        cards = html[
            html.index('<ul class="card-list">') : html.index("</ul>", html.index("card-list"))
        ]
        found = re.findall(rf'href="{list_url}([\w-]+)/"', cards)
        slugs += list(dict.fromkeys(found))
    raise AssertionError("the list never ended")


def alternate_link(html: str, media_type: str) -> str:
    match = re.search(
        rf'<link rel="alternate" type="{re.escape(media_type)}"[^>]* href="([^"]+)"', html
    )
    assert match, f"no {media_type} alternate link"
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize(("list_url", "view", "dataset", "query"), LISTS)
def test_download_holds_the_rows_of_every_page_of_the_filtered_list(
    client, open_world, monkeypatch, list_url, view, dataset, query
):
    monkeypatch.setattr(view, "paginate_by", 2)
    on_pages = slugs_on_pages(client, list_url, query)

    page = client.get(f"{list_url}?{query}&page=2").content.decode()
    csv_url = alternate_link(page, "text/csv")
    xlsx_url = alternate_link(page, XLSX_TYPE)
    in_csv = [row["slug"] for row in csv_rows(client.get(csv_url))]
    in_xlsx = [row["slug"] for row in xlsx_rows(client.get(xlsx_url))]

    assert len(on_pages) >= 3
    assert in_csv == on_pages
    assert in_xlsx == on_pages
    assert "page=" not in csv_url


def test_download_links_carry_the_filters_and_count_the_rows(client, open_world):
    response = client.get("/en/projects/?year=2021&ordering=-title&page=1&utm_source=x")

    html = response.content.decode()
    assert (
        alternate_link(html, "text/csv") == "/en/open-data/projects.csv?ordering=-title&year=2021"
    )
    assert "Download these 4 rows:" in html
    assert 'href="/en/open-data/projects.xlsx?ordering=-title&amp;year=2021"' in html


def test_filtered_download_leaves_out_the_rows_the_filter_excludes(client, open_world):
    rows = csv_rows(client.get("/en/open-data/projects.csv?year=2021"))

    assert sorted(row["slug"] for row in rows) == [
        "project-00",
        "project-01",
        "project-03",
        "project-04",
    ]


def test_region_list_offers_every_region(client, open_world):
    page = client.get("/en/regions/").content.decode()
    rows = csv_rows(client.get(alternate_link(page, "text/csv")))

    assert [row["slug"] for row in rows][:3] == ["romania", "constanta-county", "constanta"]
    assert [row["parent"] for row in rows] == [
        "",
        "romania",
        "constanta-county",
        "constanta-county",
    ]
    assert "Download these 4 rows:" in page


@pytest.mark.parametrize(
    "dataset", ["projects", "organisations", "integration-centres", "meetings", "regions"]
)
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_downloads_carry_no_private_row_and_no_draft(client, open_world, dataset, extension):
    response = client.get(f"/en/open-data/{dataset}.{extension}")
    rows = csv_rows(response) if extension == "csv" else xlsx_rows(response)
    text = repr(rows)

    assert rows
    assert [marker for marker in PRIVATE_MARKERS if marker in text] == []
    assert "draft-project" not in text


def test_unreviewed_organisations_are_neither_listed_nor_referred_to(client, open_world):
    organisations = csv_rows(client.get("/en/open-data/organisations.csv"))
    projects = csv_rows(client.get("/en/open-data/projects.csv"))
    centres = {
        row["slug"]: row for row in csv_rows(client.get("/en/open-data/integration-centres.csv"))
    }

    assert "unreviewed-0" not in [row["slug"] for row in organisations]
    assert all("unreviewed-0" not in row["partners"] for row in projects)
    assert centres["centre-00"]["organisation"] == ""
    assert centres["centre-00"]["organisation_name"] == "Unreviewed organisation"


def test_csv_is_utf8_with_bom_iso_dates_and_plain_amounts(client, open_world):
    response = client.get("/en/open-data/projects.csv")
    body = b"".join(response.streaming_content)
    project = csv_rows(client.get("/en/open-data/projects.csv"))[0]

    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="projects.csv"'
    assert body.startswith(b"\xef\xbb\xbfslug,url,")
    assert project["start_date"] == "2022-01-01"
    assert project["total_budget"] == "1332240.00"
    assert project["currency"] == "RON"
    assert project["beneficiary"] == "organisation-02"


def test_meeting_times_are_written_in_the_venues_zone_with_their_offset(client, db):
    MeetingFactory(
        slug="winter-meeting",
        starts_at=datetime.datetime(2016, 1, 5, 8, tzinfo=datetime.UTC),
        timezone="Europe/Bucharest",
    )
    MeetingFactory(
        slug="date-only",
        starts_at=datetime.datetime(2016, 1, 6, 22, tzinfo=datetime.UTC),
        all_day=True,
    )

    rows = {row["slug"]: row for row in csv_rows(client.get("/en/open-data/meetings.csv"))}

    assert rows["winter-meeting"]["starts_at"] == "2016-01-05T10:00:00+02:00"
    assert rows["date-only"]["starts_on"] == "2016-01-07"
    assert rows["date-only"]["starts_at"] == ""


def test_texts_come_in_the_language_of_the_download_and_names_stay_official(client, db):
    ProjectFactory(
        title="Integration now",
        title_ro="Integrare acum",
        slug="integrare",
        official_title="Integrare acum!",
        official_title_language="ro",
    )

    english = csv_rows(client.get("/en/open-data/projects.csv"))[0]
    romanian = csv_rows(client.get("/ro/open-data/projects.csv"))[0]

    assert english["title"] == "Integration now"
    assert romanian["title"] == "Integrare acum"
    assert romanian["official_title"] == english["official_title"] == "Integrare acum!"
    assert romanian["url"].endswith("/ro/projects/integrare/")


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text(client, db):
    OrganisationFactory(name='=HYPERLINK("http://evil.example")', slug="formula")

    rows = xlsx_rows(client.get("/en/open-data/organisations.xlsx"))

    assert rows[0]["name"] == '=HYPERLINK("http://evil.example")'


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "query",
    ["year=abc", "programme=no-such-programme", "region=nowhere&when=past", "quarter=9"],
)
def test_bad_filter_values_are_refused_with_400(client, db, extension, query):
    dataset = "meetings" if "when" in query or "quarter" in query else "projects"

    response = client.get(f"/en/open-data/{dataset}.{extension}?{query}")

    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_unknown_dataset_is_not_found(client, db):
    assert client.get("/en/open-data/contacts.csv").status_code == 404


@pytest.mark.parametrize(
    "dataset", ["projects", "organisations", "integration-centres", "meetings", "regions"]
)
def test_download_queries_do_not_grow_with_the_rows(client, db, dataset):
    def queries_for_download() -> int:
        with CaptureQueriesContext(connection) as queries:
            csv_rows(client.get(f"/en/open-data/{dataset}.csv"))
        return len(queries)

    build_open_world(2)
    few = queries_for_download()
    build_open_world(6, start=2)
    many = queries_for_download()

    assert few == many


def test_larger_selections_than_an_xlsx_holds_are_offered_as_csv(client, open_world, monkeypatch):
    monkeypatch.setattr("opendata.views.XLSX_MAX_ROWS", 4)
    monkeypatch.setattr("opendata.templatetags.opendata.XLSX_MAX_ROWS", 4)

    page = client.get("/en/projects/").content.decode()
    refused = client.get("/en/open-data/projects.xlsx")
    narrowed = client.get("/en/open-data/projects.xlsx?year=2021")

    assert "XLSX up to 4 rows: narrow the filters" in page
    assert "projects.xlsx" not in page
    assert refused.status_code == 400
    assert "download the CSV file" in refused.content.decode()
    assert len(xlsx_rows(narrowed)) == 4
    assert len(csv_rows(client.get("/en/open-data/projects.csv"))) == 5


def test_cached_list_page_and_its_csv_stay_apart(client, open_world, settings):
    settings.PUBLIC_CACHE = True
    download = client.get("/en/open-data/projects.csv?year=2021")
    downloaded = csv_rows(download)
    page = client.get("/en/projects/?year=2021")
    ProjectFactory(slug="published-since", start_date=datetime.date(2021, 3, 1))
    download_after_a_change = client.get("/en/open-data/projects.csv?year=2021")

    assert download["Content-Type"].startswith("text/csv")
    assert len(downloaded) == 4
    assert page["Content-Type"].startswith("text/html")
    assert "Download these 4 rows:" in page.content.decode()
    assert "published-since" in [row["slug"] for row in csv_rows(download_after_a_change)]
