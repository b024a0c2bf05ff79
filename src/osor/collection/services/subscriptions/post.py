from osor.collection.parameters import ParameterError
from osor.collection.services.errors import bad_json
from osor.collection.services.json_request import BadJSONRequest
from osor.collection.services.json_request import json_object
from osor.collection.services.subscriptions.base import SubscriptionsService
from osor.collection.subscriptions.actions import describe_subscription
from osor.collection.subscriptions.actions import subscribe
from plone.protect.interfaces import IDisableCSRFProtection
from zope.interface import alsoProvides


class SubscriptionsPost(SubscriptionsService):
    """POST @subscriptions {"frequency": "immediate"|"daily"|"weekly", "query": "<search>"}:
    subscribe the current member (or change the frequency); 201 when new."""

    def reply(self):
        userid = self.member()
        if userid is None:
            return self.unauthorized()
        try:
            data = json_object(self.request)
        except BadJSONRequest as error:
            return bad_json(self.request, error)
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            subscription, created = subscribe(self.context, userid, data.get("frequency"), data.get("query"))
        except ParameterError as error:
            return self.bad_request(error)
        self.request.response.setStatus(201 if created else 200)
        return describe_subscription(subscription, self.request)
