from osor.collection import _
from osor.collection.vocabularies.taxonomies import field_vocabulary
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from plone.app.multilingual.dx.directives import languageindependent
from plone.app.z3cform.widgets.select import Select2FieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.indexer import indexer
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ISpatialCoverage(model.Schema):
    """The countries (or the whole EU / the world) an item concerns
    (the ``osor_spatial_coverage`` taxonomy)."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("spatial_coverage")

    directives.widget("spatial_coverage", Select2FieldWidget)
    spatial_coverage = schema.List(
        title=_("label_spatial_coverage", default="Spatial coverage"),
        description=_(
            "help_spatial_coverage",
            default="The countries this item concerns, or the European Union or worldwide.",
        ),
        value_type=schema.Choice(vocabulary=field_vocabulary(SPATIAL_COVERAGE)),
        required=False,
        default=[],
        missing_value=[],
    )


@indexer(ISpatialCoverage)
def countries_indexer(obj):
    return obj.spatial_coverage or []
