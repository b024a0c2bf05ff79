"""Subscriptions in Classic UI: the box on collections and solutions, the
search alert, *My subscriptions* and the unsubscribe link of the mails.

Thin adapters over ``osor.collection.subscriptions``: each form posts
(with the authenticator), calls ``subscriptions.actions`` and redirects
back with a message. The unsubscribe page needs no login: its signed
token is the proof (``subscriptions.tokens``), and it unsubscribes on a
POST only, so that a mail scanner opening the link changes nothing.
"""

from osor.collection import _
from osor.collection.discovery.params import SearchInputError
from osor.collection.parameters import form_value
from osor.collection.parameters import message_of
from osor.collection.parameters import ParameterError
from osor.collection.subscriptions import storage
from osor.collection.subscriptions.actions import describe_subscription
from osor.collection.subscriptions.actions import frequency_from
from osor.collection.subscriptions.actions import subscribe
from osor.collection.subscriptions.actions import unsubscribe
from osor.collection.subscriptions.digest import FREQUENCY_TITLES
from osor.collection.subscriptions.digest import Targets
from osor.collection.subscriptions.searches import normalised
from osor.collection.subscriptions.tokens import InvalidToken
from osor.collection.subscriptions.tokens import read_token
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import alsoProvides


SUBSCRIBED = _("msg_subscribed", default="You will get e-mails about it (${frequency}).")
UNSUBSCRIBED = _("msg_unsubscribed", default="You will no longer get e-mails about it.")


def _me() -> str | None:
    return None if api.user.is_anonymous() else api.user.get_current().getId()


def frequency_options(request, selected: str = storage.DAILY) -> list[dict]:
    return [
        {"value": name, "title": translate(FREQUENCY_TITLES[name], context=request), "selected": name == selected}
        for name in storage.FREQUENCIES
    ]


def _safe_back(request, default: str) -> str:
    """Where to go after the form: a page of this site only."""
    back = form_value(request, "came_from")
    portal_url = api.portal.get().absolute_url()
    return back if back.startswith(portal_url + "/") or back == portal_url else default


def _login_url(context) -> str:
    return f"{api.portal.get().absolute_url()}/login?{urlencode({'came_from': context.absolute_url()})}"


class SubscriptionView(BrowserView):
    """``@@subscription`` of a collection, a solution or a language root:
    ``form()`` is the box the pages show; a POST subscribes (``frequency``,
    ``query`` for a search) or unsubscribes (``unsubscribe``)."""

    box = ViewPageTemplateFile("templates/subscription_box.pt")

    def __call__(self):
        return self.handle()

    def handle(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        userid = _me()
        back = _safe_back(self.request, self.context.absolute_url())
        if userid is None:
            self.request.response.redirect(_login_url(self.context))
            return ""
        try:
            if self.request.form.get("unsubscribe"):
                unsubscribe(self.context, userid, query=form_value(self.request, "query") or None)
                message, kind = UNSUBSCRIBED, "info"
            else:
                subscription, _created = subscribe(
                    self.context,
                    userid,
                    form_value(self.request, "frequency"),
                    form_value(self.request, "query") or None,
                )
                frequency = translate(FREQUENCY_TITLES[subscription.frequency], context=self.request)
                message, kind = Message(SUBSCRIBED, mapping={"frequency": frequency}), "info"
        except ParameterError as error:
            message, kind = message_of(self.request, error), "error"
        api.portal.show_message(message=message, request=self.request, type=kind)
        self.request.response.redirect(back)
        return ""

    # The box -------------------------------------------------------------

    def form(self, query: str = "") -> str:
        self.query = query
        userid = _me()
        self.anonymous = userid is None
        key = storage.subscription_id(self.context.UID(), query)
        self.subscription = None if userid is None else storage.find(userid, key)
        return self.box()

    def options(self) -> list[dict]:
        selected = self.subscription.frequency if self.subscription is not None else storage.DAILY
        return frequency_options(self.request, selected)

    def frequency_title(self) -> str:
        return translate(FREQUENCY_TITLES[self.subscription.frequency], context=self.request)

    def login_url(self) -> str:
        return _login_url(self.context)

    def came_from(self) -> str:
        url = self.request.get("ACTUAL_URL", self.context.absolute_url())
        query = self.request.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url


class FollowSolutionViewlet(ViewletBase):
    """ "Follow this solution": the subscription box on a solution's pages."""

    index = ViewPageTemplateFile("templates/follow_solution.pt")

    def box(self) -> str:
        return api.content.get_view("subscription", self.context, self.request).form()


class SearchAlertView(BrowserView):
    """``@@search-alert``: "Alert me about new solutions like these" for the
    search the page shows (its query string), next to its results."""

    def __call__(self):
        if storage.kind_of(self.context, "x") != storage.SEARCH:
            return ""
        try:
            query = normalised(self.request.get("QUERY_STRING", ""), self.context, self.request)
        except SearchInputError:
            return ""  # the page says what is wrong with the search
        if not query:
            return ""
        return api.content.get_view("subscription", self.context, self.request).form(query=query)


class MySubscriptionsView(BrowserView):
    """``@@my-subscriptions``: all of the member's subscriptions, each with its
    frequency to change and a button to leave it."""

    index = ViewPageTemplateFile("templates/my_subscriptions.pt")

    def __call__(self):
        if self.request.method == "POST":
            return self.handle()
        return self.index()

    def handle(self):
        PostOnly(self.request)
        CheckAuthenticator(self.request)
        userid = _me()
        key = form_value(self.request, "id")
        subscription = storage.find(userid, key) if key else None
        if subscription is None:
            api.portal.show_message(
                message=_("error_no_such_subscription", default="You have no such subscription."),
                request=self.request,
                type="error",
            )
        elif self.request.form.get("unsubscribe"):
            storage.unsubscribe(userid, key)
            api.portal.show_message(message=UNSUBSCRIBED, request=self.request, type="info")
        else:
            try:
                frequency = subscription.frequency = _frequency(self.request)
            except ParameterError as error:
                api.portal.show_message(message=message_of(self.request, error), request=self.request, type="error")
            else:
                title = translate(FREQUENCY_TITLES[frequency], context=self.request)
                api.portal.show_message(
                    message=Message(SUBSCRIBED, mapping={"frequency": title}), request=self.request, type="info"
                )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@my-subscriptions")
        return ""

    def unsubscribe_label(self, row: dict) -> str:
        return translate(
            _("label_unsubscribe_from", default="Unsubscribe from ${title}", mapping={"title": row["title"]}),
            context=self.request,
        )

    def subscriptions(self) -> list[dict]:
        targets = Targets(api.portal.get_tool("portal_catalog"))
        rows = []
        for subscription in storage.subscriptions_of(_me()):
            row = describe_subscription(subscription, self.request, targets)
            row["options"] = frequency_options(self.request, subscription.frequency)
            row["kind_title"] = translate(KIND_TITLES[subscription.kind], context=self.request)
            rows.append(row)
        return rows


KIND_TITLES = {
    storage.COLLECTION: _("subscription_kind_collection", default="Collection"),
    storage.SOLUTION: _("subscription_kind_solution", default="Solution"),
    storage.SEARCH: _("subscription_kind_search", default="Search"),
}


def _frequency(request) -> str:
    return frequency_from(form_value(request, "frequency") or None)


class UnsubscribeView(BrowserView):
    """``@@unsubscribe?token=…``: the link of every digest; no login needed."""

    index = ViewPageTemplateFile("templates/unsubscribe.pt")

    done = False
    subscription = None

    def __call__(self):
        token = form_value(self.request, "token")
        try:
            self.userid, self.key = read_token(token)
        except InvalidToken:
            self.request.response.setStatus(400)
            self.error = translate(
                _("error_bad_unsubscribe_link", default="This unsubscribe link is not valid."), context=self.request
            )
            return self.index()
        self.error = ""
        self.token = token
        self.subscription = storage.find(self.userid, self.key)
        if self.request.method == "POST":
            alsoProvides(self.request, IDisableCSRFProtection)  # the signed token is the proof
            storage.unsubscribe(self.userid, self.key)
            self.done = True
        return self.index()

    def what(self) -> str:
        if self.subscription is None:
            return ""
        user = api.user.get(userid=self.userid)
        if user is None:
            return ""
        targets = Targets(api.portal.get_tool("portal_catalog"))
        with api.env.adopt_user(user=user):
            return targets.title(self.subscription, api.portal.get_current_language() or "en")
