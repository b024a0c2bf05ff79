"""Upgrade to pending edits: the catalog index of changes waiting for
review, and the published version of content published before.

A member's edit of public content in a moderated collection is held beside
the published version kept in an annotation of the item
(``review/pending_edits.py``). Content published before this feature
has no such annotation: without this step, its next moderated edit would
fall back to the old behaviour (the item goes back to *proposed*, a child
is hidden until approved).
"""

from osor.collection import logger
from osor.collection.interfaces import ICommunityContent
from osor.collection.review import pending_edits
from plone import api


def upgrade(context=None):
    """Register this one (``upgrades/configure.zcml``): both steps below."""
    add_pending_review_index()
    remember_published_versions()


def add_pending_review_index():
    """Add the ``osor_pending_review`` index (profiles/default/catalog.xml) if
    missing. Nothing is pending before the upgrade: no object to index."""
    catalog = api.portal.get_tool("portal_catalog")
    if pending_edits.PENDING_INDEX not in catalog.indexes():
        catalog.addIndex(pending_edits.PENDING_INDEX, "FieldIndex")
        logger.info("Added the catalog index %s", pending_edits.PENDING_INDEX)


def _public_content(item):
    """``item`` and what is inside it, except pending additions and their content."""
    record = pending_edits.pending(item)
    if record and record["kind"] == "addition":
        return
    yield item
    for child in item.objectValues() if hasattr(item, "objectValues") else ():
        yield from _public_content(child)


def remember_published_versions(context=None):
    """Keep the current values of published community content (and of the
    releases, distributions, Files and Images inside it) as its published
    version. Idempotent: content that has one already is left alone, so a
    pending edit is never overwritten."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        object_provides=ICommunityContent.__identifier__,
        review_state=list(pending_edits.PUBLIC_STATES),
    )
    remembered = 0
    for brain in brains:
        for obj in _public_content(brain._unrestrictedGetObject()):
            if not pending_edits.has_published_values(obj):
                pending_edits.remember_published_values(obj)
                remembered += 1
    # Edits held the old way (the item sent back to "proposed") cannot be
    # turned into pending edits: their published values were overwritten.
    # They stay proposed; facilitators approve them as before.
    stranded = [
        brain.getPath()
        for brain in catalog.unrestrictedSearchResults(
            object_provides=ICommunityContent.__identifier__, review_state="proposed"
        )
        if _last_action(brain._unrestrictedGetObject()) == "propose_changes"
    ]
    logger.info("Remembered the published version of %d objects", remembered)
    if stranded:
        logger.info("Edited before the upgrade and still proposed: %s", ", ".join(stranded))
    return remembered


def _last_action(obj):
    history = getattr(obj, "workflow_history", {}).get("osor_community_workflow") or ()
    return history[-1].get("action") if history else None
