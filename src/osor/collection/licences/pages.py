"""Where a licence's page is: the facts of the knowledge base (``@@licence``)
for the licences it has, so item pages link there rather than to SPDX.

The licence pages live on every navigation root (the site and each language
root folder): a link made from a French page stays under ``/fr``, where the
page and its menus speak French."""

from osor.collection.licences.knowledge import all_licences
from plone import api
from urllib.parse import urlencode


SPDX_URL = "https://spdx.org/licenses/{}.html"


def has_licence_page(spdx_id: str) -> bool:
    """Whether the knowledge base has facts (hence a page) for ``spdx_id``."""
    return spdx_id in all_licences()


def legal_pages_url(context=None) -> str:
    """The URL of the navigation root of ``context`` (the site when none):
    where the licence pages and the Legal FAQ of its language are."""
    root = api.portal.get_navigation_root(context) if context is not None else api.portal.get()
    return root.absolute_url()


def licence_page_url(spdx_id: str, context=None) -> str:
    return f"{legal_pages_url(context)}/@@licence?{urlencode({'id': spdx_id})}"


def licence_url(spdx_id: str, context=None) -> str:
    """Our licence page where we have facts, else the licence's SPDX page."""
    return licence_page_url(spdx_id, context) if has_licence_page(spdx_id) else SPDX_URL.format(spdx_id)


def compatibility_checker_url(inbound: str, outbound: str, context=None) -> str:
    query = urlencode({"inbound": inbound, "outbound": outbound})
    return f"{legal_pages_url(context)}/@@licence-compatibility?{query}"
