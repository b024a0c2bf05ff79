"""A distribution: one downloadable file or external address of a release."""

from BTrees.Length import Length
from ComputedAttribute import ComputedAttribute
from osor.collection import _
from osor.collection.fields import WebAddress
from osor.collection.interfaces import IOsorContent
from pathlib import PurePosixPath
from plone.app.multilingual.dx.directives import languageindependent
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


# Archive extensions of two parts: "x-1.0.tar.gz" is a TAR.GZ, not a GZ.
COMPOUND_EXTENSIONS = (".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst")


class IDistribution(model.Schema):
    """A distribution of a release (ADMS-AP dcat:Distribution)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("file", "access_url", "licence", "file_format")

    file = NamedBlobFile(
        title=_("label_distribution_file", default="File"),
        description=_(
            "help_distribution_file",
            default="Upload the file, or give an access URL below, not both.",
        ),
        required=False,
    )

    access_url = WebAddress(
        title=_("label_distribution_access_url", default="Access URL"),
        description=_(
            "help_distribution_access_url",
            default="Where the distribution can be downloaded, when it is not uploaded here.",
        ),
        required=False,
    )

    licence = schema.Choice(
        title=_("label_licence", default="Licence"),
        description=_("help_licence", default="The SPDX identifier of the licence."),
        vocabulary="osor.collection.vocabularies.Licences",
        required=False,
    )

    file_format = schema.TextLine(
        title=_("label_format", default="Format"),
        description=_(
            "help_format",
            default="The file format, for example ZIP, TAR.GZ or a container image. "
            "Taken from the uploaded file when left empty.",
        ),
        required=False,
    )

    file_size = schema.Int(
        title=_("label_file_size", default="File size (bytes)"),
        description=_("help_file_size", default="Computed from the uploaded file."),
        readonly=True,
        required=False,
    )

    download_count = schema.Int(
        title=_("label_download_count", default="Downloads"),
        readonly=True,
        required=False,
    )

    @invariant
    def file_or_access_url(data):
        has_file = bool(getattr(data, "file", None))
        has_url = bool(getattr(data, "access_url", None))
        if has_file == has_url:
            raise Invalid(
                _(
                    "error_file_or_access_url",
                    default="Give either a file or an access URL: exactly one of the two.",
                )
            )


@implementer(IDistribution, IOsorContent)
class Distribution(Item):
    """A distribution of a release."""

    @property
    def file_size(self):
        return self.file.getSize() if self.file else None

    @property
    def download_count(self) -> int:
        counter = self.__dict__.get("_downloads")
        return counter() if counter is not None else 0

    def record_download(self):
        """Count one download.

        A BTrees Length resolves concurrent increments instead of raising
        ConflictError, so popular downloads do not fail under load.
        """
        if self.__dict__.get("_downloads") is None:
            self._downloads = Length()
        self._downloads.change(1)

    def _download_url(self) -> str:
        """The address users should follow to get the distribution."""
        if self.file:
            return f"{self.absolute_url()}/@@download/file/{self.file.filename}"
        return self.access_url

    # Not a ``property``: a property gets the object without its acquisition
    # wrapper, so ``absolute_url()`` would not know where the object lives.
    download_url = ComputedAttribute(_download_url, 1)


def format_of(filename: str) -> str | None:
    """The format of a file, from its name: ``ZIP``, ``TAR.GZ``..."""
    name = filename.lower()
    for extension in COMPOUND_EXTENSIONS:
        if name.endswith(extension):
            return extension[1:].upper()
    return PurePosixPath(name).suffix[1:].upper() or None


def fill_in_format(distribution, event):
    """Take the format from the uploaded file when the editor left it empty."""
    if not distribution.file_format and distribution.file and distribution.file.filename:
        distribution.file_format = format_of(distribution.file.filename)
