"""The demo site's pages that the browser tests visit (accessibility,
phone layout, external requests, screenshots).

Add a page here and every browser check runs on it: ``path`` is relative
to the demo site (``/Plone``).
"""

PAGES = {
    "landing": "",
    "collection": "/en/osor",
    "solution": "/en/osor/decidim",
    "event": "/en/osor/cross-administration-collaboration-webinar",
    "search": "/en/@@search?SearchableText=open+source",
    "login": "/login",
    "about": "/en/osor/@@about",
    "members": "/en/osor/@@members",
    "landing-fr": "/fr",
}
