from osor.collection import _
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform.interfaces import IFormFieldProvider
from plone.indexer import indexer
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IOwnerOrganisation(model.Schema):
    """The organisation that owns an item (ADMS publisher)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("owner_type")

    # Not Plone's "ownership" fieldset: Dublin Core's creators, contributors
    # and rights would join ours there, under "Owner and contact".
    model.fieldset(
        "owner",
        label=_("fieldset_ownership", default="Owner and contact"),
        fields=["owner_name", "owner_type"],
    )

    owner_name = schema.TextLine(
        title=_("label_owner_name", default="Owner organisation"),
        description=_(
            "help_owner_name",
            default="The organisation that owns or publishes this item.",
        ),
        required=False,
    )

    owner_type = schema.Choice(
        title=_("label_owner_type", default="Type of owner"),
        description=_(
            "help_owner_type",
            default="What kind of organisation the owner is.",
        ),
        vocabulary="osor.collection.vocabularies.OwnerType",
        required=False,
    )


@indexer(IOwnerOrganisation)
def owner_type_indexer(obj):
    return obj.owner_type
