from osor.collection import _
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import STAKEHOLDER_TYPE
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.indexer import indexer
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IStakeholders(model.Schema):
    """Who an item is for (the ``osor_stakeholder_type`` taxonomy)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("stakeholders")

    directives.widget("stakeholders", CheckBoxFieldWidget)
    stakeholders = schema.List(
        title=_("label_stakeholders", default="Target audience"),
        description=_(
            "help_stakeholders",
            default="The stakeholders this item is meant for.",
        ),
        value_type=schema.Choice(vocabulary=field_vocabulary(STAKEHOLDER_TYPE)),
        required=False,
        default=[],
        missing_value=[],
    )


@indexer(IStakeholders)
def stakeholders_indexer(obj):
    return obj.stakeholders or []
