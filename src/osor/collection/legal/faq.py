"""The Legal FAQ: anonymised copies of answered requests, with consent.

The public entry is a new item that an expert creates: it never was the
request, so it has none of the requester's ownership, local roles or
workflow history; its owner and creator are the expert. The texts are
copied from the request with the requester's identity (user id, full name,
each part of it, e-mail) replaced, and the expert edits them before
publishing; the same replacement runs again on what the expert submits.
The request keeps the link to its entry, never the other way round.
"""

from osor.collection import _
from osor.collection.content.legal_request import licences_of
from osor.collection.legal.workflow import requester_of
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.app.uuid.utils import uuidToObject
from plone.dexterity.utils import createContentInContainer
from zope.globalrequest import getRequest
from zope.i18n import translate

import re


FAQ_TYPE = "legal_faq_entry"
PUBLISHABLE_STATES = ("answered", "closed")
REDACTED = _("legal_faq_redacted", default="[the requester]")


class FaqNotAllowed(ValueError):
    """The request cannot be published as a FAQ entry (no consent, not answered)."""


def identities_of(userid: str) -> list[str]:
    """What identifies a user in a text: id, full name and its parts, e-mail."""
    user = api.user.get(userid=userid) if userid else None
    found = [userid] if userid else []
    if user is not None:
        email = user.getProperty("email") or ""
        fullname = user.getProperty("fullname") or ""
        found += [email, email.split("@")[0], fullname, *fullname.split()]
    # Longest first: "Alice Andersen" before "Alice". Very short parts
    # ("Li") would blank out ordinary words.
    return sorted({item for item in found if len(item) >= 3}, key=len, reverse=True)


def anonymise(text: str, identities: list[str]) -> str:
    """``text`` with every identity (whole words, any case) replaced."""
    replacement = translate(REDACTED, context=getRequest())
    for identity in identities:
        text = re.sub(rf"(?<![\w@.]){re.escape(identity)}(?![\w@])", replacement, text, flags=re.I)
    return text


def draft_of(request) -> dict:
    """The anonymised texts an expert starts from."""
    identities = identities_of(requester_of(request))
    return {
        "title": anonymise(request.title or "", identities),
        "question": anonymise(getattr(request.question, "raw", "") or "", identities),
        "answer": anonymise(getattr(request.answer, "raw", "") or "", identities),
    }


def faq_container():
    """Where FAQ entries live (the site root; the FAQ page lists them)."""
    return api.portal.get()


def published_entry(request):
    """The FAQ entry of ``request``, if it was published and not deleted."""
    uid = getattr(request, "faq_entry", None)
    return uuidToObject(uid, unrestricted=True) if uid else None


def check_publishable(request) -> None:
    # Once: a form sent twice adds no second entry. Two sending at the same
    # time both write ``faq_entry``: one of them conflicts and is retried.
    if published_entry(request) is not None:
        raise FaqNotAllowed(
            _("error_legal_faq_already_published", default="This request is already published in the Legal FAQ.")
        )
    if not request.consent:
        raise FaqNotAllowed(_("error_legal_faq_no_consent", default="The requester did not consent to publication."))
    if api.content.get_state(request) not in PUBLISHABLE_STATES:
        raise FaqNotAllowed(_("error_legal_faq_not_answered", default="Only answered requests can be published."))


def publish_as_faq(request, title: str, question: str, answer: str):
    """Create the public, anonymised FAQ entry of ``request``; return it."""
    check_publishable(request)
    identities = identities_of(requester_of(request))
    entry = createContentInContainer(
        faq_container(),
        FAQ_TYPE,
        checkConstraints=False,
        title=anonymise(title, identities),
        question=RichTextValue(anonymise(question, identities), "text/html", "text/x-html-safe"),
        answer=RichTextValue(anonymise(answer, identities), "text/html", "text/x-html-safe"),
        category=request.category,
        licences=licences_of(request),
        exclude_from_nav=True,
    )
    request.faq_entry = entry.UID()
    return entry
