import datetime

import pytest

from core import search
from core.search import build_search_text, fold, name_grade, names, search_rank, search_terms
from meetings.enums import MeetingStatus
from projects.models import Project
from tests.factories import (
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ProjectFactory,
)
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def _group(response, key: str) -> list:
    for group in response.context["results"].groups:
        if group.key == key:
            return group.results
    raise AssertionError(key)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Constanta", "Constanța"),
        ("Galati", "Galați"),
        ("Brasov", "Brașov"),
        ("CONSTANŢA", "Constanța"),  # cedilla and comma-below forms of the same letter
        ("софия", "София"),
        ("kosice", "Košice"),
        ("Lodz", "Łódź"),
        ("Bialystok", "Białystok"),
        ("Wroclaw", "Wrocław"),
        ("Dakovo", "Đakovo"),
        ("Orsted", "Ørsted"),
        ("strasse", "Straße"),
        ("AEROSKOBING", "Ærøskøbing"),
    ],
)
def test_fold_makes_typed_and_stored_forms_equal(typed, stored):
    assert fold(typed) == fold(stored)


def test_fold_keeps_cyrillic_and_splits_words_at_punctuation():
    assert fold("„Убежище, миграция“ – AMIF_national") == "убежище миграция amif national"
    assert fold("Romania's INTEGRARE+") == "romanias integrare"
    assert fold("България") != fold("Bulgaria")


def test_search_text_puts_the_names_first_between_marks():
    text = build_search_text(["A summary", *names("INTEGRARE+", "Title: one"), ""])

    assert text == "|integrare|title one| a summary"
    assert build_search_text(names("Only a name")) == "|only a name| "


def test_search_terms_drop_duplicates_and_cap_the_length():
    assert search_terms("  Galați galati  ") == ["galati"]
    assert search_terms("x" * 10_000) == ["x" * 200]


@pytest.mark.parametrize(
    ("query", "group", "expected"),
    [
        ("Constanta", "centres", "Regional Integration Centre Constanța"),
        ("Galati", "centres", "Regional Integration Centre Galați"),
        ("Brasov", "organisations", "Migrant Integration Center Brașov"),
        ("constanta", "meetings", "Quarterly coordination meeting of Region 2 in Constanța"),
        ("integrare", "projects", "INTEGRARE+: Services and assistance for migrants in Region 2"),
    ],
)
def test_search_finds_demo_rows_without_accents(client, demo, query, group, expected):
    response = client.get(f"/en/search/?q={query}")

    assert response.status_code == 200
    assert expected in [
        str(getattr(row, "title", None) or row.name) for row in _group(response, group)
    ]


def test_search_matches_any_language_of_the_content(client, demo):
    # The Romanian and Bulgarian titles find the page from the English interface.
    romanian = client.get("/en/search/?q=Servicii asistenta migranti")
    bulgarian = client.get("/en/search/?q=Услуги помощ мигранти")

    assert [p.slug for p in _group(romanian, "projects")] == ["integrare-plus"]
    assert [p.slug for p in _group(bulgarian, "projects")] == ["integrare-plus"]


def test_search_folds_cyrillic_case(client):
    OrganisationFactory(name="Асоциация за развитие на София", slug="ars")

    response = client.get("/en/search/?q=СОФИЯ")

    assert [o.slug for o in _group(response, "organisations")] == ["ars"]


def test_search_needs_every_word(client):
    ProjectFactory(title="Integration in Galați")
    ProjectFactory(title="Integration in Sofia")

    response = client.get("/en/search/?q=integration galati")

    assert [p.title for p in _group(response, "projects")] == ["Integration in Galați"]


def test_search_groups_results_by_type(client):
    ProjectFactory(title="Harbour project")
    OrganisationFactory(name="Harbour association")
    IntegrationCentreFactory(name="Harbour centre")
    MeetingFactory(title="Harbour meeting")

    text = page_text(client.get("/en/search/?q=harbour"))

    for heading in ("Projects", "Organisations", "Integration centres", "Meetings"):
        assert heading in text
    assert text.index("Harbour project") < text.index("Harbour association")


def test_search_leaves_out_unpublished_rows(client):
    ProjectFactory(title="Lighthouse draft", is_published=False)
    MeetingFactory(title="Lighthouse unpublished", is_published=False)
    MeetingFactory(title="Lighthouse draft meeting", status=MeetingStatus.DRAFT)

    response = client.get("/en/search/?q=lighthouse")

    assert "Lighthouse" not in page_text(response).replace("“lighthouse”", "")


def test_search_finds_closed_centres_after_open_ones(client):
    IntegrationCentreFactory(name="Lighthouse centre", slug="closed", is_active=False)
    IntegrationCentreFactory(name="Lighthouse centre", slug="open")

    response = client.get("/en/search/?q=lighthouse centre")

    assert [centre.slug for centre in _group(response, "centres")] == ["open", "closed"]


def test_search_without_a_query_shows_the_form_only(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert response.context["results"] is None
    assert '<input type="search" name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "%00", "%ZZ", "<script>alert(1)</script>", "' OR 1=1 --"]
)
def test_search_answers_hostile_queries_without_error(client, query):
    ProjectFactory(title="Anything")

    response = client.get(f"/en/search/?q={query}")

    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("n", [2, 50])
def test_search_query_count_does_not_grow_with_matches(client, django_assert_max_num_queries, n):
    for _ in range(n):
        ProjectFactory(title="Common word")
        OrganisationFactory(name="Common word")
        IntegrationCentreFactory(name="Common word")
        MeetingFactory(title="Common word")

    # at most two per group: projects, organisations, centres, meetings, places
    with django_assert_max_num_queries(10):
        response = client.get("/en/search/?q=common")

    assert len(_group(response, "projects")) == min(n, 10)
    assert len(_group(response, "meetings")) == min(n, 10)


def test_search_reads_one_query_per_group_for_a_common_word(client, django_assert_num_queries):
    for index in range(30):
        ProjectFactory(title=f"Project {index}", summary="a common word")
        MeetingFactory(title=f"Meeting {index}", summary="a common word")
        OrganisationFactory(name=f"Organisation {index}", description="a common word")
        IntegrationCentreFactory(name=f"Centre {index}", description="a common word")

    # one per group: projects, organisations, centres, meetings, places; and the quarterly
    # meetings' numbers
    with django_assert_num_queries(6):
        response = client.get("/en/search/?q=common")

    assert len(_group(response, "meetings")) == 10


def _group_of(response, key: str):
    return next(group for group in response.context["results"].groups if group.key == key)


def test_search_puts_a_name_match_before_text_matches_that_come_first_in_order(client):
    for index in range(12):
        MeetingFactory(
            title=f"Meeting {index}",
            slug=f"text-{index}",
            summary="Visit to the lighthouse",
            starts_at=datetime.datetime(2025, 6, 1 + index, 10, tzinfo=datetime.UTC),
        )
    MeetingFactory(
        title="Lighthouse partners meeting",
        slug="named",
        starts_at=datetime.datetime(2020, 1, 1, 10, tzinfo=datetime.UTC),
    )

    group = _group_of(client.get("/en/search/?q=lighthouse"), "meetings")

    # The newest first after the name match, as on the meeting list.
    assert [meeting.slug for meeting in group.results] == [
        "named",
        *(f"text-{index}" for index in range(11, 2, -1)),
    ]
    assert group.has_more


def test_search_says_a_group_has_more_only_when_it_has(client):
    for index in range(11):
        ProjectFactory(title=f"Harbour {index}")
    ProjectFactory(title="Ten of these", summary="Islands")
    for index in range(10):
        OrganisationFactory(name=f"Island {index}")

    harbour = client.get("/en/search/?q=harbour")
    island = client.get("/en/search/?q=island")

    assert len(_group(harbour, "projects")) == 10
    assert _group_of(harbour, "projects").has_more
    assert len(_group(island, "organisations")) == 10
    assert not _group_of(island, "organisations").has_more
    assert "More results in Projects" in page_text(harbour)
    assert "More results in Organisations" not in page_text(island)


def test_search_finds_text_matches_beyond_the_first_rows_in_order(client, monkeypatch):
    # Looked for first among count × WINDOW_FACTOR rows in order: here 11 rows.
    monkeypatch.setattr(search, "WINDOW_FACTOR", 1)
    for index in range(20):
        MeetingFactory(
            title=f"Meeting {index}",
            starts_at=datetime.datetime(2025, 1, 1 + index, 10, tzinfo=datetime.UTC),
        )
    for index in range(3):
        MeetingFactory(
            title=f"Old meeting {index}",
            slug=f"old-{index}",
            summary="At the lighthouse",
            starts_at=datetime.datetime(2019, 1, 1 + index, 10, tzinfo=datetime.UTC),
        )
    MeetingFactory(
        title="Lighthouse day",
        slug="named",
        starts_at=datetime.datetime(2018, 1, 1, 10, tzinfo=datetime.UTC),
    )

    group = _group_of(client.get("/en/search/?q=lighthouse"), "meetings")

    assert [meeting.slug for meeting in group.results] == ["named", "old-2", "old-1", "old-0"]
    assert not group.has_more


def _mixed_projects():
    titles = [
        ("Harbour", ""),
        ("Harbour works", ""),
        ("Harbourside", ""),
        ("Old harbour", ""),
        ("Sharbour", ""),  # inside a word: ranked as a text match
        ("Water", "harbour"),
        ("Ports", "the harbour of Constanța"),
    ]
    for index, (title, summary) in enumerate(titles * 3):
        ProjectFactory(
            title=title,
            summary=summary,
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=37 * index),
        )


@pytest.mark.parametrize("count", [1, 4, 11, 30])
@pytest.mark.parametrize("query", ["harbour", "HARBOUR works", "harbour constanta", "arbo"])
def test_first_best_reads_the_first_rows_of_best_first(count, query):
    _mixed_projects()
    projects = Project.objects.published()

    expected = list(projects.matching(query).best_first(query, "-start_date", "pk")[:count])
    rows = projects.first_best(query, count, "-start_date", "pk")

    assert [row.pk for row in rows] == [row.pk for row in expected]
    assert [row.search_rank for row in rows] == [row.search_rank for row in expected]


@pytest.mark.parametrize("query", ["harbour", "harbour works", "old harbour", "arbo", "water"])
def test_name_grade_grades_as_search_rank_does(query):
    _mixed_projects()

    for project in Project.objects.annotate(search_rank=search_rank(query)):
        phrase = " ".join(search_terms(query))
        assert name_grade(project.search_names, phrase) == project.search_rank, project.title


def test_saving_keeps_the_names_in_their_own_column():
    project = ProjectFactory(title="Harbour", acronym="HBR", summary="Ports")
    project.title_ro = "Portul"
    project.save(update_fields=["title_ro"])
    project.refresh_from_db()

    assert project.search_names == "|harbour|portul|hbr|"
    assert project.search_text.startswith(project.search_names + " ")


def _first_result(response):
    groups = [group for group in response.context["results"].groups if group.results]
    return groups[0].results[0]


AMIF_PROJECTS = {"integrare-plus", "epi", "connection", "integra", "niem"}


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_search_for_amif_lists_the_projects_the_fund_pays_for(client, demo, language):
    response = client.get(f"/{language}/search/?q=AMIF")

    assert {project.slug for project in _group(response, "projects")} == AMIF_PROJECTS
    assert _first_result(response).slug in AMIF_PROJECTS


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_search_for_fami_finds_the_national_programmes_project(client, demo, language):
    response = client.get(f"/{language}/search/?q=fami")

    assert "integrare-plus" in {project.slug for project in _group(response, "projects")}


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("integrare", "integrare-plus"),
        ("INTEGRARE+", "integrare-plus"),
        ("Constanta", "constanta"),
        ("connection", "connection"),
        ("niem", "niem"),
        ("FAMI/15.03.02", "integrare-plus"),
        ("863614", "epi"),
    ],
)
def test_search_puts_the_exact_name_first(client, demo, language, query, first):
    response = client.get(f"/{language}/search/", {"q": query})

    assert _first_result(response).slug == first


def test_search_ranks_exact_then_starting_then_containing_names(client):
    ProjectFactory(title="All about ports", slug="text", summary="Harbour works")
    ProjectFactory(title="Old harbour district", slug="contains")
    ProjectFactory(title="Harbourside living", slug="starts")
    ProjectFactory(title="Water", acronym="HARBOUR", slug="exact")
    ProjectFactory(title="Harbour of Constanța", slug="starts-word")

    response = client.get("/en/search/?q=harbour")

    assert [project.slug for project in _group(response, "projects")] == [
        "exact",
        "starts-word",
        "starts",
        "contains",
        "text",
    ]


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
@pytest.mark.parametrize("query", ["Lodz", "lodz", "ŁÓDŹ", "Łódź"])
def test_search_finds_polish_names_typed_without_their_letters(client, language, query):
    OrganisationFactory(name="Łódź Integration Foundation", slug="lodz")
    OrganisationFactory(name="Fundacja Białystok", slug="bialystok")

    response = client.get(f"/{language}/search/", {"q": query})

    assert _first_result(response).slug == "lodz"
    assert [o.slug for o in _group(response, "organisations")] == ["lodz"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Bialystok", "Fundacja Białystok"),
        ("wroclaw", "Wrocław Migrant Info Point"),
        ("Dakovo", "Udruga Đakovo"),
        ("orsted", "Ørsted Kommune"),
        ("strasse", "Hilfe an der Straße"),
    ],
)
def test_search_finds_letters_the_accents_fold_missed(client, query, name):
    OrganisationFactory(name=name, slug="found")
    OrganisationFactory(name="Somewhere else", slug="other")

    response = client.get("/en/search/", {"q": query})

    assert [o.slug for o in _group(response, "organisations")] == ["found"]


def test_search_finds_cyrillic_by_cyrillic_but_not_by_its_transliteration(client):
    OrganisationFactory(
        name="Сдружение Пловдив",
        name_ro="Сдружение Пловдив",
        name_bg="Сдружение Пловдив",
        slug="plovdiv",
    )

    cyrillic = client.get("/bg/search/", {"q": "пловдив"})
    latin = client.get("/bg/search/", {"q": "Plovdiv"})

    assert [o.slug for o in _group(cyrillic, "organisations")] == ["plovdiv"]
    assert _group(latin, "organisations") == []


def test_search_finds_a_project_by_its_programme(client):
    from projects.models import FundingProgramme

    programme = FundingProgramme.objects.create(
        name="Harbour cities programme", slug="harbour-cities", fund="esf_plus"
    )
    ProjectFactory(title="Quay", slug="quay", programme=programme)

    by_programme = client.get("/en/search/", {"q": "harbour cities"})
    by_fund = client.get("/en/search/", {"q": "social fund plus"})

    assert [p.slug for p in _group(by_programme, "projects")] == ["quay"]
    assert [p.slug for p in _group(by_fund, "projects")] == ["quay"]


def test_renaming_a_programme_refreshes_its_projects_search_text(client):
    project = ProjectFactory(title="Quay", slug="quay")
    programme = project.programme
    programme.name = "Lighthouse fund"
    programme.save()

    response = client.get("/en/search/", {"q": "lighthouse"})

    assert [p.slug for p in _group(response, "projects")] == ["quay"]
