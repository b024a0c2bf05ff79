from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from osor.collection import _
from osor.collection.fields import rows_need
from osor.collection.fields import WebAddress
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import Interface
from zope.interface import provider


class IContactPointRow(Interface):
    """One contact point (vCard kind): a name and a way to reach it."""

    # Needed in every row, checked by the list (fields.rows_need).
    name = schema.TextLine(
        title=_("label_contact_name", default="Name"),
        required=False,
    )
    email = Email(
        title=_("label_contact_email", default="E-mail"),
        required=False,
    )
    url = WebAddress(
        title=_("label_contact_url", default="Web page"),
        required=False,
    )


@provider(IFormFieldProvider)
class IContactPoint(model.Schema):
    """Who to contact about an item."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("contact_points")

    model.fieldset(
        "owner",
        label=_("fieldset_ownership", default="Owner and contact"),
        fields=["contact_points"],
    )

    directives.widget("contact_points", DataGridFieldFactory, allow_reorder=True)
    contact_points = schema.List(
        title=_("label_contact_points", default="Contact points"),
        description=_(
            "help_contact_points",
            default="People or functional mailboxes that answer questions about this item.",
        ),
        value_type=DictRow(title=_("Contact point"), schema=IContactPointRow),
        required=False,
        default=[],
        missing_value=[],
        constraint=rows_need(
            "name",
            _(
                "error_contact_point_without_name",
                default="Each contact point needs a name: fill in the name of the row, or remove the row.",
            ),
        ),
    )
