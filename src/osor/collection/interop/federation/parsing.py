"""RDF bytes -> rdflib graph, offline, with located syntax errors.

rdflib would fetch a JSON-LD ``@context`` given as a URL (and an XML DTD
may name external entities): a harvested file must never make the site
open a connection, so both are refused before rdflib sees the file.
rdflib itself never follows ``owl:imports``.
"""

from dataclasses import dataclass
from osor.collection import _
from osor.collection.interop.results import Problem
from osor.collection.interop.results import rdf_problem
from pathlib import PurePosixPath
from xml.sax import SAXParseException

import json
import rdflib
import re


MAX_BODY_BYTES = 5 * 1024 * 1024

# Our format names (those of the DCAT export's ?format=) -> rdflib's.
FORMATS = {
    "turtle": "turtle",
    "xml": "xml",
    "json-ld": "json-ld",
    "nt": "nt",
}
FORMAT_ALIASES = {
    "ttl": "turtle",
    "rdf": "xml",
    "rdfxml": "xml",
    "rdf+xml": "xml",
    "jsonld": "json-ld",
    "ntriples": "nt",
    "n-triples": "nt",
}
CONTENT_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}
EXTENSIONS = {
    ".ttl": "turtle",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
}

# Relative URIs of a file resolve against this base: not http(s), so a
# solution named by one is refused (its URI would mean nothing elsewhere).
RELATIVE_BASE = "x-osor-relative://file/"

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class SyntaxProblem(Exception):
    """The file cannot be read as RDF: where (``line``, when known) and why."""

    message: object
    line: int | None = None
    hint: object = None

    def as_error(self) -> Problem:
        return rdf_problem(self.message, line=self.line, hint=self.hint)


def rdf_format(content_type=None, format=None, filename=None) -> str | None:
    """Our name of the RDF format given by ``format`` (a name), else by
    ``content_type``, else by ``filename``'s extension; None if unknown."""
    if format:
        name = format.strip().lower()
        return FORMATS.get(name) or FORMAT_ALIASES.get(name)
    if content_type:
        media_type = content_type.split(";")[0].strip().lower()
        if media_type in CONTENT_TYPES:
            return CONTENT_TYPES[media_type]
    if filename:
        return EXTENSIONS.get(PurePosixPath(filename).suffix.lower())
    return None


def parse(data: bytes, format: str) -> rdflib.Graph:
    """The graph of ``data`` in ``format`` (one of FORMATS), or SyntaxProblem."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if format == "json-ld":
        _refuse_remote_contexts(data)
    if format == "xml":
        _refuse_dtd(data)
    graph = rdflib.Graph()
    try:
        graph.parse(data=data, format=FORMATS[format], publicID=RELATIVE_BASE)
    except SyntaxProblem:
        raise
    except SAXParseException as error:
        raise SyntaxProblem(_syntax_message(error.getMessage()), line=error.getLineNumber()) from error
    except Exception as error:  # rdflib raises many types; all mean "not RDF"
        raise SyntaxProblem(_syntax_message(_why(error)), line=_line_of(error, data, format)) from error
    return graph


def _syntax_message(why: str):
    return _(
        "error_rdf_syntax",
        default="This is not valid RDF: ${why}",
        mapping={"why": why[:500]},
    )


def _why(error: Exception) -> str:
    why = getattr(error, "_why", None)  # notation3.BadSyntax: the reason alone
    return str(why or error or type(error).__name__)


def _line_of(error: Exception, data: bytes, format: str) -> int | None:
    lines = getattr(error, "lines", None)  # notation3.BadSyntax, 0-based
    if isinstance(lines, int):
        return lines + 1
    lineno = getattr(error, "lineno", None)  # json.JSONDecodeError
    if isinstance(lineno, int):
        return lineno
    if format == "nt":
        return _first_bad_ntriples_line(data)
    return None


def _first_bad_ntriples_line(data: bytes) -> int | None:
    """N-Triples is one statement per line: the first line rdflib refuses
    on its own (its error does not say which)."""
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            rdflib.Graph().parse(data=line + b"\n", format="nt")
        except Exception:
            return number
    return None


def _refuse_dtd(data: bytes) -> None:
    match = _DTD.search(data)
    if match:
        raise SyntaxProblem(
            _("error_rdf_dtd", default="RDF/XML with a DOCTYPE or entity declarations is not accepted."),
            line=data.count(b"\n", 0, match.start()) + 1,
            hint=_("hint_rdf_dtd", default="Remove the <!DOCTYPE …> declaration and write the URIs in full."),
        )


def _refuse_remote_contexts(data: bytes) -> None:
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise SyntaxProblem(
            _syntax_message(getattr(error, "msg", None) or str(error)),
            line=getattr(error, "lineno", None),
        ) from error
    try:
        remote = _remote_context(document)
    except RecursionError:
        raise SyntaxProblem(_syntax_message("nested too deeply")) from None
    if remote is not None:
        raise SyntaxProblem(
            _(
                "error_jsonld_remote_context",
                default="The JSON-LD context ${url} is a URL: remote contexts are not fetched.",
                mapping={"url": str(remote)[:200]},
            ),
            line=_line_of_text(data, str(remote)),
            hint=_(
                "hint_jsonld_remote_context", default="Put the context itself in the file (an object under @context)."
            ),
        )


def _remote_context(node):
    """The first context of ``node`` that rdflib would fetch (a string in
    ``@context``, or an ``@import``), else None."""
    if isinstance(node, list):
        for item in node:
            found = _remote_context(item)
            if found is not None:
                return found
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@import":
                return value
            if key == "@context":
                contexts = value if isinstance(value, list) else [value]
                for context in contexts:
                    if isinstance(context, str):
                        return context
            found = _remote_context(value)
            if found is not None:
                return found
    return None


def _line_of_text(data: bytes, text: str) -> int | None:
    position = data.find(json.dumps(text).encode("utf-8"))
    return data.count(b"\n", 0, position) + 1 if position >= 0 else None
