"""Existing sites get the "Import from publiccode.yml" tab of collections (#19).

The tab is an action of ``profiles/default/actions.xml``; the form, the REST
endpoint and the import reports need nothing else in the profile.
"""

from osor.collection.install.actions import add_missing_actions


def add_publiccode_import_action(context=None):
    """Add the actions of our profile the site lacks (idempotent; actions
    a site administrator changed are left as they are)."""
    add_missing_actions()
