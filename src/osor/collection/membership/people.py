"""How the observatory names a person: her full name, else her user id.

Pages, mails and the REST API all name people the same way; a user who no
longer exists keeps the id she had (a report's reporter, a request's
requester), and no one is the empty string.
"""

from plone import api


def fullname(userid: str | None) -> str:
    """The full name of ``userid``, else the id itself ("" for no one)."""
    if not userid:
        return ""
    user = api.user.get(userid=userid)
    return (user.getProperty("fullname") if user is not None else "") or userid
