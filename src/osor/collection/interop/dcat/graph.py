"""The site, its collections and their solutions as DCAT-AP 3 / ADMS-AP RDF.

- The site, a language root folder and a community collection are each a
  ``dcat:Catalog``; the site's catalog lists the collections' catalogs
  (``dcat:catalog``) and every solution (``dcat:dataset``).
- A software solution is a ``dcat:Dataset`` and an ``adms:Asset``; each
  release is one too, ``dct:isVersionOf`` its solution, and each
  distribution of a release a ``dcat:Distribution``.

Persistent URIs: every resource is named ``<portal URL>/resolveuid/<UID>``.
The UID never changes when an item is renamed or moved, and Plone's own
``resolveuid`` view redirects that address to the item's current page, so
the URI is both stable and dereferenceable. (A site without a UID, before
Plone 6, would be named by its URL.)

Only what Anonymous may see is exported (``selection.py``). Values go
through ``vocabularies.py`` to the EU / ADMS vocabularies; a value with no
counterpart there is left out rather than guessed. Every URI used as a
class instance (themes, countries, languages, licences, formats…) is typed
in the graph as DCAT-AP's range constraints require, so that the output
validates against the official SHACL shapes on its own.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from html import unescape
from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.content.software_solution import repositories_of
from osor.collection.fields import software_heritage_url
from osor.collection.interop.dcat import selection
from osor.collection.interop.dcat import vocabularies
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.uuid.interfaces import IUUID
from rdflib import BNode
from rdflib import Graph
from rdflib import Literal
from rdflib import Namespace
from rdflib import URIRef
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import FOAF
from rdflib.namespace import OWL
from rdflib.namespace import PROV
from rdflib.namespace import RDF
from rdflib.namespace import SKOS
from rdflib.namespace import XSD

import re


ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SOFTWARE_HERITAGE = "Software Heritage"
# DCAT 3's dcat:version, which rdflib's (DCAT 2) closed namespace lacks.
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")

PREFIXES = {
    "adms": ADMS,
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "skos": SKOS,
    "vcard": VCARD,
    "xsd": XSD,
}

# Characters an IRI may not contain (RFC 3987): free-text values that are
# not addresses are left out rather than written as broken IRIs.
_NOT_IN_IRI = re.compile(r'[\s<>"{}|\\^`]')
_TAGS = re.compile(r"<[^>]+>")
# Characters XML 1.0 cannot carry (RDF/XML would be unreadable with them).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def new_graph() -> Graph:
    # Only the prefixes we use ("core": rdf, rdfs, xsd, owl), not rdflib's thirty.
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def web_address(value) -> URIRef | None:
    """``value`` as an IRI when it is an http(s) or mailto address."""
    value = (value or "").strip() if isinstance(value, str) else ""
    if not value or _NOT_IN_IRI.search(value):
        return None
    if not value.startswith(("http://", "https://", "mailto:")):
        return None
    return URIRef(value)


def text_literal(value: str, lang: str | None = None) -> Literal:
    """A string literal every serialisation can carry."""
    return Literal(_NOT_IN_XML.sub("", value), lang=lang)


def plain_text(html: str | None) -> str:
    """The text of an HTML fragment, on one line."""
    return " ".join(unescape(_TAGS.sub(" ", html or "")).split())


def _rich_text(value) -> str:
    return plain_text(getattr(value, "raw", None) or "")


def date_literal(value) -> Literal | None:
    """An ``xsd:date`` or ``xsd:dateTime`` literal of a Zope or Python date."""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return Literal(value.replace(microsecond=0), datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    return None


class DcatExport:
    """Builds one graph; ``add_catalog`` and ``add_solution`` fill it."""

    def __init__(self, portal=None):
        self.portal = portal or api.portal.get()
        self.portal_url = self.portal.absolute_url()
        self.graph = new_graph()
        self.default_language = api.portal.get_default_language() or "en"
        self._typed = set()

    # Names -----------------------------------------------------------------

    def uri(self, obj) -> URIRef:
        """The persistent URI of ``obj`` (see the module's docstring)."""
        uid = IUUID(obj, None)
        return self.uri_of_uid(uid) if uid else URIRef(obj.absolute_url())

    def uri_of_uid(self, uid: str) -> URIRef:
        return URIRef(f"{self.portal_url}/resolveuid/{uid}")

    def _language(self, obj) -> str:
        language = getattr(obj, "Language", None)
        return (language() if callable(language) else None) or self.default_language

    def _text(self, value: str, obj) -> Literal:
        return text_literal(value, self._language(obj))

    # Typed vocabulary nodes -------------------------------------------------

    def _instance(self, uri: str | URIRef | None, rdf_class) -> URIRef | None:
        """``uri`` declared as an instance of ``rdf_class`` (once)."""
        if not uri:
            return None
        node = URIRef(uri)
        if (node, rdf_class) not in self._typed:
            self._typed.add((node, rdf_class))
            self.graph.add((node, RDF.type, rdf_class))
        return node

    def _link(self, subject, predicate, uri, rdf_class):
        node = self._instance(uri, rdf_class)
        if node is not None:
            self.graph.add((subject, predicate, node))

    def _concept(self, subject, predicate, concept: vocabularies.Concept | None) -> URIRef | None:
        if concept is None:
            return None
        node = URIRef(concept.uri)
        if (node, SKOS.Concept) not in self._typed:
            self._instance(node, SKOS.Concept)
            self.graph.add((node, SKOS.prefLabel, Literal(concept.label, lang="en")))
        self.graph.add((subject, predicate, node))
        return node

    def _theme_scheme(self) -> URIRef:
        uri, title = vocabularies.theme_scheme()
        scheme = URIRef(uri)
        if (scheme, SKOS.ConceptScheme) not in self._typed:
            self._instance(scheme, SKOS.ConceptScheme)
            self.graph.add((scheme, DCTERMS.title, Literal(title, lang="en")))
        return scheme

    # Shared properties ------------------------------------------------------

    def _describe(self, node, obj, fallback_description: str = ""):
        """Title, description (mandatory: the title when there is none), dates."""
        graph = self.graph
        title = obj.Title() or obj.getId()
        graph.add((node, DCTERMS.title, self._text(title, obj)))
        description = obj.Description() or fallback_description or title
        graph.add((node, DCTERMS.description, self._text(description, obj)))
        # Published items have an effective date unless nobody set one.
        issued = date_literal(getattr(obj, "effective_date", None) or getattr(obj, "creation_date", None))
        if issued is not None:
            graph.add((node, DCTERMS.issued, issued))
        modified = date_literal(getattr(obj, "modification_date", None))
        if modified is not None:
            graph.add((node, DCTERMS.modified, modified))

    def _agent(self, name: str, owner_type: str | None = None) -> BNode:
        agent = BNode()
        self.graph.add((agent, RDF.type, FOAF.Agent))
        self.graph.add((agent, FOAF.name, text_literal(name)))
        self._concept(agent, DCTERMS.type, vocabularies.publisher_type(owner_type))
        return agent

    def _owner(self, obj) -> BNode | None:
        name = (getattr(obj, "owner_name", None) or "").strip()
        return self._agent(name, getattr(obj, "owner_type", None)) if name else None

    def _site_publisher(self) -> BNode:
        return self._agent(self.portal.Title() or self.portal.getId())

    def _contact_points(self, node, obj):
        for row in getattr(obj, "contact_points", None) or []:
            name = (row.get("name") or "").strip()
            if not name:
                continue
            contact = BNode()
            self.graph.add((node, DCAT.contactPoint, contact))
            self.graph.add((contact, RDF.type, VCARD.Kind))
            self.graph.add((contact, VCARD.fn, text_literal(name)))
            email = web_address(f"mailto:{row['email']}") if row.get("email") else None
            if email is not None:
                self.graph.add((contact, VCARD.hasEmail, email))
            url = web_address(row.get("url"))
            if url is not None:
                self.graph.add((contact, VCARD.hasURL, url))

    def _coverage(self, node, obj):
        for token in getattr(obj, "spatial_coverage", None) or []:
            self._link(node, DCTERMS.spatial, vocabularies.country_uri(token), DCTERMS.Location)
        for topic in getattr(obj, "topics", None) or []:
            theme = self._concept(node, DCAT.theme, vocabularies.theme(topic))
            if theme is not None:
                self.graph.add((theme, SKOS.inScheme, self._theme_scheme()))

    def _page(self, node, predicate, url):
        self._link(node, predicate, web_address(url), FOAF.Document)

    # Catalogs -----------------------------------------------------------------

    def add_catalog(self, container) -> URIRef:
        """``container`` (the site, a language root or a collection) as a
        ``dcat:Catalog`` with its public solutions, and the public
        collections inside it as catalogs of their own."""
        solutions = list(selection.public_solutions(container))
        catalog = self._catalog_node(container, solutions)
        if not ICommunityCollection.providedBy(container):
            for brain in selection.public_collections(container):
                collection = brain._unrestrictedGetObject()
                sub_catalog = self._catalog_node(collection, solutions)
                self.graph.add((catalog, DCAT.catalog, sub_catalog))
        for brain in solutions:
            self.add_solution(brain._unrestrictedGetObject())
        return catalog

    def _catalog_node(self, container, solutions) -> URIRef:
        graph = self.graph
        catalog = self.uri(container)
        graph.add((catalog, RDF.type, DCAT.Catalog))
        self._describe(catalog, container, getattr(container, "abstract", None) or "")
        graph.add((catalog, DCTERMS.publisher, self._owner(container) or self._site_publisher()))
        self._page(catalog, FOAF.homepage, container.absolute_url())
        graph.add((catalog, DCAT.themeTaxonomy, self._theme_scheme()))
        for code in self._catalog_languages(container):
            self._link(catalog, DCTERMS.language, vocabularies.language_uri(code), DCTERMS.LinguisticSystem)
        self._coverage(catalog, container)
        self._contact_points(catalog, container)
        prefix = "/".join(container.getPhysicalPath()) + "/"
        for brain in solutions:
            if brain.getPath().startswith(prefix):
                graph.add((catalog, DCAT.dataset, self.uri_of_uid(brain.UID)))
        return catalog

    def _catalog_languages(self, container) -> list[str]:
        if ILanguageRootFolder.providedBy(container) or ICommunityCollection.providedBy(container):
            return [self._language(container)]
        return api.portal.get_registry_record("plone.available_languages", default=None) or [self.default_language]

    # Solutions ----------------------------------------------------------------

    def add_solution(self, solution) -> URIRef:
        """A published solution as an ADMS asset, with its releases."""
        graph = self.graph
        dataset = self.uri(solution)
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, RDF.type, ADMS.Asset))
        self._describe(dataset, solution, _rich_text(getattr(solution, "body", None)))
        graph.add((dataset, DCTERMS.identifier, Literal(IUUID(solution))))
        for keyword in solution.Subject() or ():
            graph.add((dataset, DCAT.keyword, self._text(keyword, solution)))
        self._coverage(dataset, solution)
        publisher = self._owner(solution)
        if publisher is not None:
            graph.add((dataset, DCTERMS.publisher, publisher))
        self._contact_points(dataset, solution)
        self._concept(dataset, ADMS.status, vocabularies.status(solution.development_status))
        for token in solution.solution_type or []:
            self._concept(dataset, DCTERMS.type, vocabularies.solution_type(self.portal_url, token))
        for code in solution.interface_languages or []:
            self._link(dataset, DCTERMS.language, vocabularies.language_uri(code), DCTERMS.LinguisticSystem)
        landing_page = web_address(solution.landing_page) or solution.absolute_url()
        self._page(dataset, DCAT.landingPage, landing_page)
        for url in (
            solution.absolute_url(),
            solution.documentation_url,
            *(repository["url"] for repository in repositories_of(solution)),
            solution.issue_tracker_url,
        ):
            self._page(dataset, FOAF.page, url)
        related = [relation.to_object for relation in solution.related_solutions or []]
        related_uids = {IUUID(obj, None) for obj in related if obj is not None}
        for uid in sorted(selection.public_uids(related_uids)):
            graph.add((dataset, DCTERMS.relation, self.uri_of_uid(uid)))
        self._provenance(dataset, solution)
        for brain in selection.public_children(solution, selection.RELEASE):
            release = self.add_release(brain._unrestrictedGetObject(), dataset)
            graph.add((dataset, DCTERMS.hasVersion, release))
        return dataset

    def _provenance(self, dataset, solution):
        """Where a federated solution came from (the federation import sets
        these attributes; a solution typed in here has none).

        ``dct:source`` is not used: DCAT-AP ranges it to a ``dcat:Dataset``
        described here, while the original is described in its own catalogue.
        """
        original = web_address(getattr(solution, "original_uri", None))
        if original is None:
            return
        graph = self.graph
        graph.add((dataset, PROV.wasDerivedFrom, original))
        activity = URIRef(f"{self.uri(solution)}#harvest")
        graph.add((activity, RDF.type, PROV.Activity))
        graph.add((dataset, PROV.wasGeneratedBy, activity))
        graph.add((activity, PROV.used, original))
        source = getattr(solution, "source_catalogue", None)
        source_uri = web_address(source)
        if source_uri is not None:
            graph.add((activity, PROV.used, source_uri))
        elif isinstance(source, str) and source.strip():
            graph.add((activity, DCTERMS.description, text_literal(source.strip())))
        harvested = date_literal(getattr(solution, "harvested", None))
        if harvested is not None:
            graph.add((activity, PROV.endedAtTime, harvested))

    def add_release(self, release, solution_uri) -> URIRef:
        graph = self.graph
        node = self.uri(release)
        notes = _rich_text(getattr(release, "release_notes", None))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, RDF.type, ADMS.Asset))
        self._describe(node, release, notes)
        graph.add((node, DCTERMS.isVersionOf, solution_uri))
        if release.version:
            graph.add((node, OWL.versionInfo, text_literal(release.version)))
            graph.add((node, DCAT_VERSION, text_literal(release.version)))
        if notes:
            graph.add((node, ADMS.versionNotes, self._text(notes, release)))
        released = date_literal(release.release_date)
        if released is not None:
            graph.remove((node, DCTERMS.issued, None))
            graph.add((node, DCTERMS.issued, released))
        self._concept(node, ADMS.status, vocabularies.status(release.development_status))
        self._page(node, DCAT.landingPage, release.absolute_url())
        self._software_heritage(node, getattr(release, "swhid", None))
        for brain in selection.public_children(release, selection.DISTRIBUTION):
            distribution = self.add_distribution(brain._unrestrictedGetObject())
            graph.add((node, DCAT.distribution, distribution))
        return node

    def _software_heritage(self, node, swhid):
        """The SWHID of a release, as ADMS-AP writes a secondary identifier:
        an ``adms:Identifier`` whose notation is the SWHID, the archive its
        agency, and its page in the archive."""
        if not swhid:
            return
        identifier = BNode()
        graph = self.graph
        graph.add((node, ADMS.identifier, identifier))
        graph.add((identifier, RDF.type, ADMS.Identifier))
        graph.add((identifier, SKOS.notation, Literal(swhid)))
        graph.add((identifier, ADMS.schemaAgency, Literal(SOFTWARE_HERITAGE)))
        self._page(node, FOAF.page, software_heritage_url(swhid))

    def add_distribution(self, distribution) -> URIRef:
        graph = self.graph
        node = self.uri(distribution)
        graph.add((node, RDF.type, DCAT.Distribution))
        title = distribution.Title()
        if title:
            graph.add((node, DCTERMS.title, self._text(title, distribution)))
        if distribution.Description():
            graph.add((node, DCTERMS.description, self._text(distribution.Description(), distribution)))
        address = web_address(distribution.download_url)
        # DCAT-AP requires an access URL: the item's page when it has none.
        graph.add((node, DCAT.accessURL, address or URIRef(distribution.absolute_url())))
        if distribution.file and address is not None:
            graph.add((node, DCAT.downloadURL, address))
        if distribution.licence:
            licence = vocabularies.licence_uri(distribution.licence)
            self._link(node, DCTERMS.license, licence, DCTERMS.LicenseDocument)
        self._link(
            node, DCTERMS.format, vocabularies.file_type_uri(distribution.file_format), DCTERMS.MediaTypeOrExtent
        )
        if distribution.file_size is not None:
            graph.add((node, DCAT.byteSize, Literal(distribution.file_size, datatype=XSD.nonNegativeInteger)))
        modified = date_literal(getattr(distribution, "modification_date", None))
        if modified is not None:
            graph.add((node, DCTERMS.modified, modified))
        return node


def catalog_graph(container) -> Graph:
    """The DCAT-AP graph of the site, a language root or a collection."""
    export = DcatExport()
    export.add_catalog(container)
    return export.graph


def solution_graph(solution) -> Graph:
    """The DCAT-AP graph of one published solution, its releases and distributions."""
    export = DcatExport()
    export.add_solution(solution)
    return export.graph
