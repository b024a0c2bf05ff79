"""Upgrade 1004 → 1005 (#30): the observatory in the 24 EU languages.

- Every taxonomy gets its labels in the 24 languages, and the country names
  of the spatial coverage come from CLDR: each taxonomy's terms are read
  again from the profile's VDEX file, language by language. Only the term
  data is replaced (tokens do not change, so no content changes); the
  behaviors collective.taxonomy registered stay as they are, which a rerun
  of its import step would not guarantee.
- The cached pages' ETags vary with the interface language
  (``osorInterfaceLanguage``), so that a visitor who switches it never gets
  a 304 for the page in her previous language.
"""

from collective.taxonomy.exportimport import TaxonomyImportExportAdapter
from collective.taxonomy.interfaces import ITaxonomy
from osor.collection import logger
from osor.collection.vocabularies.taxonomies import PROFILE_DIRECTORY
from osor.collection.vocabularies.taxonomies import taxonomy_names
from osor.collection.vocabularies.taxonomies import vocabulary_name
from plone import api
from zope.component import queryUtility


INTERFACE_LANGUAGE_ETAG = "osorInterfaceLanguage"
CACHED_PAGE_ETAGS = (
    "plone.app.caching.weakCaching.osor.page.etags",
    "plone.app.caching.strongCaching.osor.feed.etags",
    "plone.app.caching.terseCaching.osor.search.etags",
)


def relabel_taxonomies(context=None) -> None:
    for name in taxonomy_names():
        taxonomy = queryUtility(ITaxonomy, name=vocabulary_name(name))
        if taxonomy is None:
            continue
        document = (PROFILE_DIRECTORY / f"{name}.xml").read_bytes()
        TaxonomyImportExportAdapter(api.portal.get()).importDocument(taxonomy, document, clear=True)
        logger.info("Relabelled the taxonomy %s in %d languages", name, len(taxonomy.data))


def vary_etags_with_interface_language(context=None) -> None:
    for record in CACHED_PAGE_ETAGS:
        etags = api.portal.get_registry_record(record, default=None)
        if etags is not None and INTERFACE_LANGUAGE_ETAG not in etags:
            api.portal.set_registry_record(record, (*etags, INTERFACE_LANGUAGE_ETAG))
