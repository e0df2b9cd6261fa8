import io
import re

import pytest
from django.core.management import CommandError, call_command

from core.search import search_columns
from meetings.models import ActionItem, AgendaItem, Attendance, Meeting
from partners.models import IntegrationCentre, Organisation, Region
from projects.models import Participation, Project

pytestmark = pytest.mark.django_db

SCALE = 0.002
# The network at scale 1, as `generate_synthetic --scale 1` promises it.
AT_SCALE_ONE = {
    Organisation: 3_000,
    Project: 5_000,
    Participation: 20_000,
    IntegrationCentre: 1_000,
    Meeting: 40_000,
    Attendance: 400_000,
    AgendaItem: 120_000,
    ActionItem: 60_000,
}
ROMANIAN_LETTERS = re.compile("[ăâîșțĂÂÎȘȚ]")
CYRILLIC = re.compile("[\u0400-\u04ff]")


@pytest.fixture
def output():
    out = io.StringIO()
    call_command("generate_synthetic", "--scale", str(SCALE), stdout=out)
    return out.getvalue()


def test_every_count_is_the_national_count_times_the_scale(output):
    for model, at_one in AT_SCALE_ONE.items():
        assert model.objects.count() == round(at_one * SCALE), model.__name__
    assert Region.objects.filter(parent=None).count() == 1
    assert Region.objects.filter(parent__isnull=False).exists()


def test_progress_is_reported_step_by_step(output):
    assert "meetings: 80 rows in" in output
    assert "attendance: 800 rows in" in output
    assert "Synthetic data written in" in output


def test_texts_come_in_romanian_with_diacritics_and_in_bulgarian_cyrillic(output):
    meetings = list(Meeting.objects.values_list("title_en", "title_ro", "title_bg", "summary_ro"))

    assert all(en and ro and bg for en, ro, bg, _summary in meetings)
    assert any(ROMANIAN_LETTERS.search(ro + summary) for _en, ro, _bg, summary in meetings)
    assert all(CYRILLIC.search(bg) for _en, _ro, bg, _summary in meetings)
    assert CYRILLIC.search(Project.objects.first().title_bg)


def test_synthetic_rows_are_found_by_the_search_without_diacritics(output):
    assert Meeting.objects.matching("constanta").exists()
    assert Meeting.objects.matching("констанца").exists()


def test_synthetic_rows_keep_the_names_the_search_ranks_by(output):
    for model in (Meeting, Project, Organisation):
        for row in model.objects.order_by("pk")[:5]:
            assert row.search_names == search_columns(row.search_parts())["search_names"]
            assert row.search_names != "|"


def test_a_second_run_into_the_same_database_is_refused(output):
    with pytest.raises(CommandError, match="already present"):
        call_command("generate_synthetic", "--scale", str(SCALE), stdout=io.StringIO())
