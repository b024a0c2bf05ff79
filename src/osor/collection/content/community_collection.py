"""The community collection: the container a community works in."""

from osor.collection import _
from osor.collection.fields import WebAddress
from osor.collection.interfaces import IOsorContent
from plone.app.dexterity.textindexer import searchable
from plone.app.multilingual.dx.directives import languageindependent
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ICommunityCollection(model.Schema):
    """A community collection, like a Joinup collection (dcat:Catalog)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("banner", "access_url")

    searchable("abstract")

    abstract = schema.Text(
        title=_("label_abstract", default="Abstract"),
        description=_(
            "help_abstract",
            default="A longer presentation shown on the collection's About page. "
            "When empty, the description is shown instead.",
        ),
        required=False,
    )

    banner = NamedBlobImage(
        title=_("label_banner", default="Banner"),
        description=_(
            "help_banner",
            default="A wide image (at least 1920 × 300 pixels) shown at the top of the collection.",
        ),
        required=False,
    )

    access_url = WebAddress(
        title=_("label_access_url", default="Access URL"),
        description=_(
            "help_access_url",
            default="The address of an external repository or web site of this community, if any.",
        ),
        required=False,
    )

    model.fieldset(
        "participation",
        label=_("fieldset_participation", default="Participation"),
        fields=["closed", "content_creation", "moderated", "outdated_after_months"],
    )

    closed = schema.Bool(
        title=_("label_closed", default="Closed collection"),
        description=_(
            "help_closed",
            default="In a closed collection a facilitator approves every request to join; "
            "in an open one, joining makes you a member at once.",
        ),
        required=False,
        default=False,
    )

    content_creation = schema.Choice(
        title=_("label_content_creation", default="Content creation"),
        description=_(
            "help_content_creation",
            default="Who may create content in this collection.",
        ),
        vocabulary="osor.collection.vocabularies.ContentCreation",
        required=True,
        default="only_members",
    )

    moderated = schema.Bool(
        title=_("label_moderated", default="Moderated"),
        description=_(
            "help_moderated",
            default="In a moderated collection, content by members waits for a facilitator's "
            "approval before it is published.",
        ),
        required=False,
        default=True,
    )

    outdated_after_months = schema.Int(
        title=_("label_outdated_after_months", default="Outdated after (months)"),
        description=_(
            "help_outdated_after_months",
            default="An item neither updated nor confirmed as still accurate for this many months "
            "tells its visitors that its information may be outdated.",
        ),
        required=False,
        min=1,
        max=120,
        default=18,
    )


@implementer(ICommunityCollection, IOsorContent)
class CommunityCollection(Container):
    """A community collection."""


def containing_collection(obj):
    """The community collection ``obj`` lives in (or is), or None."""
    for candidate in getattr(obj, "aq_chain", ()):
        if ICommunityCollection.providedBy(candidate):
            return candidate
    return None
