"""Subscribing and unsubscribing on behalf of the current member, with the checks of her input.

What the Classic UI forms and the ``@subscriptions`` service both call: a
wrong value is a ``ParameterError`` naming the parameter (a 400 for REST,
a message on the page).
"""

from osor.collection import _
from osor.collection.discovery.params import SearchInputError
from osor.collection.parameters import MISSING
from osor.collection.parameters import ParameterError
from osor.collection.subscriptions import storage
from osor.collection.subscriptions.digest import FREQUENCY_TITLES
from osor.collection.subscriptions.digest import Targets
from osor.collection.subscriptions.searches import normalised
from osor.collection.subscriptions.searches import search_url
from osor.collection.subscriptions.tokens import ensure_ring
from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate


NOT_A_FREQUENCY = _(
    "error_not_a_frequency",
    default="“${parameter}” must be one of: immediate, daily, weekly.",
)
NOT_A_SEARCH = _("error_not_a_search", default="“${parameter}” is not a search of this page: ${reason}")
NO_SEARCH_HERE = _(
    "error_no_search_here",
    default="“${parameter}”: only a collection or a language root saves a search.",
)
NOT_A_TARGET = _(
    "error_not_a_subscription_target",
    default="Only a collection, a solution or a search can be subscribed to.",
)
NOT_SUBSCRIBED = _("error_not_subscribed", default="“${parameter}”: you have no such subscription.")


def frequency_from(value) -> str:
    if value is None:
        raise ParameterError("frequency", MISSING)
    if not isinstance(value, str) or value.strip() not in storage.FREQUENCIES:
        raise ParameterError("frequency", NOT_A_FREQUENCY)
    return value.strip()


def query_from(value, context) -> str:
    """The normalised saved search, "" when none is given."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise ParameterError("query", NOT_A_SEARCH, {"reason": ""})
    if storage.kind_of(context, "x") != storage.SEARCH:
        raise ParameterError("query", NO_SEARCH_HERE)
    try:
        query = normalised(value, context, getRequest())
    except SearchInputError as error:
        raise ParameterError(
            "query", NOT_A_SEARCH, {"reason": translate(error.message, context=getRequest())}
        ) from None
    return query


def subscribe(context, userid: str, frequency, query=None):
    """Subscribe ``userid`` to ``context`` (a saved search when ``query``); (subscription, created)."""
    frequency = frequency_from(frequency)
    query = query_from(query, context)
    if storage.kind_of(context, query) is None:
        raise ParameterError("query" if query else "@id", NOT_A_TARGET)
    ensure_ring()
    return storage.subscribe(userid, context, frequency, query)


def unsubscribe(context, userid: str, subscription_id=None, query=None) -> str:
    """Remove the subscription ``subscription_id``, else the one to ``context`` (with ``query``); its id."""
    if subscription_id:
        key = subscription_id
    else:
        key = storage.subscription_id(context.UID(), query_from(query, context)) if hasattr(context, "UID") else ""
    if not key or not storage.unsubscribe(userid, key):
        raise ParameterError("id" if subscription_id else "query" if query else "@id", NOT_SUBSCRIBED)
    return key


def describe_subscription(subscription, request, targets: Targets | None = None) -> dict:
    """What a member reads of one subscription (the REST answer and the page's rows)."""
    targets = targets or Targets(api.portal.get_tool("portal_catalog"))
    brain = targets.brain(subscription.target_uid)
    url = brain.getURL() if brain is not None else ""
    language = api.portal.get_current_language() or "en"
    return {
        "id": subscription.id,
        "@id": search_url_of(brain, subscription) if subscription.kind == storage.SEARCH else url,
        "target": url,
        "kind": subscription.kind,
        "title": targets.title(subscription, language),
        "frequency": subscription.frequency,
        "frequency_title": translate(FREQUENCY_TITLES[subscription.frequency], context=request),
        "query": subscription.query,
    }


def search_url_of(brain, subscription) -> str:
    return search_url(brain._unrestrictedGetObject(), subscription.query) if brain is not None else ""
