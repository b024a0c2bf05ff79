"""Classic UI views of a collection's membership.

``@@about`` and ``@@members`` show; ``@@join``, ``@@leave``,
``@@cancel-request`` and ``@@manage-members`` (POST) act. The form handlers
are POST-only and CSRF-protected (plone.protect authenticator); they call
``membership.actions.perform``, as the ``@membership`` REST
endpoint does, and redirect back with a status message.
"""

from osor.collection.fields import safe_url
from osor.collection.membership import info
from osor.collection.membership import matrix
from osor.collection.membership.actions import MANAGER_ACTIONS
from osor.collection.membership.actions import perform
from osor.collection.membership.members import members_of
from osor.collection.membership.members import MembershipError
from osor.collection.membership.people import fullname
from osor.collection.membership.roles import MEMBERSHIP_ROLES
from osor.collection.membership.roles import ROLE_TITLES
from osor.collection.membership.settings import is_archived
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect import PostOnly
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory


class MembershipView(BrowserView):
    """What the membership pages share."""

    @property
    def status(self) -> str:
        return info.my_status(self.context)

    @property
    def archived(self) -> bool:
        """An archived collection's membership is read-only: no buttons to change it."""
        return is_archived(self.context)

    def role_options(self) -> list[dict]:
        return [{"id": role, "title": ROLE_TITLES[role]} for role in reversed(MEMBERSHIP_ROLES)]

    def role_title(self, role: str):
        return ROLE_TITLES.get(role, role)

    def counts(self) -> list[dict]:
        counts = info.counts(self.context)
        return [
            {"role": role, "title": ROLE_TITLES[role], "count": counts[role]} for role in reversed(MEMBERSHIP_ROLES)
        ]

    def total(self) -> int:
        return info.counts(self.context)["total"]


class AboutView(MembershipView):
    """``@@about``: presentation, owner, contacts, settings and member permissions."""

    index = ViewPageTemplateFile("templates/about.pt")

    def __call__(self):
        return self.index()

    def presentation(self) -> str:
        return self.context.abstract or self.context.Description()

    def owner_name(self) -> str:
        return getattr(self.context, "owner_name", None) or ""

    def owner_type(self) -> str:
        value = getattr(self.context, "owner_type", None)
        factory = queryUtility(IVocabularyFactory, "osor.collection.vocabularies.OwnerType")
        if not value or factory is None:
            return ""
        vocabulary = factory(self.context)
        return vocabulary.getTerm(value).title if value in vocabulary else value

    def contact_points(self) -> list[dict]:
        """The contact points, with a web page only where a visitor may follow it."""
        return [
            dict(point, url=safe_url(point.get("url")))
            for point in getattr(self.context, "contact_points", None) or []
            if point
        ]

    def settings_in_words(self) -> list:
        return matrix.settings_in_words(self.context)

    def table(self) -> dict:
        return matrix.table_for(self.context)


class MembersView(MembershipView):
    """``@@members``: who is in the collection, and join / leave buttons."""

    index = ViewPageTemplateFile("templates/members.pt")

    def __call__(self):
        return self.index()

    @property
    def name_filter(self) -> str:
        value = self.request.form.get("name", "")
        return value.strip() if isinstance(value, str) else ""

    @property
    def role_filter(self) -> str:
        value = self.request.form.get("role", "")
        return value if value in MEMBERSHIP_ROLES else ""

    def members(self) -> list[dict]:
        return info.members(self.context, name=self.name_filter, role=self.role_filter)

    def may_join(self) -> bool:
        return info.may_join(self.context)

    def may_manage(self) -> bool:
        return info.may_manage(self.context)

    def login_url(self) -> str:
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?{urlencode({'came_from': self.context.absolute_url()})}"


class ManageMembersView(MembershipView):
    """``@@manage-members``: roles, removals, requests, additions, ownership."""

    index = ViewPageTemplateFile("templates/manage_members.pt")

    def __call__(self):
        if self.request.method == "POST":
            action = self.request.form.get("action", "")
            if action not in MANAGER_ACTIONS:
                action = ""
            return act(self.context, self.request, action, "@@manage-members")
        return self.index()

    def members(self) -> list[dict]:
        return info.members(self.context)

    def pending(self) -> list[dict]:
        return info.pending(self.context)

    def may_manage_owners(self) -> bool:
        return info.may_manage_owners(self.context)

    def may_change(self, member: dict) -> bool:
        return member["role"] != "owner" or self.may_manage_owners()

    def role_options_for(self) -> list[dict]:
        """The roles a facilitator may give: owner only for owners and moderators."""
        return [option for option in self.role_options() if option["id"] != "owner" or self.may_manage_owners()]

    def i_am_owner(self) -> bool:
        return self.status == "owner"

    def owners(self) -> list[dict]:
        return list(info.members(self.context, role="owner"))

    def transfer_candidates(self) -> list[dict]:
        return [
            {"userid": userid, "fullname": fullname(userid)}
            for userid, role in members_of(self.context)
            if role != "owner"
        ]


def act(collection, request, action: str, back: str):
    """Check the request, ``perform`` the action, redirect to ``back`` with a message."""
    PostOnly(request)
    CheckAuthenticator(request)
    try:
        message = perform(collection, action, request.form)
    except MembershipError as error:
        api.portal.show_message(message=error.args[0], request=request, type="error")
    else:
        api.portal.show_message(message=message, request=request, type="info")
    request.response.redirect(f"{collection.absolute_url()}/{back}")
    return ""


class ActionView(BrowserView):
    """A POST-only form handler for one of the current user's own actions."""

    action = ""

    def __call__(self):
        return act(self.context, self.request, self.action, "@@members")


class JoinView(ActionView):
    action = "join"


class LeaveView(ActionView):
    action = "leave"


class CancelRequestView(ActionView):
    action = "cancel"
