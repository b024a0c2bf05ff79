"""Upgrade: the ``osor_*`` indexes become plone.app.querystring criteria (#17).

The criteria are the records of ``profiles/default/registry/discovery.xml``.
Only that file is imported: re-running the whole registry step would reset
settings a site administrator may have changed since (e.g. comments).
"""

from osor.collection import logger
from pathlib import Path
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import logging


CRITERIA_FILE = Path(__file__).parent.parent / "profiles" / "default" / "registry" / "discovery.xml"


class _Environment:
    """What RegistryImporter asks of a GenericSetup import context."""

    def getLogger(self, name):
        return logging.getLogger(name)

    def shouldPurge(self) -> bool:
        return False


def add_querystring_criteria(context=None) -> None:
    """Register (or update) the querystring criteria of our indexes.

    Idempotent: importing the same records again changes nothing.
    """
    importer = RegistryImporter(getUtility(IRegistry), _Environment())
    importer.importDocument(CRITERIA_FILE.read_bytes())
    logger.info("Querystring criteria for the osor_* indexes registered")
