"""A case study: how administrations use open source, and what they learned."""

from osor.collection import _
from osor.collection.interfaces import ICommunityContent
from plone.app.dexterity.textindexer import searchable
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.textfield import RichText
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


class ICaseStudy(model.Schema):
    """A case study. Its countries are its spatial coverage (osor.spatial_coverage)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("administration_level", "year")

    searchable("body", "outcomes", "lessons_learned")

    body = RichText(
        title=_("label_case_study_body", default="Case study"),
        description=_("help_case_study_body", default="The full story."),
        required=False,
    )

    administrations = schema.List(
        title=_("label_administrations", default="Administrations involved"),
        description=_(
            "help_administrations",
            default="The public administrations involved, one per line.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )

    administration_level = schema.Choice(
        title=_("label_administration_level", default="Level of government"),
        description=_(
            "help_administration_level",
            default="The level of the administrations involved.",
        ),
        vocabulary="osor.collection.vocabularies.AdministrationLevel",
        required=False,
    )

    year = schema.Int(
        title=_("label_year", default="Year"),
        description=_("help_year", default="The year the case took place or was reported."),
        min=1980,
        max=2100,
        required=False,
    )

    solutions_used = RelationList(
        title=_("label_solutions_used", default="Solutions used"),
        description=_(
            "help_solutions_used",
            default="The software solutions of this observatory used in the case.",
        ),
        value_type=RelationChoice(
            vocabulary=StaticCatalogVocabulary({"portal_type": ["software_solution"]}),
        ),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget(
        "solutions_used",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["software_solution"]},
    )

    outcomes = RichText(
        title=_("label_outcomes", default="Outcomes"),
        description=_("help_outcomes", default="What the administrations achieved."),
        required=False,
    )

    lessons_learned = RichText(
        title=_("label_lessons_learned", default="Lessons learned"),
        description=_(
            "help_lessons_learned",
            default="What others can learn from this case.",
        ),
        required=False,
    )


@implementer(ICaseStudy, ICommunityContent)
class CaseStudy(Container):
    """A case study; holds its attachments."""
