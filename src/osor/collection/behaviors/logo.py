from osor.collection import _
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope.interface import provider


@provider(IFormFieldProvider)
class ILogo(model.Schema):
    """A square logo shown on tiles and in the header of groups and solutions."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("logo")

    logo = NamedBlobImage(
        title=_("label_logo", default="Logo"),
        description=_(
            "help_logo",
            default="A square image, at least 200 × 200 pixels, shown on tiles and headers.",
        ),
        required=False,
    )
