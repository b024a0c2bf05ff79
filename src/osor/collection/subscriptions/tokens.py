"""Signed unsubscribe links: they work without logging in, and only for their subscription.

A token is ``<payload>.<signature>``: the payload names the member and the
subscription (base64url), the signature is an HMAC-SHA256 of it with a
secret of the site's key manager (plone.keyring, a ring of our own). The
ring keeps its previous secrets: rotating it leaves the links in mails
already sent working until their secret leaves the ring.
"""

from plone.keyring.interfaces import IKeyManager
from plone.keyring.keyring import Keyring
from zope.component import getUtility

import base64
import binascii
import hashlib
import hmac


RING = "osor.collection.subscriptions"


class InvalidToken(ValueError):
    """The token is damaged, forged, or signed with a secret the site no longer has."""


def ensure_ring() -> None:
    """Create our ring of secrets if the site has none yet (a write: not from a GET)."""
    manager = getUtility(IKeyManager)
    if RING not in manager:
        manager[RING] = Keyring()
        manager[RING].rotate()


def _signature(secret: str, payload: str) -> str:
    return hmac.new(secret.encode("utf-8"), payload.encode("ascii"), hashlib.sha256).hexdigest()


def make_token(userid: str, subscription_id: str) -> str:
    ensure_ring()
    raw = f"{userid}\n{subscription_id}".encode()
    payload = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    return f"{payload}.{_signature(getUtility(IKeyManager)[RING].current, payload)}"


def read_token(token: str) -> tuple[str, str]:
    """(userid, subscription id) of a valid token, else InvalidToken."""
    payload, _dot, signature = (token or "").strip().partition(".")
    manager = getUtility(IKeyManager)
    if not payload or not signature or RING not in manager:
        raise InvalidToken(token)
    if not any(secret and hmac.compare_digest(_signature(secret, payload), signature) for secret in manager[RING]):
        raise InvalidToken(token)
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise InvalidToken(token) from None
    userid, _newline, subscription_id = raw.partition("\n")
    if not userid or not subscription_id:
        raise InvalidToken(token)
    return userid, subscription_id
