"""Types Plone's ``@@search`` never offers (``plone.types_not_searched``).

The language root folders (``LRF``) and language-independent folders
(``LIF``) of plone.app.multilingual are the site's structure, not content a
visitor searches for. (Legal requests stay searchable: only their requester
and the legal experts may see them, and the requester finds hers there.)

The record accepts only types the site has (its values are checked against
the portal types), and plone.app.multilingual may be installed after us
(the "osor" distribution does so): so the types are added by code, at
install, by the upgrade step, and again whenever a profile is imported
while we are installed, not by the profile's registry.xml.
"""

from plone import api
from plone.base.utils import get_installer


RECORD = "plone.types_not_searched"
INTERNAL_TYPES = ("LRF", "LIF")


def hide_internal_types_from_search() -> tuple[str, ...]:
    """Add the internal types the site has and the record misses; return them."""
    existing = set(api.portal.get_tool("portal_types").objectIds())
    hidden = tuple(api.portal.get_registry_record(RECORD) or ())
    missing = tuple(name for name in INTERNAL_TYPES if name in existing and name not in hidden)
    if missing:
        api.portal.set_registry_record(RECORD, hidden + missing)
    return missing


def hide_types_of_imported_profile(event) -> None:
    """Subscriber: a profile imported after ours (plone.app.multilingual's)
    may bring internal types; hide them if we are installed."""
    if not event.full_import or event.profile_id is None or "osor.collection" in event.profile_id:
        return
    if get_installer(api.portal.get()).is_product_installed("osor.collection"):
        hide_internal_types_from_search()
