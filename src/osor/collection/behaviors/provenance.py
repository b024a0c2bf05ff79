"""Where a solution harvested from another catalogue came from.

The federation importer (``interop/federation``) sets these fields; people
never edit them (they are read-only and left out of the add and edit
forms), and a re-import finds the solution again by ``original_uri``.
The DCAT-AP export reads them back as ``prov:`` statements.
"""

from osor.collection import _
from osor.collection.fields import WebAddress
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


PROVENANCE_FIELDS = ("source_catalogue", "original_uri", "harvested")


@provider(IFormFieldProvider)
class IProvenance(model.Schema):
    """The catalogue an item was harvested from, its URI there, and when."""

    languageindependent(*PROVENANCE_FIELDS)
    # Set by the importer only: not in the forms, and readonly so that
    # plone.restapi's deserializer never writes them either.
    directives.omitted(*PROVENANCE_FIELDS)

    source_catalogue = schema.TextLine(
        title=_("label_source_catalogue", default="Source catalogue"),
        description=_(
            "help_source_catalogue",
            default="The catalogue this item was harvested from (its URI or title).",
        ),
        required=False,
        readonly=True,
    )

    # http(s) only: the importer refuses any other subject URI.
    original_uri = WebAddress(
        title=_("label_original_uri", default="Original URI"),
        description=_(
            "help_original_uri",
            default="The URI of this item in the catalogue it was harvested from.",
        ),
        required=False,
        readonly=True,
    )

    harvested = schema.Datetime(
        title=_("label_harvested", default="Harvested"),
        description=_("help_harvested", default="When this item was last imported."),
        required=False,
        readonly=True,
    )


def provenance_of(obj) -> dict | None:
    """The provenance of ``obj`` when it was harvested, else None."""
    original_uri = getattr(obj, "original_uri", None)
    if not original_uri:
        return None
    return {
        "source_catalogue": getattr(obj, "source_catalogue", None),
        "original_uri": original_uri,
        "harvested": getattr(obj, "harvested", None),
    }
