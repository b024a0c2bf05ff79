"""What the ``@subscriptions`` services share: the member, the answer, the errors."""

from osor.collection import _
from osor.collection.services.errors import bad_request
from osor.collection.services.errors import error_answer
from osor.collection.subscriptions import storage
from osor.collection.subscriptions.actions import describe_subscription
from osor.collection.subscriptions.digest import Targets
from plone import api
from plone.restapi.services import Service


class SubscriptionsService(Service):
    def member(self) -> str | None:
        if api.user.is_anonymous():
            return None
        return api.user.get_current().getId()

    def unauthorized(self) -> dict:
        return error_answer(
            self.request, _("error_log_in_to_subscribe", default="Log in to manage your subscriptions."), status=401
        )

    def bad_request(self, error) -> dict:
        return bad_request(self.request, error)

    def answer(self, userid: str, everything: bool = False) -> dict:
        targets = Targets(api.portal.get_tool("portal_catalog"))
        subscriptions = storage.subscriptions_of(userid, target=None if everything else self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@subscriptions",
            "items": [describe_subscription(subscription, self.request, targets) for subscription in subscriptions],
            "frequencies": list(storage.FREQUENCIES),
        }
