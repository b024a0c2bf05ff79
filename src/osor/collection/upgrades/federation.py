"""Upgrade existing sites for the federation import (issue #19 §5).

Software solutions gain the ``osor.provenance`` behavior (where a harvested
solution came from). Only the behavior is added to the existing type
information: re-importing ``typeinfo`` would undo what a site administrator
changed on our types since. Collections gain the "Import from another
catalogue (RDF)" tab (``profiles/default/actions.xml``).
"""

from osor.collection.install.actions import add_missing_actions
from osor.collection.install.types import add_behavior

import logging


logger = logging.getLogger(__name__)

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

    Idempotent: only the actions the site lacks are added.
    """
    add_provenance_behavior()
    add_missing_actions()
