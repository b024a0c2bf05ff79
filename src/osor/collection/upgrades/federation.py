"""Upgrade existing sites for the federation import (issue #19 §5).

Software solutions gain the ``osor.provenance`` behavior (where a harvested
solution came from). Only the behavior is added to the existing type
information: re-importing ``typeinfo`` would undo what a site administrator
changed on our types since. Collections gain the "Import from another
catalogue (RDF)" tab (``profiles/default/actions.xml``).
"""

from osor.collection.install.types import add_behavior
from plone import api

import logging


logger = logging.getLogger(__name__)

PROFILE = "profile-osor.collection:default"
BEHAVIOR = "osor.provenance"
PORTAL_TYPE = "software_solution"


def add_provenance_behavior(context=None) -> None:
    """Add the provenance behavior to the software solution type.

    Idempotent: a type that already has it is left as it is.
    """
    if add_behavior(PORTAL_TYPE, BEHAVIOR):
        logger.info("Added the %s behavior to %s.", BEHAVIOR, PORTAL_TYPE)


def upgrade(context=None) -> None:
    """The provenance behavior, and the import tab of collections.

    Idempotent: the actions step takes the profile's actions as they are.
    """
    add_provenance_behavior()
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
