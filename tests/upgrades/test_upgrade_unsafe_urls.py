"""The upgrade step that clears URLs stored before the scheme rule."""

from osor.collection.upgrades.unsafe_urls import clear_unsafe_urls
from plone import api


def test_unsafe_urls_stored_earlier_are_cleared(collection):
    solution = api.content.create(container=collection, type="software_solution", id="s", title="S")
    solution.repository_url = "javascript:alert(1)"
    solution.landing_page = "https://example.org"
    collection.contact_points = [
        {"name": "Evil", "email": None, "url": "javascript:alert(2)"},
        {"name": "Good", "email": None, "url": "https://example.org/contact"},
    ]
    clear_unsafe_urls(None)
    assert solution.repository_url is None
    assert solution.landing_page == "https://example.org"
    assert [point["url"] for point in collection.contact_points] == [None, "https://example.org/contact"]
    clear_unsafe_urls(None)  # idempotent
    assert solution.landing_page == "https://example.org"
