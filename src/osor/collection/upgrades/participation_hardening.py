"""Upgrade existing sites to the hardened participation model (issue #15, #20).

The workflows changed (no site-wide Reviewer in collections, no Freeze in
the state menu, unarchiving, deletion requests of collections, facilitators
delete content by the community workflow's own map), collections no longer
give their creator Plone's Owner role, and comments in collections follow
their item's visibility in the catalog.
"""

from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import remove_local_owner_role
from plone import api

import logging


logger = logging.getLogger(__name__)

PROFILE = "profile-osor.collection:default"


def harden_participation(context=None):
    """Reimport the workflows, update role mappings, re-apply every collection's
    settings and reindex the security of comments in collections.

    Idempotent: each part sets a state from the profile and the settings.
    """
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "workflow", run_dependencies=False)
    workflow = api.portal.get_tool("portal_workflow")
    changed = workflow.updateRoleMappings()
    logger.info("Updated the role mappings of %s objects.", changed)

    catalog = api.portal.get_tool("portal_catalog")
    collections = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="community_collection")
    ]
    for collection in collections:
        remove_local_owner_role(collection)
        apply_participation_settings(collection)
        path = "/".join(collection.getPhysicalPath())
        for brain in catalog.unrestrictedSearchResults(path=path, portal_type="Discussion Item"):
            brain._unrestrictedGetObject().reindexObject(idxs=["allowedRolesAndUsers"])
    logger.info("Re-applied the participation settings of %s collections.", len(collections))
