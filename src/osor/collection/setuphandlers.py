"""Install and uninstall hooks (the work is done in ``install/``)."""

from collective.taxonomy.interfaces import ITaxonomy
from osor.collection import logger
from osor.collection.install import discussion
from osor.collection.install import groups
from osor.collection.install import navigation
from osor.collection.install import our_content
from osor.collection.install import roles
from osor.collection.install import search
from osor.collection.legal import experts as legal_experts
from osor.collection.vocabularies.taxonomies import taxonomy_names
from osor.collection.vocabularies.taxonomies import vocabulary_name
from plone import api
from plone.base.interfaces import INonInstallable
from plone.behavior.interfaces import IBehavior
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer.interfaces import IIndexer
from Products.ZCatalog.interfaces import IZCatalog
from zope.i18n.interfaces import ITranslationDomain
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall and caching-proxy profiles from the Add-ons control panel."""
        return ["osor.collection:uninstall", "osor.collection:with-caching-proxy"]

    def getNonInstallableProducts(self):
        return []


def pre_install(tool) -> None:
    """Remember what the profile's import steps are about to change."""
    discussion.remember_comment_setting()


def post_install(tool) -> None:
    """Finish the install: see ``install/`` for each step."""
    remove_generated_taxonomy_indexes()
    roles.register_roles()
    legal_experts.ensure_experts_group()
    navigation.show_in_navigation()
    search.hide_internal_types_from_search()
    restored = our_content.restore_our_types()
    if restored:
        logger.info("Restored %d items kept while uninstalled", len(restored))
    reindexed = our_content.reindex_our_content()
    logger.info("Indexed %d existing items in our indexes", reindexed)


def remove_generated_taxonomy_indexes() -> None:
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
        behavior = site_manager.queryUtility(IBehavior, name=f"collective.taxonomy.generated.{name}")
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
        _unregister_generated_behavior(site_manager, taxonomy)
        site_manager.unregisterUtility(taxonomy, ITaxonomy, name=utility_name)
        site_manager.unregisterUtility(taxonomy, IVocabularyFactory, name=utility_name)
        site_manager.unregisterUtility(taxonomy, ITranslationDomain, name=utility_name)
        removed.append(name)
    return removed


def _unregister_generated_behavior(site_manager, taxonomy) -> None:
    """``taxonomy.unregisterBehavior()`` without deleting the catalog index
    ``post_install`` already removed (collective.taxonomy would log "Could
    not delete index ... something is not right" for each taxonomy)."""
    name = taxonomy.getGeneratedName()
    behavior = site_manager.queryUtility(IBehavior, name=name)
    if behavior is None:
        return
    taxonomy.cleanupFTI()
    if behavior.field_name in api.portal.get_tool("portal_catalog").indexes():
        behavior.removeIndex()
    else:
        site_manager.unregisterAdapter(
            factory=None,
            required=(IDexterityContent, IZCatalog),
            provided=IIndexer,
            name=behavior.field_name,
        )
    behavior.deactivateSearchable()
    behavior.unregisterInterface()
    site_manager.unregisterUtility(behavior, IBehavior, name=name)


def uninstall(tool) -> None:
    """Remove what install added, restore what it changed (see README)."""
    removed = remove_taxonomies(api.portal.get())
    logger.info("Removed the taxonomies %s", ", ".join(removed))
    kept = our_content.keep_as_plain_content()
    if kept:
        logger.info("Kept %d items of our types as plain folders and pages", len(kept))
    removed_groups = groups.remove_collection_groups()
    logger.info("Removed %d collection groups", len(removed_groups))
    legal_experts.remove_experts_group()
    roles.remove_roles()
    navigation.hide_from_navigation()
    discussion.restore_comment_setting()
