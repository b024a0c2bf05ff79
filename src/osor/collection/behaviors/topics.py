from osor.collection import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.indexer import indexer
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ITopics(model.Schema):
    """The policy domains an item is about."""

    directives.widget("topics", CheckBoxFieldWidget)
    topics = schema.List(
        title=_("label_topics", default="Topics"),
        description=_(
            "help_topics",
            default="The policy domains this item is about; used for browsing and search.",
        ),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Topics"),
        required=False,
        default=[],
        missing_value=[],
    )


@indexer(ITopics)
def topics_indexer(obj):
    return obj.topics or []
