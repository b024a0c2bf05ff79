from osor.collection.services.subscriptions.base import SubscriptionsService
from plone.base.interfaces import IPloneSiteRoot


class SubscriptionsGet(SubscriptionsService):
    """GET @subscriptions: the current member's subscriptions to the context (all of them on the site root)."""

    def reply(self):
        userid = self.member()
        if userid is None:
            return self.unauthorized()
        everything = IPloneSiteRoot.providedBy(self.context)
        return self.answer(userid, everything=everything)
