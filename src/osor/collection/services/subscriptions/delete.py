from osor.collection.parameters import ParameterError
from osor.collection.services.subscriptions.base import SubscriptionsService
from osor.collection.subscriptions.actions import unsubscribe
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from zope.interface import alsoProvides


class SubscriptionsDelete(SubscriptionsService):
    """DELETE @subscriptions: leave the subscription to the context; ``{"query": …}``
    for a saved search, ``{"id": …}`` (or ``?id=``) for any of one's subscriptions.
    Answers 204; 400 naming the parameter when there is no such subscription."""

    def reply(self):
        userid = self.member()
        if userid is None:
            return self.unauthorized()
        try:
            data = json_body(self.request) if self.request.get("BODY") else {}
        except DeserializationError:
            data = None
        if not isinstance(data, dict):
            data = {}
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            unsubscribe(
                self.context,
                userid,
                subscription_id=data.get("id") or self.request.form.get("id"),
                query=data.get("query") or self.request.form.get("query"),
            )
        except ParameterError as error:
            return self.bad_request(error)
        return self.reply_no_content()
