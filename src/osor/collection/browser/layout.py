"""The layout of the visitor's pages: the page-wide stylesheet of collection
pages and full-width views.

Inside a collection the portlet columns are gone because the collection
blocks them (``pages.portlets``). Views that stand on their own anywhere
(the faceted search of a language root or of the site) ask for the full
width with ``full_width``: Plone's main template leaves out a column whose
``disable_<manager>`` request flag is set.
"""

from osor.collection.pages.portlets import COLUMNS
from plone.app.layout.viewlets.common import ViewletBase


RESOURCES = "++resource++osor.collection.pages"


def full_width(request) -> None:
    """Render the current page without portlet columns."""
    for column in COLUMNS:
        request.set(f"disable_{column}", True)


class CollectionPagesStylesheet(ViewletBase):
    def render(self):
        return f'<link rel="stylesheet" href="{self.site_url}/{RESOURCES}/collection_pages.css" />'
