"""Federation import (#19 §5): ADMS-AP / DCAT-AP files of another catalogue
become solutions of a collection, found again by their original URI, with
their provenance; a bad file changes nothing and says where it is wrong."""

from datetime import date
from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from member_fixtures import PASSWORD
from osor.collection.interop.federation import command
from osor.collection.interop.federation import importer
from osor.collection.interop.federation import parsing
from osor.collection.interop.federation.importer import import_rdf
from osor.collection.interop.reports import import_reports
from osor.collection.upgrades.federation import upgrade
from plone import api
from plone.dexterity.utils import iterSchemataForType
from plone.protect.authenticator import createToken
from rdflib import Graph
from rdflib import Literal
from rdflib import URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import RDF
from unittest import mock
from zope.i18n import translate
from zope.schema import getFields

import io
import json
import paths
import pytest
import rdflib.plugins.shared.jsonld.context
import transaction


FIXTURES = paths.FIXTURES / "federation"
TURTLE = (FIXTURES / "joinup-adms.ttl").read_bytes()
RDF_XML = (FIXTURES / "joinup-adms.rdf").read_bytes()
EUSURVEY = "http://data.europa.eu/w21/1a9a6a8e-eusurvey"
CIRCABC = "http://data.europa.eu/w21/2b7c0f1d-circabc"
DECIDIM = "http://data.europa.eu/w21/3c5d9e2f-decidim"
CATALOGUE = "https://catalogue.example.eu/federation"

PREFIXES = """
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
"""


def asset(uri="https://other.example.org/solution/1", title='"A solution"', description='"What it does."', extra=""):
    lines = [f"<{uri}> a adms:Asset, dcat:Dataset"]
    if title:
        lines.append(f"dct:title {title}")
    if description:
        lines.append(f"dct:description {description}")
    if extra:
        lines.append(extra)
    return PREFIXES + " ;\n    ".join(lines) + " .\n"


def solutions_in(collection) -> dict:
    return {obj.original_uri: obj for obj in collection.objectValues() if obj.portal_type == "software_solution"}


def messages(problems) -> list[str]:
    return [translate(problem.message) for problem in problems]


def content_of(collection) -> list:
    """Every object below the collection, with the fields an import sets."""
    return sorted(
        (
            "/".join(obj.getPhysicalPath()),
            obj.Title(),
            getattr(obj, "original_uri", None),
            getattr(obj, "harvested", None),
        )
        for obj in _walk(collection)
    )


def _walk(container):
    for child in container.objectValues():
        yield child
        yield from _walk(child)


# Mapping -----------------------------------------------------------------


class TestMapping:
    def test_a_catalogue_becomes_solutions_of_the_collection(self, collection):
        result = import_rdf(collection, TURTLE, format="turtle", filename="joinup-adms.ttl")
        assert result.errors == []
        assert sorted(item["original_uri"] for item in result.created) == [EUSURVEY, CIRCABC, DECIDIM]
        assert sorted(solutions_in(collection)) == [EUSURVEY, CIRCABC, DECIDIM]

    def test_the_fields_of_a_solution_are_mapped(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        eusurvey = solutions_in(collection)[EUSURVEY]
        assert eusurvey.Title() == "EUSurvey"
        assert eusurvey.Description().startswith("EUSurvey is the European Commission's official survey")
        # Keywords in the collection's language only (the French one is left).
        assert eusurvey.Subject() == ("public consultation", "survey")
        assert eusurvey.spatial_coverage == ["BE", "EU"]
        assert eusurvey.topics == ["GOVE"]
        assert eusurvey.development_status == "Completed"
        assert eusurvey.owner_name == "Directorate-General for Informatics"
        assert eusurvey.owner_type == "SupraNationalAuthority"
        assert eusurvey.landing_page == "https://ec.europa.eu/eusurvey"
        assert eusurvey.contact_points == [
            {
                "name": "EUSurvey support",
                "email": "DIGIT-EUSURVEY-SUPPORT@ec.europa.eu",
                "url": "https://ec.europa.eu/eusurvey/home/support",
            }
        ]
        assert eusurvey.licences == ["EUPL-1.2"]
        assert eusurvey.licence_expression == "EUPL-1.2"

    def test_releases_and_distributions_are_imported(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        eusurvey = solutions_in(collection)[EUSURVEY]
        [release] = eusurvey.objectValues()
        assert release.portal_type == "solution_release"
        assert release.version == "1.6.2"
        assert release.release_date == date(2024, 5, 14)
        assert "Accessibility fixes" in release.release_notes.output
        [distribution] = release.objectValues()
        assert distribution.access_url == "https://github.com/EUSurvey/EUSURVEY/archive/refs/tags/1.6.2.zip"
        assert distribution.licence == "EUPL-1.2"
        assert distribution.file_format == "ZIP"

    def test_licences_of_the_eu_authority_table_and_spdx_html_uris(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        solutions = solutions_in(collection)
        assert solutions[DECIDIM].licences == ["AGPL-3.0-only"]
        assert solutions[DECIDIM].owner_type == "LocalAuthority"
        assert solutions[DECIDIM].spatial_coverage == ["ES"]
        assert solutions[CIRCABC].licences == ["EUPL-1.2"]
        assert solutions[CIRCABC].contact_points[0]["name"] == "CIRCABC team"

    def test_the_rdf_xml_fixture_is_the_same_graph_as_the_turtle_one(self):
        assert isomorphic(Graph().parse(data=TURTLE, format="turtle"), Graph().parse(data=RDF_XML, format="xml"))

    @pytest.mark.parametrize(
        ("data", "options"),
        [
            (RDF_XML, {"content_type": "application/rdf+xml"}),
            (RDF_XML, {"filename": "export.rdf"}),
            (Graph().parse(data=TURTLE, format="turtle").serialize(format="json-ld"), {"format": "json-ld"}),
            (
                Graph().parse(data=TURTLE, format="turtle").serialize(format="nt"),
                {"content_type": "application/n-triples"},
            ),
        ],
        ids=["rdf-xml", "rdf-by-extension", "json-ld", "n-triples"],
    )
    def test_every_serialisation_imports_the_same_solutions(self, collection, data, options):
        result = import_rdf(collection, data, **options)
        assert result.errors == []
        assert solutions_in(collection)[EUSURVEY].spatial_coverage == ["BE", "EU"]
        assert sorted(solutions_in(collection)) == [EUSURVEY, CIRCABC, DECIDIM]

    def test_values_we_cannot_map_are_warnings_naming_subject_and_property(self, collection):
        data = asset(
            extra="dct:spatial <http://publications.europa.eu/resource/authority/country/USA> ;\n"
            "    dcat:theme <http://publications.europa.eu/resource/authority/data-theme/NOPE>"
        )
        result = import_rdf(collection, data, format="turtle")
        assert result.errors == []
        assert sorted(w.path for w in result.warnings) == [
            "<https://other.example.org/solution/1> dcat:theme",
            "<https://other.example.org/solution/1> dct:spatial",
        ]
        assert "is not a country of our spatial coverage" in " ".join(messages(result.warnings))


# Update, not duplicate ---------------------------------------------------


class TestReimport:
    def test_a_reimport_updates_the_same_solutions(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        before = {uri: obj.UID() for uri, obj in solutions_in(collection).items()}
        changed = TURTLE.replace(b'dct:title "CIRCABC"@en', b'dct:title "CIRCABC 5"@en')
        result = import_rdf(collection, changed, format="turtle")
        assert result.created == []
        assert len(result.updated) == 3
        after = solutions_in(collection)
        assert {uri: obj.UID() for uri, obj in after.items()} == before
        assert after[CIRCABC].Title() == "CIRCABC 5"
        assert len(collection.objectIds()) == 3

    def test_a_reimport_does_not_duplicate_releases_or_distributions(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        import_rdf(collection, RDF_XML, format="xml")
        eusurvey = solutions_in(collection)[EUSURVEY]
        [release] = eusurvey.objectValues()
        assert len(release.objectValues()) == 1

    def test_the_same_uri_in_another_collection_is_another_solution(self, collection, manager):
        other = api.content.create(container=manager, type="community_collection", id="other", title="Other")
        import_rdf(collection, TURTLE, format="turtle")
        import_rdf(other, TURTLE, format="turtle")
        assert solutions_in(other)[EUSURVEY].UID() != solutions_in(collection)[EUSURVEY].UID()

    def test_the_catalog_finds_the_updated_values(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        import_rdf(collection, TURTLE.replace(b'"EUSurvey"@en', b'"EUSurvey Next"@en'), format="turtle")
        found = api.content.find(context=collection, Title="EUSurvey Next")
        assert [brain.getObject().original_uri for brain in found] == [EUSURVEY]


# Provenance --------------------------------------------------------------


class TestProvenance:
    def test_source_catalogue_original_uri_and_harvest_date_are_stored(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        eusurvey = solutions_in(collection)[EUSURVEY]
        assert eusurvey.source_catalogue == CATALOGUE
        assert eusurvey.original_uri == EUSURVEY
        assert eusurvey.harvested.tzinfo is not None

    def test_the_importer_may_name_the_source_catalogue(self, collection):
        import_rdf(collection, TURTLE, format="turtle", source_catalogue="https://joinup.example.eu/")
        assert solutions_in(collection)[DECIDIM].source_catalogue == "https://joinup.example.eu/"

    def test_a_reimport_moves_the_harvest_date(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        first = solutions_in(collection)[EUSURVEY].harvested
        import_rdf(collection, TURTLE, format="turtle")
        assert solutions_in(collection)[EUSURVEY].harvested > first

    def test_provenance_is_read_only_and_not_in_the_forms(self, portal):
        [behavior] = [s for s in iterSchemataForType("software_solution") if s.__name__ == "IProvenance"]
        fields = getFields(behavior)
        assert sorted(fields) == ["harvested", "original_uri", "source_catalogue"]
        assert all(field.readonly for field in fields.values())
        omitted = behavior.queryTaggedValue("plone.autoform.omitted")
        assert {name for _iface, name, value in omitted if value == "true"} == set(fields)

    def test_provenance_is_not_written_through_rest(self, collection, solution, layer_request):
        from plone.restapi.interfaces import IDeserializeFromJson
        from zope.component import getMultiAdapter

        layer_request["BODY"] = json.dumps({"original_uri": "https://forged.example.org/x", "title": "Renamed"})
        getMultiAdapter((solution, layer_request), IDeserializeFromJson)()
        assert solution.Title() == "Renamed"
        assert solution.original_uri is None

    def test_the_solution_page_says_where_it_was_harvested_from(self, collection, layer_request):
        import_rdf(collection, TURTLE, format="turtle")
        eusurvey = solutions_in(collection)[EUSURVEY]
        html = api.content.get_view("solution-view", eusurvey, layer_request)()
        assert "osor-provenance" in html
        assert f'href="{CATALOGUE}"' in html
        assert f'href="{EUSURVEY}"' in html
        assert "Harvested from" in html

    def test_a_solution_typed_in_by_hand_shows_no_provenance(self, solution, layer_request):
        html = api.content.get_view("solution-view", solution, layer_request)()
        assert "osor-provenance" not in html

    def test_the_upgrade_adds_the_behavior_and_the_tab_once(self, portal):
        fti = portal.portal_types.software_solution
        fti.behaviors = tuple(b for b in fti.behaviors if b != "osor.provenance")
        portal.portal_actions.object.manage_delObjects(["osor_import_rdf"])
        upgrade()
        upgrade()
        assert list(fti.behaviors).count("osor.provenance") == 1
        assert "osor_import_rdf" in portal.portal_actions.object.objectIds()


# Bad files: located errors, nothing written --------------------------------


class TestBadFiles:
    def test_malformed_turtle_names_the_line_and_writes_nothing(self, collection):
        broken = TURTLE.replace(b'dct:title "CIRCABC"@en ;', b'dct:title "CIRCABC"@en ;;; <<', 1)
        line = broken[: broken.index(b";;; <<")].count(b"\n") + 1
        result = import_rdf(collection, broken, format="turtle")
        [error] = result.errors
        assert error.line == line
        assert "This is not valid RDF" in translate(error.message)
        assert collection.objectIds() == []

    def test_malformed_rdf_xml_names_the_line(self, collection):
        broken = RDF_XML.replace(b"</dct:title>", b"</dct:titel>", 1)
        line = broken[: broken.index(b"</dct:titel>")].count(b"\n") + 1
        [error] = import_rdf(collection, broken, format="xml").errors
        assert error.line == line
        assert collection.objectIds() == []

    def test_malformed_n_triples_names_the_line(self, collection):
        lines = Graph().parse(data=TURTLE, format="turtle").serialize(format="nt").strip().splitlines()
        lines.insert(4, "<https://x.example.org/a> this is not a triple .")
        [error] = import_rdf(collection, "\n".join(lines), format="nt").errors
        assert error.line == 5

    def test_malformed_json_ld_names_the_line(self, collection):
        [error] = import_rdf(collection, '{\n  "@id": "https://x.example.org/a",\n  oops\n}', format="json-ld").errors
        assert error.line == 3

    @pytest.mark.parametrize("missing", ["dct:title", "dct:description"])
    def test_a_missing_mandatory_property_names_subject_and_property(self, collection, missing):
        data = TURTLE.replace(
            b'dct:title "CIRCABC"@en ;' if missing == "dct:title" else b'dct:description "Communication',
            b"" if missing == "dct:title" else b'rdfs:comment "Communication',
        ).replace(b"@prefix xsd:", b"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix xsd:")
        result = import_rdf(collection, data, format="turtle")
        [error] = result.errors
        assert error.path == f"<{CIRCABC}> {missing}"
        assert error.subject == CIRCABC and error.property == missing
        assert "ADMS-AP" in translate(error.message)
        # The two valid solutions of the file are not imported either.
        assert collection.objectIds() == []

    def test_a_solution_without_a_uri_is_refused(self, collection):
        data = PREFIXES + '[] a dcat:Dataset ; dct:title "Anonymous" ; dct:description "No URI." .'
        [error] = import_rdf(collection, data, format="turtle").errors
        assert "http or https URI" in translate(error.message)
        assert "Anonymous" in translate(error.message)

    @pytest.mark.parametrize(
        "uri", ["urn:uuid:5f1c", "javascript:alert(1)", "file:///etc/passwd", "ftp://other.example.org/x"]
    )
    def test_only_http_uris_identify_a_solution(self, collection, uri):
        result = import_rdf(collection, asset(uri=uri), format="turtle")
        assert result.errors and collection.objectIds() == []

    def test_a_javascript_landing_page_is_an_error(self, collection):
        result = import_rdf(collection, asset(extra="dcat:landingPage <javascript:alert(1)>"), format="turtle")
        [error] = result.errors
        assert error.path == "<https://other.example.org/solution/1> dcat:landingPage"

    def test_an_unknown_licence_is_a_located_error(self, collection):
        data = asset(extra="dct:license <https://example.org/my-own-licence>")
        [error] = import_rdf(collection, data, format="turtle").errors
        assert error.path == "<https://other.example.org/solution/1> dct:license"
        assert error.hint

    def test_a_file_without_assets_is_an_error(self, collection):
        result = import_rdf(collection, PREFIXES + '<https://a.example.org/> dct:title "x" .', format="turtle")
        assert "no dcat:Dataset or adms:Asset" in messages(result.errors)[0]

    def test_an_unknown_format_is_refused(self, collection):
        result = import_rdf(collection, TURTLE, content_type="text/plain")
        assert result.failure == importer.UNSUPPORTED_FORMAT

    def test_a_file_over_the_cap_is_refused_unread(self, collection):
        data = b"#" * (parsing.MAX_BODY_BYTES + 1)
        with mock.patch.object(parsing, "parse") as parse:
            result = import_rdf(collection, data, format="turtle")
        assert result.failure == importer.TOO_LARGE
        assert "larger than 5 MB" in messages(result.errors)[0]
        parse.assert_not_called()

    def test_a_failing_write_rolls_back_every_solution(self, collection):
        real = importer._write_release

        def fail_on_eusurvey(solution, record):
            raise RuntimeError("disk full")

        with mock.patch.object(importer, "_write_release", side_effect=fail_on_eusurvey):
            result = import_rdf(collection, TURTLE, format="turtle")
        assert importer._write_release is real
        assert result.failure == importer.INVALID
        assert "nothing was changed" in messages(result.errors)[0]
        assert collection.objectIds() == []
        assert len(api.content.find(portal_type="software_solution", context=collection)) == 0

    def test_a_dry_run_validates_and_writes_nothing(self, collection):
        result = import_rdf(collection, TURTLE, format="turtle", dry_run=True)
        assert result.errors == []
        assert len(result.created) == 3
        assert all("uid" not in item for item in result.items)
        assert collection.objectIds() == []
        assert len(api.content.find(portal_type="software_solution", context=collection)) == 0


class TestNoNetwork:
    def test_a_json_ld_context_url_is_refused_not_fetched(self, collection):
        data = json.dumps(
            {
                "@context": "https://w3id.org/dcat-ap/context.jsonld",
                "@id": "https://other.example.org/solution/1",
                "@type": "dcat:Dataset",
                "dct:title": "A solution",
            },
            indent=2,
        )
        with (
            mock.patch.object(rdflib.plugins.shared.jsonld.context, "source_to_json") as fetch,
            mock.patch("urllib.request.urlopen") as urlopen,
        ):
            result = import_rdf(collection, data, format="json-ld")
        fetch.assert_not_called()
        urlopen.assert_not_called()
        [error] = result.errors
        assert "https://w3id.org/dcat-ap/context.jsonld" in translate(error.message)
        assert error.line == 2
        assert collection.objectIds() == []

    @pytest.mark.parametrize(
        "context",
        [
            ["https://example.org/a.jsonld", {"dct": "http://purl.org/dc/terms/"}],
            {"@import": "https://example.org/b.jsonld"},
        ],
        ids=["in-a-list", "import"],
    )
    def test_nested_remote_contexts_are_refused(self, collection, context):
        data = json.dumps({"@graph": [{"@context": context, "@id": "https://other.example.org/x"}]})
        with mock.patch.object(rdflib.plugins.shared.jsonld.context, "source_to_json") as fetch:
            result = import_rdf(collection, data, format="json-ld")
        fetch.assert_not_called()
        assert "remote contexts are not fetched" in messages(result.errors)[0]

    def test_an_xml_doctype_is_refused(self, collection):
        data = RDF_XML.replace(
            b"<rdf:RDF",
            b'<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rdf:RDF',
            1,
        )
        [error] = import_rdf(collection, data, format="xml").errors
        assert "DOCTYPE" in translate(error.message)
        assert error.line == 3

    def test_owl_imports_is_not_followed(self, collection):
        data = asset(extra="<http://www.w3.org/2002/07/owl#imports> <https://example.org/more.ttl>")
        with mock.patch("urllib.request.urlopen") as urlopen:
            result = import_rdf(collection, data, format="turtle")
        urlopen.assert_not_called()
        assert result.errors == []


# Hostile strings ------------------------------------------------------------


HOSTILE_BUT_VALID = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "Robert'); DROP TABLE solutions;--",
    "\u202eevil.exe",  # right-to-left override
    "${title} %s {0}",
    "𝕌𝕟𝕚𝕔𝕠𝕕𝕖 🚀",
]


class TestHostileStrings:
    @pytest.mark.parametrize("text", HOSTILE_BUT_VALID)
    def test_hostile_text_is_kept_as_text_and_escaped_on_the_page(self, collection, layer_request, text):
        quoted = json.dumps(text, ensure_ascii=False)
        result = import_rdf(collection, asset(title=quoted, description=quoted), format="turtle")
        assert result.errors == []
        [solution] = solutions_in(collection).values()
        assert solution.Title() == text.strip()
        html = api.content.get_view("solution-view", solution, layer_request)()
        assert "<script>alert('x')</script>" not in html
        assert '"><img src=x onerror=alert(1)></h1>' not in html

    @pytest.mark.parametrize(
        ("title", "problem"),
        [
            (r'"nul\u0000byte"', "control character"),
            (json.dumps("bell\u0007"), "control character"),
            (json.dumps("x" * 501), "longer than 500 characters"),
            ("<https://example.org/a-resource>", "must be text"),
        ],
        ids=["nul", "bell", "too-long", "resource"],
    )
    def test_unstorable_text_is_a_located_error(self, collection, title, problem):
        result = import_rdf(collection, asset(title=title), format="turtle")
        assert result.errors
        assert {error.path for error in result.errors} == {"<https://other.example.org/solution/1> dct:title"}
        assert any(problem in message for message in messages(result.errors))
        assert collection.objectIds() == []

    def test_a_hostile_filename_is_only_recorded(self, collection):
        import_rdf(collection, TURTLE, format="turtle", filename="../../<b>etc</b>.ttl")
        assert import_reports(collection)[0]["filename"] == "../../<b>etc</b>.ttl"


# Property: random graphs never raise and never half-import ------------------

SUBJECTS = st.sampled_from([
    URIRef("https://other.example.org/s/1"),
    URIRef("https://other.example.org/s/2"),
    URIRef("urn:x:3"),
])
PREDICATES = st.sampled_from([
    DCTERMS.title,
    DCTERMS.description,
    DCAT.keyword,
    DCAT.landingPage,
    DCTERMS.spatial,
    DCAT.theme,
    DCTERMS.license,
    DCTERMS.isVersionOf,
    DCTERMS.issued,
    DCAT.distribution,
    DCAT.accessURL,
    DCTERMS.publisher,
    DCAT.contactPoint,
    URIRef("http://www.w3.org/ns/adms#status"),
    URIRef("http://www.w3.org/2002/07/owl#versionInfo"),
])
OBJECTS = st.one_of(
    SUBJECTS,
    st.text(max_size=40).map(Literal),
    st.text(max_size=10).map(lambda text: Literal(text, lang="en")),
    st.sampled_from([
        URIRef("http://spdx.org/licenses/MIT"),
        URIRef("http://publications.europa.eu/resource/authority/country/FRA"),
        URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
        URIRef("http://purl.org/adms/status/Completed"),
        URIRef("javascript:alert(1)"),
        Literal("2024-13-45"),
    ]),
)
TYPES = st.lists(st.tuples(SUBJECTS, st.sampled_from([DCAT.Dataset, URIRef("http://www.w3.org/ns/adms#Asset")])))


class TestProperty:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        triples=st.lists(st.tuples(SUBJECTS, PREDICATES, OBJECTS), max_size=25),
        types=TYPES,
        format=st.sampled_from(["turtle", "xml", "nt"]),
    )
    def test_random_graphs_import_entirely_or_not_at_all(self, collection, triples, types, format):
        graph = Graph()
        for subject, cls in types:
            graph.add((subject, RDF.type, cls))
        for triple in triples:
            graph.add(triple)
        try:
            data = graph.serialize(format=format)
        except Exception:
            return  # rdflib cannot write it (e.g. a literal XML cannot hold)
        before = content_of(collection)
        result = import_rdf(collection, data, format=format)  # never raises
        after = content_of(collection)
        if result.errors:
            assert after == before
            assert all(error.message for error in result.errors)
        else:
            assert {item["original_uri"] for item in result.items} <= set(solutions_in(collection))

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        data=st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(lambda text: PREFIXES + text),
            st.text(max_size=200).map(lambda text: asset(title=json.dumps(text, ensure_ascii=False))),
        ),
        format=st.sampled_from(["turtle", "xml", "json-ld", "nt"]),
    )
    def test_any_bytes_give_an_answer_never_an_exception(self, collection, data, format):
        before = content_of(collection)
        result = import_rdf(collection, data, format=format)
        if result.errors:
            assert content_of(collection) == before
            assert all(isinstance(error.path, str) for error in result.errors)


# Import reports -------------------------------------------------------------


class TestReports:
    def test_a_successful_import_is_reported(self, collection):
        import_rdf(collection, TURTLE, format="turtle", filename="joinup-adms.ttl")
        [report] = import_reports(collection)
        assert report["source_format"] == "DCAT-AP"
        assert report["filename"] == "joinup-adms.ttl"
        assert report["outcome"] == "created"
        assert report["errors"] == []

    def test_a_reimport_is_reported_as_an_update(self, collection):
        import_rdf(collection, TURTLE, format="turtle")
        import_rdf(collection, TURTLE, format="turtle")
        assert import_reports(collection)[0]["outcome"] == "updated"

    def test_a_failed_import_is_reported_with_its_located_errors(self, collection):
        broken = asset(description=None)
        import_rdf(collection, broken, format="turtle", filename="broken.ttl")
        [report] = import_reports(collection)
        assert report["outcome"] == "failed"
        assert report["errors"][0]["path"] == "<https://other.example.org/solution/1> dct:description"
        assert "mandatory" in report["errors"][0]["message"]

    def test_the_report_of_a_rolled_back_import_is_kept(self, collection):
        with mock.patch.object(importer, "_write_release", side_effect=RuntimeError("boom")):
            import_rdf(collection, TURTLE, format="turtle")
        assert [report["outcome"] for report in import_reports(collection)] == ["failed"]

    def test_a_dry_run_is_reported_as_validated(self, collection):
        import_rdf(collection, TURTLE, format="turtle", dry_run=True)
        assert import_reports(collection)[0]["outcome"] == "validated"

    def test_a_single_solution_report_links_to_it(self, collection):
        import_rdf(collection, asset(), format="turtle")
        [solution] = solutions_in(collection).values()
        assert import_reports(collection)[0]["item_uid"] == solution.UID()


# The Classic UI form and the command -----------------------------------------


class Upload(io.BytesIO):
    def __init__(self, data, filename):
        super().__init__(data)
        self.filename = filename
        self.headers = {"Content-Type": "application/octet-stream"}


class TestForm:
    def submit(self, collection, request, data, filename, **fields):
        request.method = "POST"
        request.form.update({
            "form.submitted": "1",
            "_authenticator": createToken(),
            "file": Upload(data, filename),
            **fields,
        })
        return api.content.get_view("import-rdf", collection, request)()

    def test_the_form_offers_an_upload_and_the_reports(self, collection, layer_request):
        html = api.content.get_view("import-rdf", collection, layer_request)()
        assert 'type="file"' in html and 'name="_authenticator"' in html
        assert f"{collection.absolute_url()}/@@import-reports" in html

    def test_uploading_a_file_imports_it_and_lists_the_solutions(self, collection, layer_request):
        html = self.submit(collection, layer_request, RDF_XML, "joinup-adms.rdf")
        assert "osor-import-done" in html
        assert "EUSurvey" in html
        assert sorted(solutions_in(collection)) == [EUSURVEY, CIRCABC, DECIDIM]

    def test_a_reimport_lists_the_fields_an_editor_changed_as_kept(self, collection, layer_request):
        import_rdf(collection, TURTLE, format="turtle")
        solutions_in(collection)[EUSURVEY].description = "Written by our editor."
        changed = TURTLE.replace(b"survey management tool", b"survey service")
        html = self.submit(collection, layer_request, changed, "joinup-adms.ttl")
        assert html.count('data-outcome="kept"') == 1
        assert "Kept: edited on this site" in html
        assert solutions_in(collection)[EUSURVEY].description == "Written by our editor."

    def test_an_upload_with_errors_lists_them_and_writes_nothing(self, collection, layer_request):
        html = self.submit(collection, layer_request, asset(description=None).encode(), "one.ttl")
        assert "osor-import-errors" in html
        assert "&lt;https://other.example.org/solution/1&gt; dct:description" in html
        assert collection.objectIds() == []

    def test_the_form_needs_the_authenticator(self, collection, layer_request):
        from zExceptions import Forbidden

        layer_request.method = "POST"
        layer_request.form.update({"form.submitted": "1", "file": Upload(TURTLE, "a.ttl")})
        with pytest.raises(Forbidden):
            api.content.get_view("import-rdf", collection, layer_request)()
        assert collection.objectIds() == []


def test_the_collection_offers_the_import_to_whoever_may_add_a_solution(collection):
    def tab_ids():
        actions = api.portal.get_tool("portal_actions").listFilteredActionsFor(collection)
        return [action["id"] for action in actions["object"]]

    assert "osor_import_rdf" in tab_ids()
    api.user.create(email="visitor@example.org", username="visitor", password=PASSWORD)
    with api.env.adopt_user(username="visitor"):
        assert "osor_import_rdf" not in tab_ids()


class TestCommand:
    def test_the_command_prints_what_it_did_and_exits_zero(self, collection, tmp_path):
        path = tmp_path / "joinup-adms.ttl"
        path.write_bytes(TURTLE)
        lines = []
        assert command.import_file(collection, path, out=lines.append) == 0
        assert "joinup-adms.ttl: created EUSurvey" in "\n".join(lines)
        assert lines[-1] == "joinup-adms.ttl: created"

    def test_the_command_exits_non_zero_with_located_errors(self, collection, tmp_path):
        path = tmp_path / "broken.ttl"
        path.write_bytes(TURTLE.replace(b'dct:title "CIRCABC"@en ;', b'dct:title "CIRCABC"@en ;;; <<', 1))
        lines = []
        assert command.import_file(collection, path, out=lines.append) == 1
        assert any(line.startswith("broken.ttl:") and "error" in line for line in lines)
        assert lines[-1] == "broken.ttl: failed"
        assert collection.objectIds() == []

    def test_a_missing_file_exits_non_zero(self, collection, tmp_path):
        lines = []
        assert command.import_file(collection, tmp_path / "nope.ttl", out=lines.append) == 1


# REST ----------------------------------------------------------------------


def post(session, collection, data, content_type="text/turtle", **params):
    return session.post(
        f"{collection.getId()}/@federation-import",
        data=data,
        params=params,
        headers={"Content-Type": content_type},
    )


class TestRest:
    def test_a_member_imports_then_reimports(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, TURTLE, filename="joinup-adms.ttl")
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["created"] == 3 and body["updated"] == 0
        assert body["source_catalogue"] == CATALOGUE
        assert {item["original_uri"] for item in body["items"]} == {EUSURVEY, CIRCABC, DECIDIM}
        assert all(item["@id"].startswith("http") for item in body["items"])
        response = post(alice, collection_with_alice, RDF_XML, content_type="application/rdf+xml")
        assert response.status_code == 200, response.text
        assert response.json()["updated"] == 3
        transaction.begin()
        assert len(collection_with_alice.objectIds()) == 3

    def test_source_and_dry_run_parameters(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, TURTLE, source="https://joinup.example.eu/", dry_run="true")
        assert response.status_code == 200, response.text
        assert response.json()["dry_run"] is True
        assert response.json()["source_catalogue"] == "https://joinup.example.eu/"
        transaction.begin()
        assert collection_with_alice.objectIds() == []

    def test_a_bad_file_is_a_400_with_located_errors_and_nothing_written(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, asset(description=None))
        assert response.status_code == 400
        [error] = response.json()["errors"]
        assert error["path"] == "<https://other.example.org/solution/1> dct:description"
        assert "mandatory" in error["message"]
        transaction.begin()
        assert collection_with_alice.objectIds() == []
        assert import_reports(collection_with_alice)[0]["outcome"] == "failed"

    def test_malformed_rdf_is_a_400_naming_the_line(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, b"@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title .\n")
        assert response.status_code == 400
        assert response.json()["errors"][0]["line"] == 2

    def test_a_body_of_megabytes_under_the_cap_is_imported(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        padded = b"# " + b"x" * (2 * 1024 * 1024) + b"\n" + TURTLE  # a comment of 2 MB
        response = post(alice, collection_with_alice, padded)
        assert response.status_code == 201, response.text

    def test_a_body_over_the_cap_is_a_413(self, collection_with_alice, request_factory):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, b"#" * (parsing.MAX_BODY_BYTES + 1))
        assert response.status_code == 413
        assert "larger than 5 MB" in response.json()["errors"][0]["message"]

    @pytest.mark.parametrize("content_type", ["text/plain", "application/json", "application/x-www-form-urlencoded"])
    def test_a_body_that_is_not_rdf_is_a_415(self, collection_with_alice, request_factory, content_type):
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, TURTLE, content_type=content_type)
        assert response.status_code == 415
        transaction.begin()
        assert collection_with_alice.objectIds() == []

    @pytest.mark.parametrize("who", ["anonymous", "bob"])
    def test_who_may_not_add_a_solution_may_not_import(self, collection_with_alice, request_factory, who):
        session = request_factory() if who == "anonymous" else request_factory(basic_auth=(who, PASSWORD))
        response = post(session, collection_with_alice, TURTLE)
        assert response.status_code in (401, 403)
        transaction.begin()
        assert collection_with_alice.objectIds() == []

    def test_a_member_may_not_overwrite_a_solution_she_may_not_change(self, collection_with_alice, request_factory):
        olga = request_factory(basic_auth=("olga", PASSWORD))
        assert post(olga, collection_with_alice, TURTLE).status_code == 201
        alice = request_factory(basic_auth=("alice", PASSWORD))
        response = post(alice, collection_with_alice, TURTLE.replace(b'"EUSurvey"@en', b'"Hijacked"@en'))
        assert response.status_code == 400
        assert any(error["path"] == f"<{EUSURVEY}>" for error in response.json()["errors"])
        transaction.begin()
        assert solutions_in(collection_with_alice)[EUSURVEY].Title() == "EUSurvey"


def test_a_solution_named_by_a_relative_uri_is_refused(collection):
    data = PREFIXES + '<solution/1> a dcat:Dataset ; dct:title "Relative" ; dct:description "Its URI is relative." .'
    [error] = import_rdf(collection, data, format="turtle").errors
    assert error.path == "<solution/1>"
    assert "http or https URI" in translate(error.message)


def test_owl_imports_is_a_warning_that_it_is_not_followed(collection):
    data = asset(extra="<http://www.w3.org/2002/07/owl#imports> <https://example.org/more.ttl>")
    result = import_rdf(collection, data, format="turtle")
    assert result.errors == []
    assert "https://example.org/more.ttl is not fetched" in messages(result.warnings)[0]


@pytest.mark.parametrize("source", ["line\nbreak\u0000", "x" * 501])
def test_a_hostile_source_catalogue_is_refused(collection, source):
    result = import_rdf(collection, TURTLE, format="turtle", source_catalogue=source)
    assert [error.path for error in result.errors] == ["source"]
    assert collection.objectIds() == []
