"""Upgrade an existing site to the visitor infrastructure of issue #16:
the collection's "Waiting for review" tab and "Skip to content" first in
the header.

Feeds need no data (CollectionFeedSettings switches syndication on for
every collection), nor do the accessibility stylesheet and script (a
viewlet of the browser layer). The front page of the site and of its
language roots is the site's choice: an upgrade never changes it (the demo
makes its collection the landing page when it builds the demo site).
Idempotent: running it twice changes nothing more.
"""

from osor.collection import logger
from osor.collection.install.actions import add_missing_actions
from plone import api


PROFILE = "profile-osor.collection:default"


def upgrade(context=None) -> None:
    """Add the missing actions, and import the viewlet order of the default profile."""
    add_missing_actions()
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "viewlets", run_dependencies=False)
    logger.info("osor.collection: visitor infrastructure upgraded")
