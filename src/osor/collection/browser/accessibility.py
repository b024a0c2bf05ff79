"""What makes the observatory's pages accessible on top of Barceloneta:
a stylesheet and a script (accessibility/), and a "Skip to content" link.

Only for the add-on's browser layer: the add-on promises an accessible
observatory, so it ships the fixes instead of asking every site to theme
them (tests/browser/test_accessibility.py measures them with axe-core).
"""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


RESOURCES = "++resource++osor.collection.accessibility"


class AccessibilityResourcesViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/accessibility_resources.pt")

    def update(self):
        super().update()
        self.resources_url = f"{self.site_url}/{RESOURCES}"


class SkipLinkViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/skip_link.pt")
