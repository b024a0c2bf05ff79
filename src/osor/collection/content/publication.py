"""A publication: a handbook, report, factsheet or other document."""

from osor.collection import _
from osor.collection.fields import WebAddress
from osor.collection.interfaces import ICommunityContent
from plone.app.multilingual.dx.directives import languageindependent
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IPublication(model.Schema):
    """A document the community publishes, such as the OSOR handbook."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("publication_type", "publication_date", "file", "external_url", "licence")

    publication_type = schema.Choice(
        title=_("label_publication_type", default="Type of publication"),
        vocabulary="osor.collection.vocabularies.PublicationType",
        required=True,
        default="report",
    )

    publication_date = schema.Date(
        title=_("label_publication_date", default="Publication date"),
        required=False,
    )

    file = NamedBlobFile(
        title=_("label_publication_file", default="File"),
        description=_(
            "help_publication_file",
            default="Upload the document, or give its address below.",
        ),
        required=False,
    )

    external_url = WebAddress(
        title=_("label_external_url", default="Address"),
        description=_(
            "help_external_url",
            default="Where the document is published, when it is not uploaded here.",
        ),
        required=False,
    )

    licence = schema.Choice(
        title=_("label_licence", default="Licence"),
        description=_("help_publication_licence", default="The licence of the document (SPDX)."),
        vocabulary="osor.collection.vocabularies.Licences",
        required=False,
    )

    @invariant
    def file_or_external_url(data):
        if not (getattr(data, "file", None) or getattr(data, "external_url", None)):
            raise Invalid(
                _(
                    "error_publication_needs_document",
                    default="Upload the document or give its address.",
                )
            )


@implementer(IPublication, ICommunityContent)
class Publication(Item):
    """A publication."""
