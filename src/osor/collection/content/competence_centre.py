"""A competence centre on open source or open standards."""

from osor.collection import _
from osor.collection.fields import WebAddress
from osor.collection.interfaces import ICommunityContent
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class ICompetenceCentre(model.Schema):
    """A resource centre where administrations get help with open source."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent(
        "country",
        "region",
        "postal_address",
        "latitude",
        "longitude",
        "website",
        "email",
        "focus",
        "kind",
        "languages_served",
    )

    country = schema.Choice(
        title=_("label_country", default="Country"),
        vocabulary="osor.collection.vocabularies.Countries",
        required=True,
    )

    region = schema.TextLine(
        title=_("label_region", default="Region or city"),
        required=False,
    )

    postal_address = schema.Text(
        title=_("label_postal_address", default="Postal address"),
        required=False,
    )

    latitude = schema.Float(
        title=_("label_latitude", default="Latitude"),
        description=_("help_latitude", default="In decimal degrees (WGS 84), from -90 to 90."),
        min=-90.0,
        max=90.0,
        required=False,
    )

    longitude = schema.Float(
        title=_("label_longitude", default="Longitude"),
        description=_(
            "help_longitude",
            default="In decimal degrees (WGS 84), from -180 to 180.",
        ),
        min=-180.0,
        max=180.0,
        required=False,
    )

    website = WebAddress(
        title=_("label_website", default="Web site"),
        required=False,
    )

    email = Email(
        title=_("label_email", default="E-mail"),
        required=False,
    )

    focus = schema.Choice(
        title=_("label_focus", default="Focus"),
        vocabulary="osor.collection.vocabularies.CompetenceCentreFocus",
        required=False,
    )

    kind = schema.Choice(
        title=_("label_kind", default="Kind of organisation"),
        vocabulary="osor.collection.vocabularies.CompetenceCentreKind",
        required=False,
    )

    directives.widget("languages_served", Select2FieldWidget)
    languages_served = schema.List(
        title=_("label_languages_served", default="Languages served"),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Languages"),
        required=False,
        default=[],
        missing_value=[],
    )

    services_offered = schema.List(
        title=_("label_services_offered", default="Services offered"),
        description=_(
            "help_services_offered",
            default="One per line, for example training, legal advice or code hosting.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    @invariant
    def coordinates_come_in_pairs(data):
        latitude = getattr(data, "latitude", None)
        longitude = getattr(data, "longitude", None)
        if (latitude is None) != (longitude is None):
            raise Invalid(
                _(
                    "error_coordinates_pair",
                    default="Give both latitude and longitude, or neither.",
                )
            )


@implementer(ICompetenceCentre, ICommunityContent)
class CompetenceCentre(Item):
    """A competence centre."""
