"""Long texts of our types are found by Plone's full-text search."""

from plone import api
from plone.app.textfield.value import RichTextValue

import pytest


def rich(text: str) -> RichTextValue:
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


@pytest.mark.parametrize(
    "portal_type,field",
    [
        ("software_solution", "body"),
        ("case_study", "lessons_learned"),
        ("community_news", "text"),
        ("community_event", "text"),
    ],
)
def test_rich_text_is_searchable(collection, portal_type, field):
    item = api.content.create(
        container=collection,
        type=portal_type,
        id="item",
        title="Something",
        **{field: rich("Interoperabilityzebra words inside the body")},
    )
    found = api.content.find(SearchableText="Interoperabilityzebra")
    assert [brain.UID for brain in found] == [item.UID()]


def test_release_notes_are_searchable(release):
    release.release_notes = rich("Quokkafix for the login screen")
    release.reindexObject()
    assert [b.getObject() for b in api.content.find(SearchableText="Quokkafix")] == [release]
