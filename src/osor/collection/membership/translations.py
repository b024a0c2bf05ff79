"""Keeping a translation group one community.

plone.app.multilingual makes each translation a collection of its own,
created like any other, then linked into a translation group, unlinked from
it, or deleted, at any time. The functions and subscribers here keep every
translation group one community (see ``community``): the canonical
collection's groups hold the members of all, its annotations the pending
requests, every translation grants the canonical's groups their local
roles, and the three participation settings are equal on all (each keeps a
copy, so that the code reading a setting needs no translation group).

When collections that were communities of their own become one (linked as
translations, or by the upgrade of a site from before), each setting takes
its strictest value among them: a merge never opens a closed collection,
lifts moderation or widens who creates content, and it logs every setting
it changed. A collection being created as a translation has no policy of
its own yet: it takes the community's settings.

``unite`` is idempotent: the subscribers call it whenever a group may have
changed, and the upgrade step calls it for every collection.
"""

from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.content.importing import importing_a_site
from osor.collection.membership.community import COLLECTION_TYPE
from osor.collection.membership.community import community_of
from osor.collection.membership.community import translations_of
from osor.collection.membership.members import REQUESTS_KEY
from osor.collection.membership.roles import delete_groups
from osor.collection.membership.roles import GROUP_TITLES
from osor.collection.membership.roles import LOCAL_ROLES
from osor.collection.membership.roles import MEMBERSHIP_ROLES
from osor.collection.membership.roles import own_group_id
from osor.collection.membership.roles import own_group_members
from osor.collection.membership.settings import apply_participation_settings
from osor.collection.membership.settings import SETTINGS
from osor.collection.membership.settings import settings_of
from osor.collection.membership.settings import strictest_settings
from plone import api
from plone.app.multilingual.interfaces import ITG
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest

import json
import logging
import re
import transaction


logger = logging.getLogger(__name__)

# The membership groups of any collection (``roles.own_group_id``).
MEMBERSHIP_GROUP = re.compile(r"^osor-[0-9a-f]{32}-(members|authors|facilitators|owners)$")

# Set on the request while plone.app.multilingual translates a collection.
TRANSLATING_KEY = "osor.collection.translating"

# On the request: the collections created as translations in its current
# transaction (they join a community: their settings are not a policy).
JOINING_KEY = "osor.collection.joining"


# The model -----------------------------------------------------------------


def unite(collection, made_stricter: list | None = None) -> bool:
    """Make the translation group of ``collection`` one community.

    The canonical collection's groups take in the members of the other
    collections' own groups (a user keeps their most trusted role) and their
    pending requests, and those groups are deleted; every collection grants
    the canonical's groups their local roles and each setting its strictest
    value among them (appended to ``made_stricter`` as paths of the
    collections, when given). Returns whether anything changed (nothing,
    when called again).
    """
    collections = translations_of(collection)
    canonical = collections[0]
    changed = _ensure_groups(canonical)
    for other in collections[1:]:
        if _has_own_groups(other):
            _merge_members(other, canonical)
            _merge_requests(other, canonical, move=True)
            delete_groups(other)
            changed = True
    changed |= _settle_settings(collections, made_stricter if made_stricter is not None else [])
    for each in collections:
        changed |= _grant_community_roles(each, canonical)
    return changed


def join_as_translation(collection) -> None:
    """``collection`` is being created as a translation of another one: it
    joins that community and takes its settings (the add form's values
    are no policy to keep), now or when plone.app.multilingual links it."""
    _joining().add(IUUID(collection))
    unite(collection)


def _joining() -> set:
    """The UIDs of the collections created as translations in this
    transaction; without a request, none (a merge then keeps the strictest
    settings of all)."""
    request = getRequest()
    if request is None:
        return set()
    annotations = IAnnotations(request)
    current = transaction.get()
    held = annotations.get(JOINING_KEY)
    if held is None or held[0] is not current:
        held = annotations[JOINING_KEY] = (current, set())
    return held[1]


def _settle_settings(collections, made_stricter: list) -> bool:
    """Give every collection of a translation group the strictest settings
    of those that had settings of their own, log each change and append the
    paths of the collections changed to ``made_stricter``; return whether
    anything changed."""
    joining = _joining()
    established = [each for each in collections if IUUID(each) not in joining] or collections[:1]
    wanted = strictest_settings(established)
    changed = False
    for each in collections:
        for name, old, new in _set_settings(each, wanted):
            path = "/".join(each.getPhysicalPath())
            changed = True
            if path not in made_stricter:
                made_stricter.append(path)
            logger.warning(
                "%s: %s changed from %r to %r, the strictest setting of its translations",
                path,
                name,
                old,
                new,
            )
    return changed


def separate(orphan, former) -> None:
    """``orphan`` has left the translation group of ``former``: each side
    goes on as a community with the members and pending requests they
    shared (copied to the side that did not hold them)."""
    holder = orphan if _has_own_groups(orphan) else community_of(former)
    for side in (orphan, former):
        canonical = community_of(side)
        if not _has_own_groups(canonical):
            _ensure_groups(canonical)
            _merge_members(holder, canonical)
            _merge_requests(holder, canonical, move=False)
        unite(side)


def hand_over(removed) -> None:
    """``removed`` is deleted: its translations stay one community (whose
    canonical collection is then the oldest of them); without translations
    left, its groups are deleted."""
    others = [each for each in translations_of(removed) if IUUID(each) != IUUID(removed)]
    if others and _has_own_groups(removed):
        successor = others[0]
        _ensure_groups(successor)
        _merge_members(removed, successor)
        _merge_requests(removed, successor, move=True)
    delete_groups(removed)
    if others:
        unite(others[0])


def share_settings(collection) -> None:
    """Give every translation of ``collection`` its participation settings."""
    for other in translations_of(collection):
        if other is not collection:
            _set_settings(other, settings_of(collection))


def is_new_translation(collection) -> bool:
    """Whether ``collection`` is being created as a translation of another
    one (whose community it joins, rather than being owned by its creator)."""
    request = getRequest()
    annotations = IAnnotations(request, {}) if request is not None else {}
    return bool(
        annotations.pop(TRANSLATING_KEY, False)  # pam's API (add_translation)
        or getattr(request, "translation_info", {}).get("tg")  # pam's add form
        or _posted_as_translation(request)
        or community_of(collection) is not collection
    )


def _posted_as_translation(request) -> bool:
    """Whether plone.restapi is creating a translation: it adds the item,
    then links it to the item named by ``translation_of``."""
    if request is None or request.get("REQUEST_METHOD") != "POST":
        return False
    try:
        body = json.loads(request.get("BODY") or "{}")
    except ValueError:
        return False
    return isinstance(body, dict) and bool(body.get("translation_of") and body.get("language"))


def _has_own_groups(collection) -> bool:
    return any(api.group.get(groupname=own_group_id(collection, role)) is not None for role in MEMBERSHIP_ROLES)


def _ensure_groups(canonical) -> bool:
    created = False
    for role in MEMBERSHIP_ROLES:
        gid = own_group_id(canonical, role)
        if api.group.get(groupname=gid) is None:
            api.group.create(groupname=gid, title=GROUP_TITLES[role].format(title=canonical.Title()))
            created = True
    return created


def _role_in(collection, userid: str) -> str | None:
    for role in reversed(MEMBERSHIP_ROLES):
        if userid in own_group_members(collection, role):
            return role
    return None


def _merge_members(source, target) -> None:
    """Add the members of ``source``'s own groups to ``target``'s; a user
    in both keeps the more trusted of their two roles."""
    rank = MEMBERSHIP_ROLES.index
    for role in MEMBERSHIP_ROLES:
        for userid in own_group_members(source, role):
            current = _role_in(target, userid)
            if current is not None and rank(current) >= rank(role):
                continue
            if current is not None:
                api.group.remove_user(groupname=own_group_id(target, current), username=userid)
            api.group.add_user(groupname=own_group_id(target, role), username=userid)


def _merge_requests(source, target, move: bool) -> None:
    """Add ``source``'s pending requests to ``target``'s (not those of
    users who are members of ``target``, or already waiting there)."""
    source_annotations = IAnnotations(source)
    requests = source_annotations.get(REQUESTS_KEY)
    if not requests:
        return
    target_annotations = IAnnotations(target)
    if REQUESTS_KEY not in target_annotations:
        target_annotations[REQUESTS_KEY] = type(requests)()
    waiting = target_annotations[REQUESTS_KEY]
    for userid, request in requests.items():
        if userid not in waiting and _role_in(target, userid) is None:
            waiting[userid] = request
    if move:
        del source_annotations[REQUESTS_KEY]


def _set_settings(collection, wanted: dict) -> list[tuple]:
    """Give ``collection`` the ``wanted`` settings; the (name, old, new) changed."""
    current = settings_of(collection)
    changed = [(name, current[name], wanted[name]) for name in SETTINGS if current[name] != wanted[name]]
    for name, _old, new in changed:
        setattr(collection, name, new)
    if changed:
        apply_participation_settings(collection)
    return changed


def _community_roles(canonical) -> dict:
    return {own_group_id(canonical, role): set(LOCAL_ROLES[role]) for role in MEMBERSHIP_ROLES}


def _membership_roles_on(collection) -> dict:
    return {
        principal: set(roles) for principal, roles in collection.get_local_roles() if MEMBERSHIP_GROUP.match(principal)
    }


def _grant_community_roles(collection, canonical) -> bool:
    """Give the canonical's groups their local roles on ``collection``, and
    take away those of other membership groups."""
    wanted = _community_roles(canonical)
    current = _membership_roles_on(collection)
    if current == wanted:
        return False
    stale = [principal for principal in current if principal not in wanted]
    if stale:
        collection.manage_delLocalRoles(stale)
    for gid, roles in wanted.items():
        collection.manage_setLocalRoles(gid, sorted(roles))
    collection.reindexObjectSecurity()
    return True


def _is_united(collection, canonical) -> bool:
    return (collection is canonical or not _has_own_groups(collection)) and (
        _membership_roles_on(collection) == _community_roles(canonical)
    )


def unite_all(made_stricter: list | None = None) -> int:
    """Unite the translation group of every collection of the site; return
    how many groups changed (the collections whose settings became stricter
    are appended to ``made_stricter``, when given)."""
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=COLLECTION_TYPE):
        changed += unite(brain._unrestrictedGetObject(), made_stricter)
    return changed


# Subscribers ---------------------------------------------------------------


def collection_being_translated(collection, event):
    """pam is about to create a translation of ``collection``: mark it, so
    that the new collection joins the community (``is_new_translation``)."""
    request = getRequest()
    if request is not None:
        IAnnotations(request)[TRANSLATING_KEY] = True


def translation_registered(event):
    """A collection was added to (or linked into) a translation group. Not
    while a site import creates it: its UID is not yet the exported one, and
    the import brings the community's groups."""
    if ICommunityCollection.providedBy(event.target) and not importing_a_site():
        unite(event.target)


def translation_unlinked(event):
    """A collection left its translation group (unlinked, or replaced by
    another translation in its language)."""
    orphan = event.old_object
    if not ICommunityCollection.providedBy(orphan):
        return
    former = _collection_in(event.object)
    if former is None:
        unite(orphan)
    else:
        separate(orphan, former)


def _collection_in(group_or_item):
    """A collection of the translation group of ``group_or_item`` (an item or
    a translation group id), or None."""
    if ICommunityCollection.providedBy(group_or_item):
        return group_or_item
    group = group_or_item if isinstance(group_or_item, str) else ITG(group_or_item, None)
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        TranslationGroup=group, portal_type=COLLECTION_TYPE
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def collection_modified(collection, event):
    """A collection that pam's add form has just put in a translation group
    joins its community; otherwise the settings of the edited collection
    apply to all its translations (a site import brings them as they were)."""
    if importing_a_site() or _is_pam_copy(collection, event):
        # pam copies language-independent fields into each translation and
        # notifies this event there: its settings are the old ones.
        return
    if not _is_united(collection, community_of(collection)):
        unite(collection)
        return
    share_settings(collection)


def _is_pam_copy(collection, event) -> bool:
    descriptions = getattr(event, "descriptions", ()) or ()
    group = ITG(collection, None)
    return bool(group) and len(descriptions) > 1 and descriptions[-1] == group
