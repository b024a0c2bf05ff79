"""The actions of ``profiles/default/actions.xml`` a site lacks, for upgrades.

Re-importing the ``actions`` step sets every one of our actions as the
profile declares it, undoing what a site administrator changed since (a tab
hidden, renamed or given another permission). An upgrade that brings new
tabs adds the actions the site does not have, and leaves the others alone.
"""

from lxml import etree
from pathlib import Path
from plone import api
from Products.GenericSetup.context import DirectoryImportContext
from Products.GenericSetup.interfaces import IBody
from zope.component import getMultiAdapter


PROFILE_DIRECTORY = Path(__file__).parent.parent / "profiles" / "default"


def add_missing_actions() -> list[str]:
    """Add the profile's actions missing on the site, as the profile
    declares them; return their "category/id". Idempotent."""
    tool = api.portal.get_tool("portal_actions")
    root = etree.parse(str(PROFILE_DIRECTORY / "actions.xml")).getroot()
    added = []
    for category in root.iterfind("object"):
        present = tool.get(category.get("name"))
        for action in list(category.iterfind("object")):
            if present is not None and action.get("name") in present.objectIds():
                category.remove(action)
            else:
                added.append(f"{category.get('name')}/{action.get('name')}")
    if added:
        environment = DirectoryImportContext(api.portal.get_tool("portal_setup"), str(PROFILE_DIRECTORY))
        importer = getMultiAdapter((tool, environment), IBody)
        importer.body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    return added
