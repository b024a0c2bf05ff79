"""A release (version) of a software solution."""

from osor.collection import _
from osor.collection.fields import SoftwareHeritageId
from osor.collection.interfaces import IOsorContent
from plone.app.dexterity.textindexer import searchable
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IRelease(model.Schema):
    """A version of a solution (ADMS-AP dcat:Dataset with dct:isVersionOf)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("version", "release_date", "development_status", "swhid")

    searchable("release_notes")

    version = schema.TextLine(
        title=_("label_version", default="Version"),
        description=_("help_version", default="The release number, for example 2.4.1."),
        required=True,
    )

    release_date = schema.Date(
        title=_("label_release_date", default="Release date"),
        required=False,
    )

    release_notes = RichText(
        title=_("label_release_notes", default="Release notes"),
        description=_("help_release_notes", default="What changed in this release."),
        required=False,
    )

    development_status = schema.Choice(
        title=_("label_release_status", default="Status"),
        description=_("help_release_status", default="The ADMS status of this release."),
        vocabulary="osor.collection.vocabularies.DevelopmentStatus",
        required=False,
    )

    swhid = SoftwareHeritageId(
        title=_("label_swhid", default="Software Heritage identifier (SWHID)"),
        description=_(
            "help_swhid",
            default="Where Software Heritage archives this release, for example "
            "swh:1:rel:22ece559cc7cc2364edc5e5593d63ae8bd229f9f;origin=https://github.com/example/project. "
            "Copy it from the archive's permalinks.",
        ),
        required=False,
    )


@implementer(IRelease, IOsorContent)
class Release(Container):
    """A release; holds its distributions."""
