"""osor.collection: an Open Source Observatory for Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "osor.collection"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
