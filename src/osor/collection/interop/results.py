"""What an import answers, whichever importer: its problems and its result.

The publiccode.yml importer and the federation (ADMS-AP / DCAT-AP) importer
answer the forms, the REST endpoints, the commands and the import reports
(``interop.reports``) in the same terms: ``Problem`` says what is wrong and
where, in English and as translatable Messages; ``ImportResult`` holds the
errors and warnings and says the outcome. Each importer's result adds what is
its own (the one solution of a publiccode.yml, the items of an RDF file).
"""

from dataclasses import dataclass
from dataclasses import field
from osor.collection.interop import imported_fields
from zope.i18n import interpolate
from zope.i18n import translate
from zope.i18nmessageid import Message


@dataclass
class Problem:
    """One thing wrong (or worth a warning) in an imported file, and where.

    ``path`` is where the publisher looks: a key path of a publiccode.yml
    (``legal.license``), or ``<subject> property`` in an RDF file, which
    also gives its ``subject`` (URI) and ``property`` (``dct:title``) apart.
    ``line`` is 1-based, None when unknown. ``message`` and ``hint`` are the
    English sentences; ``i18n_message`` and ``i18n_hint`` the same as
    translatable Messages (with their mapping).
    """

    path: str
    line: int | None
    message: str
    hint: str | None = None
    i18n_message: Message | None = field(default=None, repr=False, compare=False)
    i18n_hint: Message | None = field(default=None, repr=False, compare=False)
    subject: str | None = None
    property: str | None = None
    # The federation answers have only ever given the keys an RDF problem
    # has (a subject, a hint); a publiccode.yml problem answers its hint
    # always, null when there is none.
    rdf: bool = False

    def to_dict(self, request=None) -> dict:
        """The problem as JSON-ready data, translated for ``request`` if given."""
        message, hint = self.message, self.hint
        if request is not None:
            if self.i18n_message is not None:
                message = translate(self.i18n_message, context=request)
            if self.i18n_hint is not None:
                hint = translate(self.i18n_hint, context=request)
        if not self.rdf:
            return {"path": self.path, "line": self.line, "message": message, "hint": hint}
        data = {"path": self.path}
        if self.subject is not None:
            data.update(subject=self.subject, property=self.property)
        data.update(line=self.line, message=message)
        if hint:
            data["hint"] = hint
        return data


def english(message):
    """The English text of a Message, its mapping (Messages too) filled in."""
    if not isinstance(message, Message):
        return message
    mapping = {key: english(value) for key, value in (message.mapping or {}).items()}
    return interpolate(message.default or str(message), mapping)


def problem(path, line, message, hint=None) -> Problem:
    """A problem of a publiccode.yml at key ``path``; ``message`` and ``hint``
    are Messages (or text)."""
    return Problem(path, line, english(message), english(hint), message, hint)


def rdf_problem(message, *, path="", line=None, subject=None, prop=None, hint=None) -> Problem:
    """A problem of an RDF file: about a ``subject``'s property ``prop``
    (``federation.reading.problem`` names them and the ``path``), or about
    the file (a syntax error on ``line``, a refusal)."""
    return Problem(path, line, english(message), english(hint), message, hint, subject=subject, property=prop, rdf=True)


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do).

    Each importer's subclass gives the two things this reads: ``created``
    (true when the import created anything) and ``fields``, the FieldPlans
    of what it did to each field (``interop.imported_fields``).
    """

    warnings: list = field(default_factory=list)  # Problem
    errors: list = field(default_factory=list)  # Problem; one is enough for nothing to be written
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def conflicts(self) -> list:
        """The fields whose value an editor wrote was kept."""
        return imported_fields.conflicts(self.fields)

    @property
    def outcome(self) -> str:
        """What the import report records: failed, validated (a dry run), created or updated."""
        if self.errors:
            return "failed"
        if self.dry_run:
            return "validated"
        return "created" if self.created else "updated"
