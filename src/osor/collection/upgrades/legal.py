"""Upgrade existing sites to the legal coaching service (issue #18).

The legal request workflow keeps its id and its states ``submitted``,
``answered`` and ``closed`` (it gains ``in_review`` and ``declined``), so
existing requests stay in their state; what changes is who may see them:
only their requester, the legal experts and site administrators, with the
collection's local roles no longer acquired (``LegalRequest`` blocks them).
The new Legal FAQ type and its add permission are added alone: the other
types keep their behaviors, the other permissions their roles.
"""

from osor.collection.install import roles
from osor.collection.install.actions import add_missing_actions
from osor.collection.install.rolemap import grant_as_in_profile
from osor.collection.install.types import add_type_from_profile
from osor.collection.legal.experts import ensure_experts_group
from osor.collection.permissions import ADD_LEGAL_FAQ_ENTRY
from plone import api

import logging


logger = logging.getLogger(__name__)

PROFILE = "profile-osor.collection:default"
STEPS = ("workflow",)
FAQ_TYPE = "legal_faq_entry"


def upgrade_to_legal_service(context=None):
    """Add the role, the FAQ type, the new workflow and the actions,
    create the ``Legal experts`` group, and remap every legal request.

    Idempotent: each step sets a state from the profile; the type and the
    group are only created when missing.
    """
    grant_as_in_profile(ADD_LEGAL_FAQ_ENTRY)  # and the Legal Expert role
    # Before the workflow step, which binds the type to its workflow.
    if add_type_from_profile(FAQ_TYPE):
        logger.info("Added the %s type.", FAQ_TYPE)
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    add_missing_actions()
    roles.register_roles()
    ensure_experts_group()
    workflow = api.portal.get_tool("portal_workflow")
    definition = workflow["osor_legal_request_workflow"]
    catalog = api.portal.get_tool("portal_catalog")
    remapped = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="legal_request"):
        request = brain._unrestrictedGetObject()
        definition.updateRoleMappingsFor(request)
        request.reindexObjectSecurity()
        remapped += 1
    logger.info("Remapped %s legal requests to the legal coaching workflow.", remapped)
