"""A facet with many values shows its top values and a "more" disclosure
with the rest (#27 §3); a selected value is never hidden behind "more"."""

from osor.collection.browser.faceted_search import split_top_values
from osor.collection.browser.faceted_search import TOP_VALUES


def options(count: int, selected=()) -> list[dict]:
    """``count`` options in the facet's order (most results first)."""
    return [{"token": f"v{number}", "selected": number in selected} for number in range(count)]


def tokens(values: list[dict]) -> list[str]:
    return [value["token"] for value in values]


def test_a_facet_with_many_values_shows_the_first_ones_and_hides_the_rest():
    shown, more = split_top_values(options(12))
    assert tokens(shown) == [f"v{number}" for number in range(TOP_VALUES)]
    assert tokens(more) == [f"v{number}" for number in range(TOP_VALUES, 12)]


def test_a_selected_value_beyond_the_top_is_shown_in_its_place():
    shown, more = split_top_values(options(12, selected={9}))
    assert tokens(shown) == [*(f"v{number}" for number in range(TOP_VALUES)), "v9"]
    assert "v9" not in tokens(more)
    assert len(shown) + len(more) == 12


def test_more_never_hides_a_single_value():
    shown, more = split_top_values(options(TOP_VALUES + 1))
    assert len(shown) == TOP_VALUES + 1
    assert more == []
    shown, more = split_top_values(options(TOP_VALUES + 2))
    assert len(more) == 2
