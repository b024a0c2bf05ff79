"""Existing sites get the "Import from publiccode.yml" tab of collections (#19).

The tab is an action of ``profiles/default/actions.xml``; the form, the REST
endpoint and the import reports need nothing else in the profile.
"""

from plone import api


PROFILE = "profile-osor.collection:default"


def add_publiccode_import_action(context=None):
    """Re-import the actions of our profile (idempotent: the actions tool
    takes the profile's actions as they are, adding the missing ones)."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
