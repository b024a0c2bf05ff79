"""Upgrade an existing site to the visitor infrastructure of issue #16:
the collection's "Waiting for review" tab, "Skip to content" first in the
header, and, on the demo site, the collection as each language root's
landing page.

Feeds need no data (CollectionFeedSettings switches syndication on for
every collection), nor do the accessibility stylesheet and script (a
viewlet of the browser layer). Idempotent: running it twice changes
nothing more.
"""

from osor.collection import logger
from osor.collection.demo.landing import show_the_collection_on_language_roots
from plone import api


PROFILE = "profile-osor.collection:default"


def upgrade(context=None) -> None:
    """Import the actions and viewlet order of the default profile; make the
    collection the landing page of language roots that show nothing else."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "viewlets", run_dependencies=False)
    show_the_collection_on_language_roots(api.portal.get())
    logger.info("osor.collection: visitor infrastructure upgraded")
