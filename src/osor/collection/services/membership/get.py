from osor.collection.membership.info import membership_info
from plone.restapi.services import Service


class MembershipGet(Service):
    """GET @membership: members, counts, my status, settings and permission matrix."""

    def reply(self):
        return membership_info(self.context, self.request)
