"""Multilingual sites for the tests: plone.app.multilingual in English and
French.

A pytest plugin (``conftest.py``): ``multilingual`` (the site, its language
roots set up) and ``bilingual`` (the English collection "osor", translated
into French) are there for every test; ``TRANSLATABLE`` (our types a
translator may translate) is imported by name.
"""

from osor.collection.demo.multilingual import setup_multilingual_site
from plone import api
from plone.app.multilingual import api as pam_api
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from zope.interface import alsoProvides

import pytest


TRANSLATABLE = [
    "community_collection",
    "software_solution",
    "case_study",
    "community_event",
    "competence_centre",
    "community_news",
    "publication",
]


@pytest.fixture
def multilingual(manager):
    """The test site with plone.app.multilingual in English and French."""
    return setup_multilingual_site(manager, languages=("en", "fr"))


@pytest.fixture
def bilingual(manager):
    """The English collection "osor" and its French translation."""
    roots = setup_multilingual_site(manager, languages=("en", "fr"))
    alsoProvides(manager.REQUEST, IPloneAppMultilingualInstalled)
    english = api.content.create(container=roots["en"], type="community_collection", id="osor", title="OSOR")
    pam_api.translate(english, "fr")
    return english
