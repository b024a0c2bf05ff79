"""Upgrade: one community across the translations of a collection.

Before, each translation of a collection was a community of its own, with
its own groups, pending requests and a copy of the settings taken once.
"""

from osor.collection import _
from osor.collection import logger
from osor.collection.membership.translations import unite_all
from Products.statusmessages.interfaces import IStatusMessage
from zope.globalrequest import getRequest


def unite_translated_collections(context=None) -> None:
    """Merge the groups and pending requests of every translated collection
    into its canonical collection's (the oldest of its translation group), give
    every translation the canonical's groups as local roles, and each setting
    its strictest value among the translations (a merge never loosens a
    policy; each change is logged as a warning: which collection, which
    setting, from what to what).

    Idempotent: a second run changes nothing. A user who was a member of
    several translations keeps the most trusted of their roles.
    """
    made_stricter = []
    changed = unite_all(made_stricter)
    logger.info("One community across translations: %d collections changed", changed)
    if made_stricter:
        _tell_the_administrator(made_stricter)


def _tell_the_administrator(paths: list[str]) -> None:
    """Say on the page that follows the upgrade (Site Setup -> Add-ons)
    which collections' settings changed; the log says from what to what."""
    logger.warning("Participation settings made stricter: %s", ", ".join(paths))
    request = getRequest()
    if request is None:
        return
    IStatusMessage(request).add(
        _(
            "msg_settings_made_stricter",
            default="The participation settings of ${collections} became those of the strictest of "
            "their translations (closed, moderated, the narrowest content creation). "
            "Check them on each collection's edit form; the log says what changed.",
            mapping={"collections": ", ".join(paths)},
        ),
        type="warning",
    )
