"""Upgrade 1005 → 1006: Legal FAQ entries get their id from their title.

Without ``plone.namefromtitle`` the type's name chooser named every entry
after the type (``/legal_faq_entry``, ``/legal_faq_entry-1``…), addresses
that tell a reader or a search engine nothing. Entries published from now on
are named after their title; the entries a site already has keep their
address, which readers may have bookmarked or linked to.
"""

from osor.collection.install.types import add_behavior
from osor.collection.legal.faq import FAQ_TYPE

import logging


logger = logging.getLogger(__name__)

BEHAVIOR = "plone.namefromtitle"


def name_new_entries_from_their_titles(context=None) -> None:
    """Idempotent: a type that already has the behavior is left as it is."""
    if add_behavior(FAQ_TYPE, BEHAVIOR):
        logger.info("Added the %s behavior to %s.", BEHAVIOR, FAQ_TYPE)
