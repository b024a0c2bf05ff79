"""1003 → 1004: HTTP caching with plone.app.caching and our rulesets.

plone.app.caching's profile is applied where it was not (caching stays off,
as on a new site); where it was, an admin may have tuned it, so nothing of
it is imported again. Of our ``registry/caching.xml`` only what is missing
is added: the settings of our rulesets, their operations, and our types in
the purged types; an admin's choices are kept.
"""

from lxml import etree
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.GenericSetup.tool import UNKNOWN
from zope.component import getUtility

import importlib.resources
import logging


CACHING_PROFILE = "plone.app.caching:default"
OUR_SETTINGS = importlib.resources.files("osor.collection") / "profiles" / "default" / "registry" / "caching.xml"


def install_caching(setup_tool):
    if setup_tool.getLastVersionForProfile(CACHING_PROFILE) == UNKNOWN:
        setup_tool.runAllImportStepsFromProfile(f"profile-{CACHING_PROFILE}")
    add_missing_settings(getUtility(IRegistry), OUR_SETTINGS.read_bytes())


def add_missing_settings(registry, document: bytes) -> None:
    """Import the records of ``document`` that ``registry`` lacks, and the
    elements of its ``purge="False"`` values that are missing there."""
    root = etree.fromstring(document)
    for record in list(root.iterfind("record")):
        name = record.get("name")
        value = record.find("value")
        if name not in registry.records:
            continue
        if value is None or value.get("purge", "").lower() != "false":
            root.remove(record)
            continue
        current = registry[name] or {}
        for element in list(value):
            key = element.get("key")
            if (element.text if key is None else key) in current:
                value.remove(element)
    RegistryImporter(registry, _Environment()).importDocument(etree.tostring(root))


class _Environment:
    """The logger the registry importer asks its GenericSetup context for."""

    def getLogger(self, name):
        return logging.getLogger(f"osor.collection.upgrades.{name}")

    def shouldPurge(self):
        return False
