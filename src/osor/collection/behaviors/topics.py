from osor.collection import _
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import TOPICS
from osor.collection.vocabularies.taxonomies import with_ancestors
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.indexer import indexer
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ITopics(model.Schema):
    """The policy domains an item is about (the ``osor_topics`` taxonomy)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("topics")

    # A searchable multiple select (each term reads "Theme » Topic") rather
    # than some thirty checkboxes in one flat list.
    directives.widget("topics", Select2FieldWidget)
    topics = schema.List(
        title=_("label_topics", default="Topics"),
        description=_(
            "help_topics",
            default="The policy domains this item is about; used for browsing and search.",
        ),
        value_type=schema.Choice(vocabulary=field_vocabulary(TOPICS)),
        required=False,
        default=[],
        missing_value=[],
    )


@indexer(ITopics)
def topics_indexer(obj):
    """The topics and their parent topics: searching for a theme finds the
    items tagged with one of its sub-topics."""
    return with_ancestors(TOPICS, obj.topics or [])
