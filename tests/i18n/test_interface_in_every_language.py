"""A crawl of the demo's pages in each of the 24 EU languages (issue #30).

The demo has three content languages (en, fr, de); every other EU language
is an interface language (browser/interface_language.py). Each page is read
as a visitor of that language reads it (``?set_language=``, on the page of
her content language where the site has one, else on the English page) and
must carry none of our English interface texts: the English of a message of
the ``osor.collection`` catalogue that the language's catalogue says
differently. Text marked with another ``lang`` (content shown as a
fallback, the item's own title and body) is left out: it is not interface.
"""

from babel import Locale
from browser_fixtures import DEMO_PASSWORD
from browser_fixtures import FACILITATOR
from browser_fixtures import MEMBER
from interface_texts import as_words
from interface_texts import english_interface_texts
from lxml import html
from osor.collection.vocabularies.language import EU_LANGUAGES

import pytest
import requests


CONTENT_LANGUAGES = ("en", "fr", "de")

# (user, path from the site) of a page of each kind: the homepage,
# each type's page, the search, the forms, the review list, the legal pages.
PAGES = (
    (None, "/en"),
    (None, "/en/osor"),
    (None, "/en/osor/decidim"),
    (None, "/en/osor/@@faceted-search?SearchableText=open+source"),
    (None, "/en/osor/@@about"),
    (None, "/en/osor/@@members"),
    (None, "/en/@@licences"),
    (None, "/en/@@licence?id=EUPL-1.2"),
    (None, "/en/@@licence-compatibility?inbound=MIT&outbound=EUPL-1.2"),
    (MEMBER, "/en/osor/decidim/@@report"),
    (MEMBER, "/@@my-subscriptions"),
    (FACILITATOR, "/en/osor/@@review"),
)
# The pages of one item of each of our types, found in the demo's catalogue.
TYPES = (
    "case_study",
    "community_event",
    "community_news",
    "competence_centre",
    "solution_distribution",
    "legal_faq_entry",
    "publication",
    "solution_release",
)

ATTRIBUTES = ("alt", "title", "placeholder", "aria-label", "value")
DROPPED = ("script", "style", "noscript", "template", "svg")


def interface_text(page: bytes, lang: str) -> str:
    """The text a visitor reads on ``page`` as interface text in ``lang``."""
    tree = html.fromstring(page)
    dropped = tree.xpath("//head/*[not(self::title)]") + tree.xpath(" | ".join(f"//{name}" for name in DROPPED))
    dropped += [element for element in tree.xpath("//*[@lang]") if element.get("lang").split("-")[0].lower() != lang]
    for element in dropped:
        if element.getparent() is not None and all(ancestor not in dropped for ancestor in element.iterancestors()):
            element.drop_tree()
    attributes = [value for name in ATTRIBUTES for value in tree.xpath(f"//@{name}")]
    return " ".join(" ".join([tree.text_content(), *attributes]).split())


def read(url: str, user: str | None) -> bytes:
    response = requests.get(url, auth=(user, DEMO_PASSWORD) if user else None, timeout=120)
    assert response.status_code == 200, f"{url} as {user}: {response.status_code}"
    return response.content


@pytest.fixture
def pages(demo_site):
    """(user, path from the site) of every page the crawl reads: English
    pages, the content of the demo's original language."""
    from plone import api
    from zope.component.hooks import setSite

    portal = demo_site["app"]["Plone"]
    setSite(portal)
    site = "/".join(portal.getPhysicalPath())
    found = list(PAGES)
    for portal_type in TYPES:
        query = {"portal_type": portal_type, "sort_on": "path", "unrestricted": True}
        brains = api.content.find(path=f"{site}/en", **query) or api.content.find(path=site, **query)
        assert brains, f"the demo has no {portal_type}"
        found.append((None, brains[0].getPath()[len(site) :]))
    return found


@pytest.mark.parametrize("lang", [lang for lang in EU_LANGUAGES if lang != "en"])
def test_no_english_interface_text(lang, pages, site_url):
    english = english_interface_texts(lang)
    if lang in CONTENT_LANGUAGES:
        # Plone shows an English page in English to everyone: a visitor
        # reading French reads the French root's pages.
        pages = [(None, f"/{lang}"), (None, f"/{lang}/@@licences")]
    leftovers = {}
    for user, path in pages:
        separator = "&" if "?" in path else "?"
        url = f"{site_url}{path}{separator}set_language={lang}"
        page = read(url, user)
        tree = html.fromstring(page)
        assert tree.get("lang", "").split("-")[0] == lang, f"{url}: <html lang={tree.get('lang')!r}>"
        text = interface_text(page, lang)
        found = sorted(fragment for fragment in english if fragment in text and as_words(fragment).search(text))
        if found:
            leftovers[url] = found
    assert leftovers == {}, f"English interface text on the {Locale.parse(lang).english_name} pages"


def test_the_crawl_sees_english_interface_text(pages, site_url):
    """The check can fail: on the English pages it finds the English texts
    that the Maltese catalogue translates."""
    english = english_interface_texts("mt")
    for user, path in pages[:4]:
        text = interface_text(read(f"{site_url}{path}", user), "en")
        assert len([fragment for fragment in english if as_words(fragment).search(text)]) >= 3, path
