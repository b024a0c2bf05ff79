"""DCAT-AP 3 / ADMS-AP RDF export (issue #19 §3): GET <site | language root |
collection | solution>/@dcat.

The export validates against the official DCAT-AP 3.0.1 SHACL shapes
(``fixtures/dcat-ap-3.0.1/``) with zero violations, maps each solution
field to its DCAT/ADMS property and EU vocabulary, shows only what
Anonymous sees, and names resources by URIs that survive a rename.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import UTC
from osor.collection.interop.dcat import selection
from osor.collection.interop.dcat import vocabularies
from osor.collection.interop.dcat.graph import ADMS
from osor.collection.interop.dcat.graph import catalog_graph
from osor.collection.interop.dcat.graph import solution_graph
from osor.collection.interop.dcat.graph import VCARD
from osor.collection.testing import DEMO_SITE_ANSWERS
from osor.collection.vocabularies.taxonomies import SOLUTION_TYPE
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from osor.collection.vocabularies.taxonomies import TOPICS
from pathlib import Path
from paths import FIXTURES
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.uuid.interfaces import IUUID
from pyshacl import validate
from rdflib import Graph
from rdflib import Literal
from rdflib import URIRef
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import FOAF
from rdflib.namespace import OWL
from rdflib.namespace import PROV
from rdflib.namespace import RDF
from rdflib.namespace import SKOS
from rdflib.namespace import XSD
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest
import transaction
import yaml


SWHID = "swh:1:rel:22ece559cc7cc2364edc5e5593d63ae8bd229f9f;origin=https://github.com/decidim/decidim"
SHAPES = FIXTURES / "dcat-ap-3.0.1"
EU = "http://publications.europa.eu/resource/authority/"
TAXONOMIES = Path(vocabularies.__file__).parent.parent.parent / "vocabularies" / "data" / "taxonomies.yaml"


# The catalogue under test --------------------------------------------------


def build_catalogue(portal, blob_file) -> dict:
    """A validated collection with a fully described published solution (a
    release, an uploaded and an external distribution), a minimal published
    one, and what must never be exported: a draft, a proposed solution and
    a legal request."""
    collection = api.content.create(
        container=portal,
        type="community_collection",
        id="osor",
        title="Open Source Observatory",
        description="The observatory's collection.",
        owner_name="European Commission",
        owner_type="SupraNationalAuthority",
        spatial_coverage=["EU"],
    )
    api.content.transition(collection, to_state="validated")
    minimal = api.content.create(container=collection, type="software_solution", id="minimal", title="Minimal")
    full = api.content.create(
        container=collection,
        type="software_solution",
        id="decidim",
        title="Decidim",
        description="A participatory democracy platform.",
        body=RichTextValue("<p>Decidim lets citizens organise.</p>", "text/html", "text/x-html-safe"),
        solution_type=["application", "platform"],
        development_status="Completed",
        licences=["AGPL-3.0-only"],
        landing_page="https://decidim.org/",
        repository_url="https://github.com/decidim/decidim",
        issue_tracker_url="https://github.com/decidim/decidim/issues",
        documentation_url="https://docs.decidim.org/",
        interface_languages=["ca", "es", "de"],
        owner_name="Barcelona City Council",
        owner_type="LocalAuthority",
        contact_points=[
            {"name": "Decidim Association", "email": "info@decidim.org", "url": "https://decidim.org/contact/"}
        ],
        topics=["GOVE-digital-government", "HEAL-e-health"],
        spatial_coverage=["ES", "FI", "EU", "WORLD"],
        related_solutions=[RelationValue(getUtility(IIntIds).getId(minimal))],
    )
    full.setSubject(["participation", "democracy"])
    release = api.content.create(
        container=full,
        type="solution_release",
        id="v0-28",
        title="Decidim 0.28",
        version="0.28.0",
        release_date=date(2024, 4, 15),
        development_status="Completed",
        release_notes=RichTextValue("<p>A redesigned interface.</p>", "text/html", "text/x-html-safe"),
        swhid=SWHID,
    )
    uploaded = api.content.create(
        container=release,
        type="solution_distribution",
        id="zip",
        title="Source code (zip)",
        file=blob_file(2048, "decidim-0.28.0.zip"),
        licence="AGPL-3.0-only",
    )
    external = api.content.create(
        container=release,
        type="solution_distribution",
        id="tarball",
        title="Source code (tar.gz)",
        access_url="https://github.com/decidim/decidim/archive/refs/tags/v0.28.0.tar.gz",
        licence="AGPL-3.0-only",
        file_format="TAR.GZ",
    )
    draft = api.content.create(container=collection, type="software_solution", id="draft", title="Draft idea")
    proposed = api.content.create(container=collection, type="software_solution", id="proposed", title="Proposed")
    api.content.transition(proposed, to_state="proposed")
    legal_request = api.content.create(
        container=collection,
        type="legal_request",
        id="question",
        title="Secret legal question",
        question=RichTextValue("<p>May we?</p>", "text/html", "text/x-html-safe"),
        category="licensing",
    )
    for solution in (full, minimal):
        api.content.transition(solution, to_state="published")
    return {
        "collection": collection,
        "full": full,
        "minimal": minimal,
        "release": release,
        "uploaded": uploaded,
        "external": external,
        "draft": draft,
        "proposed": proposed,
        "legal_request": legal_request,
    }


@pytest.fixture
def catalogue(manager, blob_file):
    return build_catalogue(manager, blob_file)


def uri(obj) -> URIRef:
    return URIRef(f"{api.portal.get().absolute_url()}/resolveuid/{IUUID(obj)}")


def violations(graph: Graph) -> str:
    """The report of the DCAT-AP 3.0.1 shapes (mandatory and ranges) on
    ``graph``, or '' when it conforms."""
    shapes = Graph()
    shapes.parse(SHAPES / "shapes.ttl")
    shapes.parse(SHAPES / "range.ttl")
    conforms, _report, text = validate(graph, shacl_graph=shapes, inference="rdfs")
    return "" if conforms else text


# SHACL conformance ---------------------------------------------------------


def test_site_export_conforms_to_the_dcat_ap_shapes(catalogue, portal):
    assert violations(catalog_graph(portal)) == ""


def test_collection_export_conforms_to_the_dcat_ap_shapes(catalogue):
    assert violations(catalog_graph(catalogue["collection"])) == ""


def test_solution_export_conforms_to_the_dcat_ap_shapes(catalogue):
    assert violations(solution_graph(catalogue["full"])) == ""


def test_the_validation_finds_a_missing_mandatory_property(catalogue, portal):
    """The check above is not vacuous: a catalog without publisher fails."""
    graph = catalog_graph(portal)
    graph.remove((None, DCTERMS.publisher, None))
    assert "Result Path: dct:publisher" in violations(graph)


# Mapping of a full solution -------------------------------------------------


@pytest.fixture
def full(catalogue):
    graph = solution_graph(catalogue["full"])
    return graph, uri(catalogue["full"]), catalogue


def objects(graph, subject, predicate) -> set:
    return set(graph.objects(subject, predicate))


def test_a_solution_is_a_dataset_and_an_adms_asset(full):
    graph, solution, _ = full
    assert {DCAT.Dataset, ADMS.Asset} <= objects(graph, solution, RDF.type)


def test_a_solution_has_its_texts_in_its_language(full):
    graph, solution, _ = full
    assert objects(graph, solution, DCTERMS.title) == {Literal("Decidim", lang="en")}
    assert objects(graph, solution, DCTERMS.description) == {Literal("A participatory democracy platform.", lang="en")}
    assert objects(graph, solution, DCAT.keyword) == {
        Literal("participation", lang="en"),
        Literal("democracy", lang="en"),
    }


def test_spatial_coverage_uses_the_eu_country_table(full):
    graph, solution, _ = full
    assert objects(graph, solution, DCTERMS.spatial) == {
        URIRef(f"{EU}country/ESP"),
        URIRef(f"{EU}country/FIN"),
        URIRef(f"{EU}country/EUR"),
    }


def test_topics_become_eu_data_themes(full):
    graph, solution, _ = full
    assert objects(graph, solution, DCAT.theme) == {
        URIRef(f"{EU}data-theme/GOVE"),
        URIRef(f"{EU}data-theme/HEAL"),
    }


def test_the_publisher_is_an_agent_with_an_adms_publisher_type(full):
    graph, solution, _ = full
    (publisher,) = objects(graph, solution, DCTERMS.publisher)
    assert FOAF.Agent in objects(graph, publisher, RDF.type)
    assert objects(graph, publisher, FOAF.name) == {Literal("Barcelona City Council")}
    assert objects(graph, publisher, DCTERMS.type) == {URIRef("http://purl.org/adms/publishertype/LocalAuthority")}


def test_the_contact_point_is_a_vcard(full):
    graph, solution, _ = full
    (contact,) = objects(graph, solution, DCAT.contactPoint)
    assert VCARD.Kind in objects(graph, contact, RDF.type)
    assert objects(graph, contact, VCARD.fn) == {Literal("Decidim Association")}
    assert objects(graph, contact, VCARD.hasEmail) == {URIRef("mailto:info@decidim.org")}
    assert objects(graph, contact, VCARD.hasURL) == {URIRef("https://decidim.org/contact/")}


def test_status_type_and_languages_use_their_vocabularies(full):
    graph, solution, _ = full
    portal_url = api.portal.get().absolute_url()
    assert objects(graph, solution, ADMS.status) == {URIRef("http://purl.org/adms/status/Completed")}
    assert objects(graph, solution, DCTERMS.type) == {
        URIRef(f"{portal_url}/resource/solution-type/application"),
        URIRef(f"{portal_url}/resource/solution-type/platform"),
    }
    assert objects(graph, solution, DCTERMS.language) == {
        URIRef(f"{EU}language/CAT"),
        URIRef(f"{EU}language/SPA"),
        URIRef(f"{EU}language/DEU"),
    }


def test_pages_relations_and_dates(full):
    graph, solution, catalogue = full
    assert objects(graph, solution, DCAT.landingPage) == {URIRef("https://decidim.org/")}
    assert {
        URIRef(catalogue["full"].absolute_url()),
        URIRef("https://docs.decidim.org/"),
        URIRef("https://github.com/decidim/decidim"),
    } <= objects(graph, solution, FOAF.page)
    assert objects(graph, solution, DCTERMS.relation) == {uri(catalogue["minimal"])}
    (issued,) = objects(graph, solution, DCTERMS.issued)
    (modified,) = objects(graph, solution, DCTERMS.modified)
    assert issued.datatype == modified.datatype == XSD.dateTime


def test_a_release_is_a_version_of_its_solution(full):
    graph, solution, catalogue = full
    release = uri(catalogue["release"])
    assert objects(graph, solution, DCTERMS.hasVersion) == {release}
    assert objects(graph, release, DCTERMS.isVersionOf) == {solution}
    assert objects(graph, release, OWL.versionInfo) == {Literal("0.28.0")}
    assert objects(graph, release, ADMS.versionNotes) == {Literal("A redesigned interface.", lang="en")}
    assert objects(graph, release, DCTERMS.issued) == {Literal(date(2024, 4, 15), datatype=XSD.date)}
    assert objects(graph, release, DCAT.distribution) == {uri(catalogue["uploaded"]), uri(catalogue["external"])}


def test_a_release_names_its_software_heritage_identifier(full):
    graph, _solution, catalogue = full
    release = uri(catalogue["release"])
    (identifier,) = objects(graph, release, ADMS.identifier)
    assert objects(graph, identifier, RDF.type) == {ADMS.Identifier}
    assert objects(graph, identifier, SKOS.notation) == {Literal(SWHID)}
    assert objects(graph, identifier, ADMS.schemaAgency) == {Literal("Software Heritage")}
    assert URIRef(f"https://archive.softwareheritage.org/{SWHID}") in objects(graph, release, FOAF.page)


def test_an_uploaded_distribution_has_its_download_url_licence_format_and_size(full):
    graph, _solution, catalogue = full
    distribution = uri(catalogue["uploaded"])
    download = URIRef(f"{catalogue['uploaded'].absolute_url()}/@@download/file/decidim-0.28.0.zip")
    assert DCAT.Distribution in objects(graph, distribution, RDF.type)
    assert objects(graph, distribution, DCAT.accessURL) == {download}
    assert objects(graph, distribution, DCAT.downloadURL) == {download}
    licence = URIRef("http://spdx.org/licenses/AGPL-3.0-only")
    assert objects(graph, distribution, DCTERMS.license) == {licence}
    assert DCTERMS.LicenseDocument in objects(graph, licence, RDF.type)
    assert objects(graph, distribution, DCTERMS.format) == {URIRef(f"{EU}file-type/ZIP")}
    assert objects(graph, distribution, DCAT.byteSize) == {Literal(2048, datatype=XSD.nonNegativeInteger)}


def test_an_external_distribution_has_its_access_url_only(full):
    graph, _solution, catalogue = full
    distribution = uri(catalogue["external"])
    assert objects(graph, distribution, DCAT.accessURL) == {URIRef(catalogue["external"].access_url)}
    assert objects(graph, distribution, DCAT.downloadURL) == set()
    assert objects(graph, distribution, DCTERMS.format) == {URIRef(f"{EU}file-type/TAR_GZ")}


def test_a_solution_without_description_is_described_by_its_title(catalogue):
    graph = solution_graph(catalogue["minimal"])
    assert objects(graph, uri(catalogue["minimal"]), DCTERMS.description) == {Literal("Minimal", lang="en")}


HOSTILE = 'Ev<il> & "quoted" \'x\' \x00\x1b]]> @prefix : <x> . _:b {"@id": 1} \u202e'


@pytest.mark.parametrize("rdflib_format", ["turtle", "xml", "json-ld", "nt"])
def test_hostile_texts_survive_every_serialisation(catalogue, rdflib_format):
    solution = catalogue["full"]
    solution.title = HOSTILE
    solution.owner_name = HOSTILE
    solution.contact_points = [{"name": HOSTILE, "email": None, "url": "javascript:alert(1)"}]
    solution.landing_page = 'https://example.org/a b"<>'
    text = solution_graph(solution).serialize(format=rdflib_format)
    graph = Graph().parse(data=text, format=rdflib_format)
    expected = HOSTILE.replace("\x00", "").replace("\x1b", "")
    assert (uri(solution), DCTERMS.title, Literal(expected, lang="en")) in graph
    assert objects(graph, uri(solution), DCAT.landingPage) == {URIRef(solution.absolute_url())}


def test_a_federated_solution_names_its_origin(catalogue):
    solution = catalogue["full"]
    solution.original_uri = "https://joinup.ec.europa.eu/solution/decidim"
    solution.source_catalogue = "https://joinup.ec.europa.eu/"
    solution.harvested = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    graph = solution_graph(solution)
    original = URIRef("https://joinup.ec.europa.eu/solution/decidim")
    assert objects(graph, uri(solution), PROV.wasDerivedFrom) == {original}
    (activity,) = objects(graph, uri(solution), PROV.wasGeneratedBy)
    assert PROV.Activity in objects(graph, activity, RDF.type)
    assert URIRef("https://joinup.ec.europa.eu/") in objects(graph, activity, PROV.used)
    assert objects(graph, activity, PROV.endedAtTime) == {
        Literal(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), datatype=XSD.dateTime)
    }
    assert violations(graph) == ""


def test_a_solution_typed_in_here_has_no_provenance(full):
    graph, solution, _ = full
    assert objects(graph, solution, PROV.wasDerivedFrom) == set()


# Catalogs -------------------------------------------------------------------


def test_the_site_catalog_lists_the_collections_and_the_published_solutions(catalogue, portal):
    graph = catalog_graph(portal)
    site = uri(portal)
    assert DCAT.Catalog in objects(graph, site, RDF.type)
    assert objects(graph, site, DCAT.catalog) == {uri(catalogue["collection"])}
    assert objects(graph, site, DCAT.dataset) == {uri(catalogue["full"]), uri(catalogue["minimal"])}


def test_a_collection_catalog_has_its_owner_as_publisher(catalogue):
    graph = catalog_graph(catalogue["collection"])
    collection = uri(catalogue["collection"])
    (publisher,) = objects(graph, collection, DCTERMS.publisher)
    assert objects(graph, publisher, FOAF.name) == {Literal("European Commission")}
    assert objects(graph, collection, DCAT.dataset) == {uri(catalogue["full"]), uri(catalogue["minimal"])}


# Only published content ----------------------------------------------------


@pytest.mark.parametrize("hidden", ["draft", "proposed", "legal_request"])
def test_unpublished_content_is_not_exported(catalogue, portal, hidden):
    text = catalog_graph(portal).serialize(format="nt")
    assert str(uri(catalogue[hidden])) not in text
    assert catalogue[hidden].Title() not in text


def test_a_solution_withdrawn_to_draft_leaves_the_export(catalogue, portal):
    api.content.transition(catalogue["minimal"], to_state="draft")
    graph = catalog_graph(portal)
    assert uri(catalogue["minimal"]) not in set(graph.subjects())
    assert objects(graph, uri(catalogue["full"]), DCTERMS.relation) == set()


def test_a_solution_not_yet_effective_is_not_exported(catalogue, portal):
    catalogue["minimal"].setEffectiveDate(DateTime() + 30)
    catalogue["minimal"].reindexObject()
    assert uri(catalogue["minimal"]) not in set(catalog_graph(portal).subjects())


def test_a_draft_collection_is_not_exported(catalogue, portal):
    hidden = api.content.create(container=portal, type="community_collection", id="hidden", title="Hidden")
    assert uri(hidden) not in set(catalog_graph(portal).subjects())


def test_a_published_solution_of_a_draft_collection_is_not_exported(catalogue, portal):
    """The same rule as @catalogue's: a collection not yet open to visitors
    publishes nothing to harvesters."""
    hidden = api.content.create(container=portal, type="community_collection", id="hidden", title="Hidden")
    solution = api.content.create(container=hidden, type="software_solution", id="early", title="Early")
    api.content.transition(solution, to_state="published")
    assert uri(solution) not in set(catalog_graph(portal).subjects())


# Stable URIs ----------------------------------------------------------------


def test_uris_do_not_change_when_items_are_renamed_or_moved(catalogue, portal):
    before = catalog_graph(portal)
    api.content.rename(catalogue["full"], new_id="decidim-platform")
    api.content.rename(catalogue["release"], new_id="release-0-28")
    other = api.content.create(container=portal, type="community_collection", id="other", title="Other")
    api.content.transition(other, to_state="validated")
    api.content.move(catalogue["minimal"], target=other)
    after = catalog_graph(portal)
    solution_uris = {URIRef(str(s)) for s in before.subjects(RDF.type, DCAT.Dataset)}
    assert solution_uris == set(after.subjects(RDF.type, DCAT.Dataset))


# Vocabulary tables ---------------------------------------------------------


def _taxonomy_tokens(name: str) -> set[str]:
    data = yaml.safe_load(TAXONOMIES.read_text(encoding="utf-8"))["taxonomies"][name]

    def walk(terms):
        for term in terms:
            yield term["token"]
            yield from walk(term.get("children", []))

    return set(walk(data.get("terms", [])))


def test_every_topic_has_a_data_theme():
    assert {topic for topic in _taxonomy_tokens(TOPICS) if vocabularies.theme(topic) is None} == set()


def test_every_solution_type_has_a_concept():
    tokens = _taxonomy_tokens(SOLUTION_TYPE)
    assert {token for token in tokens if vocabularies.solution_type("http://x", token) is None} == set()


def test_every_spatial_coverage_token_is_mapped_or_explicitly_dropped(portal):
    factory_name = f"collective.taxonomy.{SPATIAL_COVERAGE}"
    from zope.schema.interfaces import IVocabularyFactory

    tokens = {term.value for term in getUtility(IVocabularyFactory, name=factory_name)(portal)}
    unmapped = {token for token in tokens if vocabularies.country_uri(token) is None}
    assert unmapped == {"WORLD"}


def test_every_development_status_and_owner_type_is_mapped(portal):
    from zope.schema.interfaces import IVocabularyFactory

    for name, to_uri in (
        ("DevelopmentStatus", vocabularies.status),
        ("OwnerType", vocabularies.publisher_type),
    ):
        factory = getUtility(IVocabularyFactory, name=f"osor.collection.vocabularies.{name}")
        assert [term.value for term in factory(portal) if to_uri(term.value) is None] == []


# The endpoint, over HTTP ---------------------------------------------------


@pytest.fixture
def served(functional_portal, blob_file):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    built = build_catalogue(functional_portal, blob_file)
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return built


@pytest.fixture
def anonymous(request_factory):
    session = request_factory(api=False)
    del session.headers["Accept"]
    return session


@pytest.mark.parametrize(
    "accept, media_type, rdflib_format",
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/json", "application/ld+json", "json-ld"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "text/turtle", "turtle"),
        ("application/n-triples;q=0.5, application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_the_serialisation_follows_the_accept_header(served, anonymous, accept, media_type, rdflib_format):
    response = anonymous.get("/osor/@dcat", headers={"Accept": accept})
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (uri(served["collection"]), RDF.type, DCAT.Catalog) in graph
    assert (uri(served["full"]), RDF.type, DCAT.Dataset) in graph


@pytest.mark.parametrize(
    "name, media_type, rdflib_format",
    [
        ("turtle", "text/turtle", "turtle"),
        ("xml", "application/rdf+xml", "xml"),
        ("json-ld", "application/ld+json", "json-ld"),
        ("nt", "application/n-triples", "nt"),
    ],
)
def test_the_format_parameter_wins_over_the_accept_header(served, anonymous, name, media_type, rdflib_format):
    response = anonymous.get(f"/osor/decidim/@dcat?format={name}", headers={"Accept": "application/json"})
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (uri(served["full"]), RDF.type, ADMS.Asset) in graph


def test_the_site_and_the_rest_api_answer_too(served, anonymous, request_factory):
    assert anonymous.get("/@dcat", headers={"Accept": "text/turtle"}).status_code == 200
    response = request_factory().get("/osor/@dcat")  # ++api++, Accept: application/json
    assert response.status_code == 200, response.text[:500]
    graph = Graph().parse(data=response.content, format="json-ld")
    assert (uri(served["full"]), RDF.type, DCAT.Dataset) in graph


def test_a_resource_uri_leads_to_the_item_page(served, anonymous):
    response = anonymous.get(f"/resolveuid/{IUUID(served['full'])}", allow_redirects=False)
    assert response.status_code in (301, 302)
    assert response.headers["Location"] == served["full"].absolute_url()


def test_an_unknown_format_is_a_400_naming_the_valid_ones(served, anonymous):
    response = anonymous.get("/osor/@dcat?format=csv")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["valid_formats"] == ["turtle", "xml", "json-ld", "nt"]
    assert "csv" in error["message"]


def test_an_unsupported_accept_header_is_a_406(served, anonymous):
    response = anonymous.get("/osor/@dcat", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["error"]["valid_media_types"]


def test_a_draft_solution_is_not_exported_even_to_its_manager(served, request_factory):
    manager = request_factory(role="Manager", api=False)
    response = manager.get("/osor/draft/@dcat", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    response = request_factory(api=False).get(
        "/osor/draft/@dcat", headers={"Accept": "text/turtle"}, allow_redirects=False
    )
    assert response.status_code in (302, 401, 403, 404)  # 302: to the login form


def test_the_export_is_not_hidden_from_anonymous_visitors(served, anonymous):
    response = anonymous.get("/osor/@dcat?format=nt")
    assert response.status_code == 200
    assert "Secret legal question" not in response.text
    assert "Draft idea" not in response.text


# The demo site --------------------------------------------------------------


DEMO_ANSWERS = {**DEMO_SITE_ANSWERS, "site_id": "dcat_demo"}


@pytest.fixture(scope="class")
def demo(app_class, create_site):
    return create_site(app_class, DEMO_ANSWERS)


class TestDemoSiteExport:
    def test_the_demo_site_export_conforms_to_the_dcat_ap_shapes(self, demo):
        graph = catalog_graph(demo)
        assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) >= 4
        assert violations(graph) == ""

    @pytest.mark.parametrize("language", ["en", "fr", "de"])
    def test_each_language_root_exports_a_conforming_catalog(self, demo, language):
        graph = catalog_graph(demo[language])
        assert (uri(demo[language]), RDF.type, DCAT.Catalog) in graph
        assert violations(graph) == ""

    @pytest.mark.parametrize("language", ["en", "fr", "de"])
    def test_each_language_root_is_public(self, demo, language):
        assert selection.is_public(demo[language])

    def test_the_demo_legal_requests_are_not_exported(self, demo):
        legal_requests = [obj for obj in demo["en"]["osor"].objectValues() if obj.portal_type == "legal_request"]
        assert legal_requests
        text = catalog_graph(demo).serialize(format="nt")
        for legal_request in legal_requests:
            assert IUUID(legal_request) not in text
            assert legal_request.Title() not in text
