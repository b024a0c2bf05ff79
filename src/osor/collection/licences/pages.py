"""Where a licence's page is: the facts of the knowledge base (``@@licence``)
for the licences it has, so item pages link there rather than to SPDX."""

from osor.collection.licences.knowledge import all_licences
from plone import api
from urllib.parse import urlencode


SPDX_URL = "https://spdx.org/licenses/{}.html"


def has_licence_page(spdx_id: str) -> bool:
    """Whether the knowledge base has facts (hence a page) for ``spdx_id``."""
    return spdx_id in all_licences()


def licence_page_url(spdx_id: str) -> str:
    return f"{api.portal.get().absolute_url()}/@@licence?{urlencode({'id': spdx_id})}"


def licence_url(spdx_id: str) -> str:
    """Our licence page where we have facts, else the licence's SPDX page."""
    return licence_page_url(spdx_id) if has_licence_page(spdx_id) else SPDX_URL.format(spdx_id)


def compatibility_checker_url(inbound: str, outbound: str) -> str:
    query = urlencode({"inbound": inbound, "outbound": outbound})
    return f"{api.portal.get().absolute_url()}/@@licence-compatibility?{query}"
