"""The RDF serialisations of the export and how a request chooses one.

``?format=`` wins over the ``Accept`` header; an ``Accept`` header is read
with its quality values; ``*/*``, ``text/*``, ``application/*``, no header
and ``application/json`` (what plone.restapi clients send) are answered as
the default of each: Turtle, or JSON-LD for JSON clients.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Serialisation:
    name: str  # the ``?format=`` value
    media_type: str
    rdflib_format: str


TURTLE = Serialisation("turtle", "text/turtle", "turtle")
RDF_XML = Serialisation("xml", "application/rdf+xml", "xml")
JSON_LD = Serialisation("json-ld", "application/ld+json", "json-ld")
N_TRIPLES = Serialisation("nt", "application/n-triples", "nt")

SERIALISATIONS = (TURTLE, RDF_XML, JSON_LD, N_TRIPLES)
BY_NAME = {serialisation.name: serialisation for serialisation in SERIALISATIONS}
BY_MEDIA_TYPE = {serialisation.media_type: serialisation for serialisation in SERIALISATIONS}
# Media types that are not ours but that we answer.
BY_MEDIA_TYPE.update({
    "*/*": TURTLE,
    "text/*": TURTLE,
    "application/*": TURTLE,
    "application/x-turtle": TURTLE,
    "application/xml": RDF_XML,
    "application/json": JSON_LD,
    "text/plain": N_TRIPLES,
})


class UnknownFormat(ValueError):
    """``?format=`` names no serialisation."""


class NotAcceptable(ValueError):
    """The ``Accept`` header accepts none of our serialisations."""


def media_types_answered() -> list[str]:
    return [serialisation.media_type for serialisation in SERIALISATIONS]


def choose(format_name: str | None, accept: str | None) -> Serialisation:
    """The serialisation for ``?format=`` (if given) else the Accept header."""
    if format_name:
        try:
            return BY_NAME[format_name.strip().lower()]
        except KeyError:
            raise UnknownFormat(format_name) from None
    if not accept or not accept.strip():
        return TURTLE
    for media_type in _by_preference(accept):
        if media_type in BY_MEDIA_TYPE:
            return BY_MEDIA_TYPE[media_type]
    raise NotAcceptable(accept)


def _by_preference(accept: str) -> list[str]:
    """The media types of an Accept header, most wanted first (q=0 dropped)."""
    ranked = []
    for position, media_range in enumerate(accept.split(",")):
        media_type, *parameters = (part.strip() for part in media_range.split(";"))
        quality = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            ranked.append((-quality, position, media_type.lower()))
    return [media_type for _quality, _position, media_type in sorted(ranked)]


def serialise(graph, serialisation: Serialisation) -> bytes:
    options = {}
    if serialisation is JSON_LD:
        # Compact JSON-LD with the graph's prefixes (dct:title, not the full IRI).
        options["context"] = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
        options["auto_compact"] = True
    return graph.serialize(format=serialisation.rdflib_format, encoding="utf-8", **options)
