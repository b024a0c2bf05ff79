"""Usage declarations: "organisation X uses this solution" (SILL's
referents, Developers Italia's ``usedBy``).

A logged-in member declares that an organisation uses a solution; a
declaration with "I can answer questions about it" makes its declarer a
*referent*. Declarations are kept in an annotation of the solution's
canonical translation (an organisation uses the software, not one
translation of its page). In a moderated collection a declaration waits
for a facilitator (*Review portal content* on the solution) unless its
declarer may review; elsewhere it is shown at once. Only approved
declarations reach the page, the indexes and the exports.
"""

from datetime import date
from datetime import datetime
from datetime import UTC
from osor.collection import _
from osor.collection.content.community_collection import containing_collection
from osor.collection.fields import is_safe_url
from osor.collection.permissions import REVIEW_PORTAL_CONTENT
from osor.collection.permissions import VIEW
from osor.collection.vocabularies import terms_of
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import pycountry
import uuid


ANNOTATION_KEY = "osor.collection.usage"
PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
MAX_NAME_LENGTH = 200
MAX_CONTACT_LENGTH = 500
# The oldest year a declaration may name: before it, a typo.
FIRST_YEAR = 1970


class UsageError(ValueError):
    """Bad input for a declaration; ``parameter`` names the field."""

    def __init__(self, parameter: str, message):
        super().__init__(parameter)
        self.parameter = parameter
        self.message = message


class UsageUnauthorized(Exception):
    """The current user may not do this."""


def _canonical(solution):
    from plone.app.multilingual.interfaces import ITranslationManager

    try:
        translations = ITranslationManager(solution).get_translations()
    except TypeError:
        return solution
    if not translations:
        return solution
    # The oldest translation holds the declarations of all.
    return min(translations.values(), key=lambda item: item.created())


def _records(solution, create: bool = False):
    annotations = IAnnotations(_canonical(solution))
    records = annotations.get(ANNOTATION_KEY)
    if records is None and create:
        records = annotations[ANNOTATION_KEY] = PersistentList()
    return records if records is not None else []


def clean_declaration(data: dict) -> dict:
    """The fields of a declaration from ``data`` (form or JSON), checked;
    raises ``UsageError`` naming the first bad parameter."""
    if not isinstance(data, dict):
        raise UsageError("body", _("usage_error_body", default="Send the declaration as a JSON object."))
    organisation = str(data.get("organisation") or "").strip()
    if not organisation:
        raise UsageError(
            "organisation", _("usage_error_organisation", default="Name the organisation that uses the solution.")
        )
    if len(organisation) > MAX_NAME_LENGTH:
        raise UsageError(
            "organisation",
            _(
                "usage_error_organisation_length",
                default="The organisation's name has at most ${limit} characters.",
                mapping={"limit": MAX_NAME_LENGTH},
            ),
        )
    organisation_type = data.get("organisation_type") or None
    if organisation_type is not None and organisation_type not in terms_of("owner_type"):
        raise UsageError(
            "organisation_type",
            _(
                "usage_error_organisation_type",
                default="“${value}” is not a type of organisation; choose one of: ${choices}.",
                mapping={"value": str(organisation_type), "choices": ", ".join(terms_of("owner_type"))},
            ),
        )
    country = str(data.get("country") or "").strip().upper()
    if not country or pycountry.countries.get(alpha_2=country) is None:
        raise UsageError(
            "country",
            _(
                "usage_error_country",
                default="Give the organisation's country as a two-letter ISO code, for example FR or IT.",
            ),
        )
    since = data.get("since") or None
    if since is not None:
        try:
            since = int(str(since)[:4]) if not isinstance(since, int) else since
        except ValueError:
            since = -1
        if not FIRST_YEAR <= since <= date.today().year:
            raise UsageError(
                "since",
                _(
                    "usage_error_since",
                    default="Give the year the organisation started using it, between ${first} and ${last}.",
                    mapping={"first": FIRST_YEAR, "last": date.today().year},
                ),
            )
    contact = str(data.get("contact") or "").strip()
    if contact and (len(contact) > MAX_CONTACT_LENGTH or not _is_contact(contact)):
        raise UsageError(
            "contact",
            _(
                "usage_error_contact",
                default="Give a public web address (https://…) or an e-mail address as the contact.",
            ),
        )
    referent = data.get("referent", False)
    if referent in ("on", "true", "1", "True"):
        referent = True
    if referent in (None, "", "false", "0", "False"):
        referent = False
    if not isinstance(referent, bool):
        raise UsageError("referent", _("usage_error_referent", default="“referent” is true or false."))
    if referent and not contact:
        raise UsageError(
            "contact",
            _("usage_error_referent_contact", default="A referent gives a contact where questions can reach them."),
        )
    return {
        "organisation": organisation,
        "organisation_type": organisation_type,
        "country": country,
        "since": since,
        "contact": contact,
        "referent": referent,
    }


def _is_contact(value: str) -> bool:
    if value.startswith(("http://", "https://")):
        return is_safe_url(value)
    name, at, domain = value.partition("@")
    return bool(name and at and "." in domain and " " not in value)


def declare(solution, data: dict) -> dict:
    """Record the current member's declaration on ``solution``; answers it."""
    if api.user.is_anonymous() or not api.user.has_permission(VIEW, obj=solution):
        raise UsageUnauthorized()
    values = clean_declaration(data)
    member = api.user.get_current()
    record = PersistentMapping(
        id=uuid.uuid4().hex,
        declared_by=member.getId(),
        declarer_name=member.getProperty("fullname") or member.getId(),
        declared=datetime.now(UTC).isoformat(timespec="seconds"),
        state=APPROVED if _shown_at_once(solution) else PENDING,
        **values,
    )
    _records(solution, create=True).append(record)
    _changed(solution)
    return dict(record)


def _shown_at_once(solution) -> bool:
    collection = containing_collection(solution)
    moderated = bool(getattr(collection, "moderated", True)) if collection is not None else True
    return not moderated or api.user.has_permission(REVIEW_PORTAL_CONTENT, obj=solution)


def may_moderate(solution) -> bool:
    return api.user.has_permission(REVIEW_PORTAL_CONTENT, obj=solution)


def moderate(solution, declaration_id: str, state: str) -> dict:
    """Approve or reject a declaration (facilitators)."""
    if not may_moderate(solution):
        raise UsageUnauthorized()
    if state not in (APPROVED, REJECTED):
        raise UsageError("state", _("usage_error_state", default="“state” is approved or rejected."))
    for record in _records(solution):
        if record["id"] == declaration_id:
            record["state"] = state
            record["moderated_by"] = api.user.get_current().getId()
            _changed(solution)
            return dict(record)
    raise UsageError("id", _("usage_error_id", default="No declaration has this id."))


def declarations(solution, states=(APPROVED,)) -> list[dict]:
    """The declarations of ``solution`` in ``states``, by country then name."""
    found = [dict(record) for record in _records(solution) if record["state"] in states]
    return sorted(found, key=lambda item: (item["country"], item["organisation"].lower()))


def approved(solution) -> list[dict]:
    return declarations(solution, (APPROVED,))


def pending(solution) -> list[dict]:
    return declarations(solution, (PENDING,))


def used_in_countries(solution) -> list[str]:
    return sorted({item["country"] for item in approved(solution) if item["country"]})


def has_referents(solution) -> bool:
    return any(item["referent"] for item in approved(solution))


def organisation_names(solution) -> list[str]:
    names = []
    for item in approved(solution):
        if item["organisation"] not in names:
            names.append(item["organisation"])
    return names


def add_migrated(solution, organisation: str, *, country: str = "") -> bool:
    """A declaration from the former free-text "used by" line (the upgrade
    to 1004): approved, its country unknown unless given. False when the
    organisation is already declared."""
    if organisation in organisation_names(solution) or not organisation.strip():
        return False
    record = PersistentMapping(
        id=uuid.uuid4().hex,
        declared_by="",
        declarer_name="",
        declared=datetime.now(UTC).isoformat(timespec="seconds"),
        state=APPROVED,
        organisation=organisation.strip()[:MAX_NAME_LENGTH],
        organisation_type=None,
        country=country,
        since=None,
        contact="",
        referent=False,
    )
    _records(solution, create=True).append(record)
    return True


def _changed(solution):
    """The indexes of every translation follow (the page's modification date does not)."""
    from plone.app.multilingual.interfaces import ITranslationManager

    try:
        translations = list(ITranslationManager(solution).get_translations().values())
    except TypeError:
        translations = [solution]
    for item in translations or [solution]:
        item.reindexObject(idxs=["osor_used_in_country", "osor_has_referents"])
