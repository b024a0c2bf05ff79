"""A question to the legal coaching service, and its answer."""

from osor.collection import _
from osor.collection.fields import LicenceExpression
from osor.collection.interfaces import IOsorContent
from osor.collection.licences.spdx import licence_ids_in
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import LEGAL_REQUEST_CATEGORY
from plone.app.dexterity.textindexer import searchable
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ILegalRequest(model.Schema):
    """A licensing question and the legal expert's answer."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("category", "licences", "answered_on")

    searchable("question")

    title = schema.TextLine(
        title=_("label_legal_subject", default="Subject"),
        description=_("help_legal_subject", default="Your question in one line."),
        required=True,
    )

    question = RichText(
        title=_("label_legal_question", default="Question"),
        description=_(
            "help_legal_question",
            default="Describe your project, the components and licences involved, and what you need to know.",
        ),
        required=True,
    )

    category = schema.Choice(
        title=_("label_legal_category", default="Category"),
        vocabulary=field_vocabulary(LEGAL_REQUEST_CATEGORY),
        required=True,
    )

    directives.widget("licences", Select2FieldWidget)
    licences = schema.List(
        title=_("label_licences_concerned", default="Licences concerned"),
        description=_(
            "help_licences_concerned",
            default="The licences your question is about, as SPDX identifiers.",
        ),
        value_type=schema.Choice(vocabulary="osor.collection.vocabularies.Licences"),
        required=False,
        default=[],
        missing_value=[],
    )

    licence_expression = LicenceExpression(
        title=_("label_licence_expression", default="Licence expression"),
        description=_(
            "help_licence_expression",
            default="Or an SPDX expression, for example “MIT OR Apache-2.0” or "
            "“GPL-2.0-or-later WITH Classpath-exception-2.0”.",
        ),
        required=False,
    )

    consent = schema.Bool(
        title=_(
            "label_legal_consent",
            default="My question may be published anonymously as a FAQ",
        ),
        description=_(
            "help_legal_consent",
            default="A legal expert may then publish the question and its answer, "
            "without your name or e-mail address, in the public Legal FAQ.",
        ),
        required=False,
        default=False,
    )

    model.fieldset(
        "answer",
        label=_("fieldset_answer", default="Answer"),
        fields=["taken_by", "answer", "answered_by", "answered_on"],
    )

    # Only reviewers (the legal experts) write the answer.
    directives.write_permission(
        taken_by="cmf.ReviewPortalContent",
        answer="cmf.ReviewPortalContent",
        answered_by="cmf.ReviewPortalContent",
        answered_on="cmf.ReviewPortalContent",
    )

    # Filled in by the "take" transition (legal/workflow.py).
    taken_by = schema.TextLine(
        title=_("label_legal_taken_by", default="Handled by"),
        description=_("help_legal_taken_by", default="The legal expert who took the request."),
        required=False,
    )

    answer = RichText(
        title=_("label_legal_answer", default="Answer"),
        required=False,
    )

    answered_by = schema.TextLine(
        title=_("label_answered_by", default="Answered by"),
        required=False,
    )

    answered_on = schema.Date(
        title=_("label_answered_on", default="Answered on"),
        required=False,
    )


@implementer(ILegalRequest, IOsorContent)
class LegalRequest(Item):
    """A legal request.

    Private to its requester, the legal experts and site administrators:
    local roles granted on the collection (its groups, its sharing) are not
    acquired, so only the workflow's role map decides who sees it.
    """

    __ac_local_roles_block__ = True


def licences_of(request) -> list[str]:
    """The licences of a legal request: those chosen and those of its expression."""
    licences = list(request.licences or [])
    expression = getattr(request, "licence_expression", None) or ""
    return licences + [spdx_id for spdx_id in licence_ids_in(expression) if spdx_id not in licences]
