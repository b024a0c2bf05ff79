"""Building and sending digests: what happened since the last one, as each subscriber may see it.

``send_digests(frequency)`` reads the changes after the oldest ``seen`` of
the subscriptions at that frequency, gives each member the changes that
match her subscriptions, keeps only what a catalog search *as that member*
finds (her roles, groups and local roles: a draft, a private legal request
or a comment on an item she may not see never appears, not even its
title), and queues one mail per member through the after-commit mail queue
(``mail.outbox``). Each subscription then remembers the last change:
a second run sends nothing new. A dry run builds the same digests and
changes nothing.
"""

from Acquisition import aq_base
from dataclasses import dataclass
from dataclasses import field
from osor.collection import _
from osor.collection import logger
from osor.collection.discovery.params import SearchInputError
from osor.collection.discovery.search import matching_uids
from osor.collection.mail import outbox
from osor.collection.mail.sending import mail_problem
from osor.collection.mail.sending import NO_SENDER
from osor.collection.mail.sending import sender_address
from osor.collection.subscriptions.changes import COMMENT
from osor.collection.subscriptions.changes import EDIT
from osor.collection.subscriptions.changes import NEW
from osor.collection.subscriptions.changes import PUBLISHED
from osor.collection.subscriptions.changes import RELEASE
from osor.collection.subscriptions.searches import describe
from osor.collection.subscriptions.searches import parameters_of
from osor.collection.subscriptions.storage import changes_after
from osor.collection.subscriptions.storage import COLLECTION
from osor.collection.subscriptions.storage import last_change
from osor.collection.subscriptions.storage import prune_changes
from osor.collection.subscriptions.storage import SEARCH
from osor.collection.subscriptions.storage import SOLUTION
from osor.collection.subscriptions.storage import subscribers
from osor.collection.subscriptions.tokens import make_token
from osor.collection.vocabularies.language import EU_LANGUAGES
from osor.collection.vocabularies.language import FALLBACK_LANGUAGE
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message


# The languages of our catalogues; a member's other language gets English, marked.
LANGUAGES = EU_LANGUAGES
# A mail lists this many items at most (the @digest answer lists them all).
MAX_MAIL_ITEMS = 100

FREQUENCY_TITLES = {
    "immediate": _("frequency_immediate", default="immediately"),
    "daily": _("frequency_daily", default="daily"),
    "weekly": _("frequency_weekly", default="weekly"),
}

WHY = {
    (COLLECTION, NEW): _("why_new_in_collection", default="New in “${target}”"),
    (COLLECTION, RELEASE): _("why_release_in_collection", default="New release in “${target}”"),
    (COLLECTION, EDIT): _("why_updated_in_collection", default="Updated in “${target}”"),
    (SOLUTION, NEW): _("why_solution_published", default="“${target}” is published"),
    (SOLUTION, RELEASE): _("why_release_of_solution", default="New release of “${target}”"),
    (SOLUTION, EDIT): _("why_solution_updated", default="“${target}” was updated"),
    (SOLUTION, COMMENT): _("why_comment_on_solution", default="New comment on “${target}”"),
    (SEARCH, NEW): _("why_matches_search", default="New, and matches your search “${target}”"),
}


HIDDEN_TARGET = _("subscription_hidden_target", default="(something you may no longer see)")


@dataclass
class DigestItem:
    url: str
    title: str
    why: str

    def as_json(self) -> dict:
        return {"@id": self.url, "title": self.title, "why": self.why}


@dataclass
class Digest:
    userid: str
    email: str
    language: str
    items: list = field(default_factory=list)
    subscriptions: list = field(default_factory=list)
    user: object = None
    titles: dict = field(default_factory=dict)  # subscription id -> its target in words, as the member sees it

    def as_json(self) -> dict:
        return {"userid": self.userid, "items": [item.as_json() for item in self.items]}


def member_language(user) -> str:
    """The member's language among our catalogues, else English (``language_fallback`` marks it)."""
    language = (user.getProperty("language", "") or "").split("-")[0].lower() if user is not None else ""
    if not language:
        language = (api.portal.get_registry_record("plone.default_language", default="en") or "en").split("-")[0]
    return language


def _in(language: str, message) -> str:
    return translate(message, target_language=language if language in LANGUAGES else FALLBACK_LANGUAGE)


class Targets:
    """The titles and objects of subscription targets, looked up once per run."""

    def __init__(self, catalog):
        self.catalog = catalog
        self._brains = {}

    def brain(self, uid: str):
        if uid not in self._brains:
            found = self.catalog.unrestrictedSearchResults(UID=uid)
            self._brains[uid] = found[0] if found else None
        return self._brains[uid]

    def title(self, subscription, language: str) -> str:
        """The target in words, for the current user: one she may no longer see is not named."""
        brain = self.brain(subscription.target_uid)
        if brain is None or not self.catalog(UID=subscription.target_uid):
            return _in(language, HIDDEN_TARGET)
        title = brain.Title
        if subscription.kind == SEARCH and brain is not None:
            try:
                words = describe(subscription.query, brain._unrestrictedGetObject(), getRequest(), language)
            except SearchInputError:  # a facet value that is gone
                words = subscription.query
            return f"{words} ({title})"
        return title


class ChangeIndex:
    """The changes since the oldest subscription's ``seen``, by what subscriptions follow."""

    def __init__(self, changes):
        self.changes = list(changes)
        self.by_collection, self.by_item, self.by_solution, self.new = {}, {}, {}, []
        for number, change in self.changes:
            self.by_collection.setdefault(change["collection"], []).append((number, change))
            self.by_item.setdefault(change["uid"], []).append((number, change))
            if change["solution"] and change["solution"] != change["uid"]:
                self.by_solution.setdefault(change["solution"], []).append((number, change))
            if change["kind"] == NEW:
                self.new.append((number, change))

    def for_subscription(self, subscription) -> list:
        if subscription.kind == COLLECTION:
            found = [
                entry for entry in self.by_collection.get(subscription.target_uid, ()) if entry[1]["kind"] != COMMENT
            ]
        elif subscription.kind == SOLUTION:
            found = self.by_item.get(subscription.target_uid, []) + self.by_solution.get(subscription.target_uid, [])
        else:
            found = self.new
        return [entry for entry in found if entry[0] > subscription.seen]


def _published(brain, solution_brain) -> bool:
    """Whether a visible item is published now: a draft, a proposal or an item
    sent back is never reported, even to who may see it (its facilitators).
    Releases have no workflow: their solution's state decides."""
    if brain is None:
        return False
    state = getattr(aq_base(brain), "review_state", "") or ""
    if state:
        return state == PUBLISHED
    return solution_brain is not None and getattr(aq_base(solution_brain), "review_state", "") == PUBLISHED


def _visible(catalog, uids, comment_paths) -> tuple[dict, dict]:
    """Brains the *current* user finds: by UID, and comments by path."""
    by_uid = {brain.UID: brain for brain in catalog(UID=list(uids))} if uids else {}
    comments = {}
    if comment_paths:
        for brain in catalog(path={"query": list(comment_paths), "depth": 0}):
            comments[brain.getPath()] = brain
    return by_uid, comments


def _language_of(brain) -> str:
    """The item's language from the catalog (a metadata column of multilingual sites), else ""."""
    value = getattr(aq_base(brain), "Language", "")
    return value if isinstance(value, str) else ""


def _translation(brain, language: str):
    """The item in ``language`` the current user may see, else None."""
    if not _language_of(brain) or _language_of(brain).split("-")[0] == language:
        return None
    try:
        from plone.app.multilingual.interfaces import ITranslationManager

        translation = ITranslationManager(brain.getObject()).get_translation(language)
    except (TypeError, LookupError):  # not translatable, or no multilingual site
        return None
    if translation is None or not api.user.has_permission("View", obj=translation):
        return None
    return translation


def _title_and_url(brain, language: str) -> tuple[str, str]:
    """In the member's language; else the item as it is, its language marked."""
    translation = _translation(brain, language)
    if translation is not None:
        return translation.Title(), translation.absolute_url()
    title = brain.Title
    item_language = _language_of(brain)
    if item_language and item_language.split("-")[0] != language:
        marked = _(
            "title_in_language",
            default="${title} [${language}]",
            mapping={"title": title, "language": item_language.upper()},
        )
        title = _in(language, marked)
    return title, brain.getURL()


def build_digest(userid: str, subscriptions: list, index: ChangeIndex, targets: Targets, catalog) -> Digest | None:
    """The digest of ``userid`` (as that user), or None when she has no address."""
    wanted = []  # (number, change, subscription)
    for subscription in subscriptions:
        wanted.extend((number, change, subscription) for number, change in index.for_subscription(subscription))
    if not wanted:  # nothing happened: no need to look the member up
        return Digest(userid, "", "", subscriptions=subscriptions)
    user = api.user.get(userid=userid)
    if user is None:
        return None
    language = member_language(user)
    digest = Digest(userid, user.getProperty("email", "") or "", language, subscriptions=subscriptions, user=user)
    wanted.sort(key=lambda entry: entry[0])
    with api.env.adopt_user(user=user):
        by_uid, comments = _visible(
            catalog,
            {uid for _number, change, _subscription in wanted for uid in (change["uid"], change["solution"]) if uid},
            {change["path"] for _number, change, _subscription in wanted if change["kind"] == COMMENT},
        )
        matches = _search_matches(wanted, targets, by_uid)
        seen = set()
        for _number, change, subscription in wanted:
            brain = by_uid.get(change["uid"])
            if not _published(brain, by_uid.get(change["solution"])):
                continue
            if change["kind"] == COMMENT and change["path"] not in comments:
                continue
            if subscription.kind == SEARCH and change["uid"] not in matches.get(subscription.id, ()):
                continue
            key = (change["path"] or change["uid"], change["kind"] == COMMENT)
            if key in seen:
                continue
            seen.add(key)
            title, url = _title_and_url(brain, language)
            if change["kind"] == COMMENT:
                url = f"{url}#{change['path'].rsplit('/', 1)[-1]}"
            why = WHY.get((subscription.kind, change["kind"]))
            if why is None:
                continue
            if subscription.id not in digest.titles:
                digest.titles[subscription.id] = targets.title(subscription, language)
            target = digest.titles[subscription.id]
            digest.items.append(DigestItem(url, title, _in(language, Message(why, mapping={"target": target}))))
    return digest


def _search_matches(wanted, targets: Targets, by_uid: dict) -> dict:
    """Subscription id -> the UIDs its saved search finds (as the current user)."""
    matches = {}
    for subscription in {
        subscription.id: subscription for *_ignored, subscription in wanted if subscription.kind == SEARCH
    }.values():
        brain = targets.brain(subscription.target_uid)
        uids = [change["uid"] for _number, change, each in wanted if each is subscription and change["uid"] in by_uid]
        if brain is None or not uids:
            continue
        context = brain._unrestrictedGetObject()
        try:
            parameters = parameters_of(subscription.query, context, getRequest())
        except SearchInputError:
            continue
        matches[subscription.id] = matching_uids(context, getRequest(), parameters, uids)
    return matches


def run_digests(frequency: str, dry_run: bool = False) -> list[Digest]:
    """Build the digests of ``frequency``; unless ``dry_run``, queue their mails
    and remember what was reported. Only digests with items are returned."""
    catalog = api.portal.get_tool("portal_catalog")
    everyone = list(subscribers(frequency))
    if not everyone:
        return []
    oldest = min(subscription.seen for _userid, subscriptions in everyone for subscription in subscriptions)
    index = ChangeIndex(changes_after(oldest))
    newest = last_change()
    targets = Targets(catalog)
    digests = []
    for userid, subscriptions in everyone:
        digest = build_digest(userid, subscriptions, index, targets, catalog)
        if digest is None:
            continue
        if digest.items:
            digests.append(digest)
        if dry_run:
            continue
        if digest.items:
            with api.env.adopt_user(user=digest.user):
                send_digest(digest, frequency, targets)
        for subscription in subscriptions:
            if subscription.seen != newest:  # no write when nothing happened
                subscription.seen = newest
    if not dry_run:
        prune_changes()
    return digests


def unsubscribe_url(userid: str, subscription_id: str) -> str:
    return f"{api.portal.get().absolute_url()}/@@unsubscribe?token={make_token(userid, subscription_id)}"


def mail_text(digest: Digest, frequency: str, targets: Targets) -> tuple[str, str]:
    """(subject, body) of ``digest``, in the member's language."""
    language = digest.language
    site = api.portal.get()
    frequency_title = _in(language, FREQUENCY_TITLES[frequency])
    if len(digest.items) == 1:
        subject = _(
            "mail_subject_digest_one",
            default="${site}: ${title}",
            mapping={"site": site.Title(), "title": digest.items[0].title},
        )
    else:
        subject = _(
            "mail_subject_digest",
            default="${site}: ${count} updates",
            mapping={"site": site.Title(), "count": len(digest.items)},
        )
    lines = []
    if language not in LANGUAGES:
        lines += [
            _in(
                language,
                _(
                    "mail_digest_in_english",
                    default="(This e-mail is in English: the site is not translated into your language.)",
                ),
            ),
            "",
        ]
    lines += [
        _in(language, _("mail_digest_intro", default="What is new on ${site}:", mapping={"site": site.Title()})),
        "",
    ]
    for item in digest.items[:MAX_MAIL_ITEMS]:
        lines += [f"* {item.title}", f"  {item.why}", f"  {item.url}", ""]
    if len(digest.items) > MAX_MAIL_ITEMS:
        more = _(
            "mail_digest_more", default="… and ${count} more.", mapping={"count": len(digest.items) - MAX_MAIL_ITEMS}
        )
        lines += [_in(language, more), ""]
    lines += [
        "-- ",
        _in(
            language,
            _(
                "mail_digest_why",
                default="You get this e-mail (${frequency}) because you subscribed to:",
                mapping={"frequency": frequency_title},
            ),
        ),
    ]
    for subscription in digest.subscriptions:
        lines += [
            f"* {digest.titles.get(subscription.id) or targets.title(subscription, language)}",
            "  "
            + _in(
                language,
                _(
                    "mail_digest_unsubscribe",
                    default="Unsubscribe (no login needed): ${url}",
                    mapping={"url": unsubscribe_url(digest.userid, subscription.id)},
                ),
            ),
        ]
    lines += [
        "",
        _in(
            language,
            _(
                "mail_digest_manage",
                default="All your subscriptions: ${url}",
                mapping={"url": f"{site.absolute_url()}/@@my-subscriptions"},
            ),
        ),
    ]
    return _in(language, subject), "\n".join(lines) + "\n"


def send_digest(digest: Digest, frequency: str, targets: Targets) -> bool:
    """Queue the mail of ``digest`` (sent once the transaction commits); False when it cannot be."""
    if not digest.email:
        logger.warning("Digest not sent to %s: no e-mail address", digest.userid)
        return False
    if mail_problem() == NO_SENDER:
        logger.warning("Digest not sent to %s: %s", digest.userid, translate(NO_SENDER, target_language="en"))
        return False
    subject, body = mail_text(digest, frequency, targets)
    charset = api.portal.get_registry_record("plone.email_charset", default="utf-8") or "utf-8"
    outbox.queue(api.portal.get(), digest.email, sender_address(), subject, body, charset, unsubscribe_headers(digest))
    return True


def unsubscribe_headers(digest: Digest) -> tuple:
    """``List-Unsubscribe`` (RFC 2369) for the mail programs' own button: a
    digest of one subscription leaves it in one click (RFC 8058: a POST to
    the signed link); a digest of several points to the member's page."""
    if len(digest.subscriptions) == 1:
        url = unsubscribe_url(digest.userid, digest.subscriptions[0].id)
        return (("List-Unsubscribe", f"<{url}>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return (("List-Unsubscribe", f"<{api.portal.get().absolute_url()}/@@my-subscriptions>"),)
