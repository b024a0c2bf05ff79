"""Install and uninstall hooks."""

from collective.taxonomy.interfaces import ITaxonomy
from osor.collection import logger
from osor.collection.vocabularies.taxonomies import taxonomy_names
from osor.collection.vocabularies.taxonomies import vocabulary_name
from plone import api
from plone.base.interfaces import INonInstallable
from plone.behavior.interfaces import IBehavior
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the Add-ons control panel."""
        return ["osor.collection:uninstall"]

    def getNonInstallableProducts(self):
        return []


def post_install(tool) -> None:
    """Undo what collective.taxonomy's import step adds for a generated behavior.

    The import step registers a behavior per taxonomy
    (``collective.taxonomy.generated.<name>``) with a ``taxonomy_<name>``
    catalog index, metadata column and Collection criterion. Our types do not
    use these behaviors: our own fields (``topics``, ``spatial_coverage``...)
    use the taxonomies as vocabularies and have their ``osor_*`` indexes, so
    the generated index would stay empty and its criterion would find nothing.
    The behaviors themselves stay registered (the taxonomy control panel
    expects them).
    """
    site_manager = api.portal.get().getSiteManager()
    catalog = api.portal.get_tool("portal_catalog")
    for name in taxonomy_names():
        behavior = site_manager.queryUtility(
            IBehavior, name=f"collective.taxonomy.generated.{name}"
        )
        if behavior is None:
            continue
        behavior.deactivateSearchable()
        behavior.removeIndex()
        if behavior.field_name in catalog.schema():
            catalog.delColumn(behavior.field_name)


def remove_taxonomies(site) -> list[str]:
    """Unregister our taxonomies, as collective.taxonomy's control panel
    deletes one; return the names removed. Other taxonomies stay."""
    site_manager = site.getSiteManager()
    removed = []
    for name in taxonomy_names():
        utility_name = vocabulary_name(name)
        taxonomy = site_manager.queryUtility(ITaxonomy, name=utility_name)
        if taxonomy is None:
            continue
        taxonomy.unregisterBehavior()
        site_manager.unregisterUtility(taxonomy, ITaxonomy, name=utility_name)
        site_manager.unregisterUtility(taxonomy, IVocabularyFactory, name=utility_name)
        site_manager.unregisterUtility(taxonomy, ITranslationDomain, name=utility_name)
        removed.append(name)
    return removed


def uninstall(tool) -> None:
    removed = remove_taxonomies(api.portal.get())
    logger.info("Removed the taxonomies %s", ", ".join(removed))
