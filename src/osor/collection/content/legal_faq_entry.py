"""A Legal FAQ entry: an anonymised question and answer of the legal
coaching service, published with the requester's consent (legal/faq.py)."""

from osor.collection import _
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import LEGAL_REQUEST_CATEGORY
from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ILegalFaqEntry(model.Schema):
    """A question and its answer, without the requester's identity."""

    searchable("question", "answer")

    title = schema.TextLine(title=_("label_legal_subject", default="Subject"), required=True)

    question = RichText(title=_("label_legal_question", default="Question"), required=True)

    answer = RichText(title=_("label_legal_answer", default="Answer"), required=True)

    category = schema.Choice(
        title=_("label_legal_category", default="Category"),
        vocabulary=field_vocabulary(LEGAL_REQUEST_CATEGORY),
        required=True,
    )

    # As on the legal request it comes from: one searchable list, whose
    # chosen values are named (z3c.form's default from/to lists are not).
    directives.widget("licences", Select2FieldWidget)
    licences = schema.List(
        title=_("label_licences_concerned", default="Licences concerned"),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Licences"),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(ILegalFaqEntry)
class LegalFaqEntry(Item):
    """A Legal FAQ entry."""
