"""What the page templates receive, as typed dictionaries.

Templates read plain mappings (``card/title``, ``fact/terms``); these types
say which keys each one has, so that a view and its template cannot drift
apart unnoticed (a type checker and the reader both see them).
"""

from typing import TypedDict


class Link(TypedDict, total=False):
    """A text, with the address it leads to when it has one."""

    text: str
    url: str


class Fact(TypedDict):
    """A labelled fact of a page ("Licence: EUPL-1.2, MIT")."""

    label: str
    terms: list[Link]


class Image(TypedDict):
    src: str
    width: int | None
    height: int | None


class Card(TypedDict):
    """An item in a listing, in the visitor's language or marked as a fallback."""

    url: str
    title: str
    description: str
    image: Image | None
    facts: list[str]
    featured: bool
    language: str
    fallback: bool
    fallback_language: str


class HomepageSection(TypedDict):
    """One type's section of a collection's homepage."""

    portal_type: str
    id: str
    title: str
    count: int
    cards: list[Card]
    see_all_url: str


class NavigationSection(TypedDict):
    """One entry of a collection's section navigation."""

    portal_type: str
    title: str
    count: int
    url: str


class CountryGroup(TypedDict):
    """Competence centres of one country."""

    code: str
    country: str
    centres: list[Card]
