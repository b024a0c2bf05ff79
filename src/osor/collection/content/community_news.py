"""A news article of the community."""

from osor.collection import _
from osor.collection.fields import WebAddress
from osor.collection.interfaces import ICommunityContent
from plone.app.multilingual.dx.directives import languageindependent
from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class ICommunityNews(model.Schema):
    """What community news adds to Plone's title, headline, text and lead image."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("source_url")

    source_url = WebAddress(
        title=_("label_source_url", default="Source"),
        description=_(
            "help_source_url",
            default="The original article, when this news is relayed from elsewhere.",
        ),
        required=False,
    )


@implementer(ICommunityNews, ICommunityContent)
class CommunityNews(Item):
    """A news article."""
