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
    "release": "/en/osor/decidim/v0-28",
    "distribution": "/en/osor/decidim/v0-28/source",
    "case-study": "/en/osor/os2-denmark",
    "competence-centre": "/en/osor/developers-italia",
    "news": "/en/osor/osor-handbook-published",
    "publication": "/en/osor/osor-handbook",
    "collection-fr": "/fr/osor",
    "solution-fr": "/fr/osor/decidim",
    "legal-faq": "/@@legal-faq",
    "faceted-search": "/en/osor/@@faceted-search?portal_type=software_solution&osor_countries=FI&osor_licences=MIT",
    "licence-compatibility": "/@@licence-compatibility?inbound=MIT+OR+GPL-2.0-only&outbound=EUPL-1.2",
}

# Pages only a facilitator opens (checked logged in as the demo's facilitator).
FACILITATOR_PAGES = {
    "review": "/en/osor/@@review",
    "my-contributions": "/@@my-contributions",
}
