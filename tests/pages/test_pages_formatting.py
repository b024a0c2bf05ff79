"""Values formatted for the visitor's language (osor.collection.pages.formatting)."""

from datetime import datetime
from osor.collection.pages import europe_map
from osor.collection.pages import formatting

import pytest
import pytz


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "French"),
        ("fr", "français"),
        ("de", "Französisch"),
        ("nl", "Frans"),
        ("pl", "francuski"),
        ("pt", "francês"),
    ],
)
def test_language_names_in_every_supported_language(language, expected):
    assert formatting.language_name("fr", language) == expected


@pytest.mark.parametrize(
    "language, expected",
    [("en", "Germany"), ("fr", "Allemagne"), ("nl", "Duitsland"), ("pl", "Niemcy"), ("pt", "Alemanha")],
)
def test_country_names_in_every_supported_language(language, expected):
    assert formatting.country_name("DE", language) == expected


@pytest.mark.parametrize(
    "size, language, expected",
    [
        (512, "en", "512 byte"),
        (1_234_567, "en", "1.2 MB"),
        (1_234_567, "fr", "1,2\u202fMo"),
        (3_000_000_000, "de", "3\xa0GB"),
    ],
)
def test_file_sizes_in_human_units(size, language, expected):
    assert formatting.file_size(size, language) == expected


def test_numbers_use_the_visitors_separators():
    assert formatting.number(12345, "en") == "12,345"
    assert formatting.number(12345, "fr") == "12\u202f345"


def test_event_time_in_the_events_time_zone_and_visitors_language():
    brussels = pytz.timezone("Europe/Brussels")
    start = brussels.localize(datetime(2030, 4, 15, 10, 0))
    end = brussels.localize(datetime(2030, 4, 15, 11, 30))
    english = formatting.event_when(start, end, language="en")
    assert english["day"] == "Monday, April 15, 2030"
    assert "10:00" in english["time"] and "11:30" in english["time"]
    french = formatting.event_when(start, end, language="fr")
    assert french["day"] == "lundi 15 avril 2030"
    assert french["time"] == "10:00 – 11:30"


def test_map_places_rome_inside_the_drawn_area():
    x, y = europe_map.project(41.9, 12.5)
    _x0, _y0, width, height = map(float, europe_map.view_box().split())
    assert 0 < x < width and 0 < y < height
    assert europe_map.outlines()["source"].startswith("Natural Earth")
    assert "Italy" in europe_map.outlines()["paths"]
    assert not europe_map.is_drawable(-33.9, 151.2)
