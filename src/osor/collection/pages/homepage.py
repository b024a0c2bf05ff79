"""The sections of a collection's homepage, from the catalog.

Per type: the count and the cards, featured items first, then the newest;
upcoming events; the latest news; competence centres grouped by country.
Every listing is in the visitor's language with the default language as
fallback (``translations.prefer_language``) and never wakes objects.
"""

from . import cards
from . import formatting
from . import translations
from DateTime import DateTime
from osor.collection.discovery import record_ids
from osor.collection.pages.shapes import Card
from osor.collection.pages.shapes import CountryGroup
from osor.collection.pages.shapes import HomepageSection
from plone import api
from plone.uuid.interfaces import IUUID

import heapq


SECTION_TYPES = (
    "software_solution",
    "case_study",
    "community_event",
    "community_news",
    "publication",
    "competence_centre",
)
CARDS_PER_SECTION = 6


def collection_uids(collection) -> list[str]:
    """The UIDs of the collection and its translations: content stays in the
    collection of its own language (an English item is in the English one)."""
    found = {IUUID(collection)}
    found.update(IUUID(each) for each in translations.all_translations(collection).values())
    return sorted(found)


def entries(collection, language: str, **query) -> list[dict]:
    """Items of ``collection`` (in any of its languages) matching ``query``,
    one per translation group."""
    found = api.content.find(osor_collection=collection_uids(collection), **query)
    return translations.prefer_language(found, language)


def section(collection, portal_type: str, language: str, search_url) -> HomepageSection:
    """One type's section: title, count, cards (featured first) and a "see all" link.

    Counted and chosen on the catalog's record ids (as the faceted search
    counts), so that only the cards shown become brains: the section costs
    the same whether the collection holds ten items or ten thousand.
    """
    catalog = api.portal.get_tool("portal_catalog")
    found = record_ids.as_set(
        record_ids.visible_record_ids(
            catalog, {"osor_collection": collection_uids(collection), "portal_type": portal_type}
        )
    )
    shown = record_ids.one_per_translation(catalog, found, [language, translations.default_language(), ""])
    modified = catalog._catalog.getIndex("modified")._unindex

    def newest_first(records) -> list[int]:
        return sorted(records, key=lambda record: modified.get(record, 0), reverse=True)

    featured = record_ids.intersect(shown, record_ids.index_query_ids(catalog, "osor_featured", True))
    chosen = newest_first(featured)[:CARDS_PER_SECTION]
    if len(chosen) < CARDS_PER_SECTION:
        others = (record for record in shown if record not in featured)
        chosen += heapq.nlargest(CARDS_PER_SECTION - len(chosen), others, key=lambda record: modified.get(record, 0))
    entries_shown = [translations.entry(catalog._catalog[record], language) for record in chosen]
    return {
        "portal_type": portal_type,
        "id": f"osor-section-{portal_type}",
        "title": cards.TYPE_TITLES[portal_type],
        "count": len(shown),
        "cards": [cards.card(entry) for entry in entries_shown],
        "see_all_url": search_url(portal_type=portal_type, osor_collection=collection_uids(collection)),
    }


def sections(collection, language: str, search_url) -> list[HomepageSection]:
    return [
        found for found in (section(collection, kind, language, search_url) for kind in SECTION_TYPES) if found["count"]
    ]


def upcoming_events(collection, language: str, limit: int = 3) -> list[Card]:
    found = entries(
        collection,
        language,
        portal_type="community_event",
        end={"query": DateTime(), "range": "min"},
        sort_on="start",
    )
    return [cards.card(entry) for entry in found[:limit]]


def latest_news(collection, language: str, limit: int = 3) -> list[Card]:
    found = entries(collection, language, portal_type="community_news", sort_on="effective", sort_order="reverse")
    return [cards.card(entry) for entry in found[:limit]]


def competence_centres_by_country(collection, language: str) -> list[CountryGroup]:
    """``[{"country", "centres": [card]}]``, countries by name in the visitor's language."""
    groups: dict[str, list] = {}
    centres = entries(collection, language, portal_type="competence_centre", sort_on="sortable_title")
    for entry in centres:
        codes = getattr(entry["brain"], "osor_countries", None) or [""]
        groups.setdefault(codes[0], []).append(cards.card(entry))
    named = [
        {"code": code, "country": formatting.country_name(code, language), "centres": centres}
        for code, centres in groups.items()
    ]
    return sorted(named, key=lambda group: formatting.sort_key(group["country"]))
