"""Upgrade: one community across the translations of a collection.

Before, each translation of a collection was a community of its own, with
its own groups, pending requests and a copy of the settings taken once.
"""

from osor.collection import logger
from osor.collection.membership.translations import unite_all


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
    changed = unite_all()
    logger.info("One community across translations: %d collections changed", changed)
