"""Dates, times and amounts written as each language writes them (core/formats)."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from core.formatting import format_money
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("en", "1 January 2020 – 30 June 2022"),
        ("ro", "1 ianuarie 2020 – 30 iunie 2022"),
        ("bg", "1 януари 2020 г. – 30 юни 2022 г."),
    ],
)
def test_project_page_writes_dates_in_its_language(client, demo, language, dates):
    text = page_text(client.get(f"/{language}/projects/epi/"))

    assert dates in text


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("en", "1 January 2020 – 30 June 2022"),
        ("ro", "1 ianuarie 2020 – 30 iunie 2022"),
        ("bg", "1 януари 2020 г. – 30 юни 2022 г."),
    ],
)
def test_project_list_writes_dates_in_its_language(client, demo, language, dates):
    text = page_text(client.get(f"/{language}/projects/"))

    assert dates in text
    assert "01/01/2020" not in text


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Wednesday, 7 December 2016"),
        ("ro", "7 decembrie 2016"),
        ("bg", "7 декември 2016 г."),
    ],
)
def test_meeting_page_writes_month_in_lower_case_and_day_unpadded(client, demo, language, written):
    text = page_text(
        client.get(f"/{language}/meetings/integrare-plus-quarterly-meeting-constanta-2016/")
    )

    assert written in text
    assert "Decembrie" not in text
    assert "Декември" not in text
    assert "07 " not in text


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "7 December 2016, 14:30"),
        ("ro", "7 decembrie 2016, 14:30"),
        ("bg", "7 декември 2016 г., 14:30"),
    ],
)
def test_date_and_time_use_24_hours(language, written):
    moment = datetime.datetime(2016, 12, 7, 14, 30)

    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == written
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == written
        assert date_format(moment.time(), "TIME_FORMAT") == "14:30"


@pytest.mark.parametrize(
    ("language", "month"),
    [("en", "December"), ("ro", "decembrie"), ("bg", "декември")],
)
def test_genitive_month_names_are_lower_case_too(language, month):
    with translation.override(language):
        assert date_format(datetime.date(2016, 12, 7), "j E Y").startswith(f"7 {month}")


@pytest.mark.parametrize(
    ("language", "currency", "written"),
    [
        ("en", "RON", "RON 1,332,240.00"),
        ("ro", "RON", "1.332.240,00 lei"),
        ("bg", "BGN", "1\xa0332\xa0240,00 лв."),
    ],
)
def test_money_groups_thousands_as_the_language_does(language, currency, written):
    with translation.override(language):
        assert format_money(1332240, currency) == written
