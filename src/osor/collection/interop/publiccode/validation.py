"""Validate a publiccode.yml text offline, saying where each problem is.

``validate(text)`` answers a ``Validation``: the errors that make the file
unusable (a key the standard does not know among them, as the reference parser
refuses it), the warnings (deprecated keys, old versions) and the data
normalised to the v0.7 layout. Every problem (``interop.results.Problem``,
as the importers answer them) names its key path and 1-based line and is
phrased so that the publisher can fix the file.

The rules are data (``rules.yaml``, each with its source in the standard and
the reference parser italia/publiccode-parser-go); this module is the small
engine that walks the document along that table. Nothing is fetched: URLs,
logos and screenshots are checked for their form only.

``validate`` never raises: whatever the text, the answer is a ``Validation``.
"""

from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache
from osor.collection import _
from osor.collection import logger
from osor.collection.interop.publiccode import formats
from osor.collection.interop.publiccode.document import DocumentError
from osor.collection.interop.publiccode.document import MAPPING
from osor.collection.interop.publiccode.document import Node
from osor.collection.interop.publiccode.document import read_document
from osor.collection.interop.publiccode.document import SCALAR
from osor.collection.interop.publiccode.document import SEQUENCE
from osor.collection.interop.publiccode.text import decoded
from osor.collection.interop.publiccode.text import UndecodableText
from osor.collection.interop.results import problem
from pathlib import Path
from zope.i18nmessageid import Message

import difflib
import yaml


MAX_BYTES = 1_000_000
RULES_FILE = Path(__file__).parent / "rules.yaml"
# YAML 1.1 spellings of booleans, which YAML 1.2 (and the reference parser) read as text.
YAML11_BOOLEANS = {"y", "yes", "n", "no", "on", "off"}
# Texts longer than this are shortened when quoted in a message.
QUOTE_LIMIT = 60
# Key paths longer than this are shortened when shown in a message.
PATH_LIMIT = 120
# A vocabulary longer than this is not listed in a hint (categories has 100+).
MAX_LISTED_VALUES = 12


# -------------------------------------------------------------- the answer


@dataclass
class Validation:
    """The answer of ``validate``: ``data`` is None when the YAML is unreadable."""

    data: dict | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    version: str | None = None

    @property
    def ok(self):
        return not self.errors


# ------------------------------------------------------------------- rules


# What a key's entry in rules.yaml may say (its header explains each).
RULE_SETTINGS = frozenset({
    "type",
    "format",
    "required",
    "strict_text",
    "min_items",
    "min_length",
    "max_length",
    "vocabulary",
    "key_format",
    "extensions",
    "deprecated",
    "replacement",
    "same_as",
    "country_section",
    "source",
})


@dataclass(frozen=True, eq=False)
class Rule:
    """One key's entry of rules.yaml; a setting it does not give reads None."""

    pattern: tuple
    settings: dict

    def __getattr__(self, name):
        if name not in RULE_SETTINGS:
            raise AttributeError(name)
        return self.__dict__["settings"].get(name)

    @property
    def types(self):
        declared = self.settings.get("type", "string")
        return tuple(declared) if isinstance(declared, list) else (declared,)


@dataclass(frozen=True, eq=False)
class RuleTable:
    rules: tuple
    vocabularies: dict
    vocabulary_sources: dict
    supported_versions: tuple
    current_versions: tuple
    standard_version: str
    conditions: tuple
    conflicts: tuple

    # The table is one frozen instance loaded once per process, so caching on
    # ``self`` keeps nothing alive that would not live anyway.
    @lru_cache(maxsize=2048)  # noqa: B019
    def rule_for(self, segments):
        """The most specific rule whose pattern matches ``segments``."""
        best = None
        for rule in self.rules:
            if len(rule.pattern) != len(segments):
                continue
            matches = all(p == s or (p == "*" and s != "[]") for p, s in zip(rule.pattern, segments, strict=True))
            if matches and (best is None or rule.pattern.count("*") < best.pattern.count("*")):
                best = rule
        return best

    @lru_cache(maxsize=512)  # noqa: B019
    def child_names(self, segments):
        """The keys the table names for the mapping at ``segments``."""
        depth = len(segments)
        names = []
        for rule in self.rules:
            pattern = rule.pattern
            if len(pattern) != depth + 1 or pattern[-1] in ("*", "[]") or pattern[-1] in names:
                continue
            if all(p == s or (p == "*" and s != "[]") for p, s in zip(pattern[:-1], segments, strict=True)):
                names.append(pattern[-1])
        return tuple(names)


def _pattern(path):
    """'maintenance.contacts[].name' -> ('maintenance', 'contacts', '[]', 'name')."""
    segments = []
    for part in path.split("."):
        if part.endswith("[]"):
            segments.extend((part[:-2], "[]"))
        else:
            segments.append(part)
    return tuple(segments)


@lru_cache(maxsize=1)
def rule_table():
    """The rules of ``rules.yaml``, loaded once."""
    raw = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    for path, settings in raw["keys"].items():
        unknown = set(settings) - RULE_SETTINGS
        if unknown:
            raise ValueError(f"rules.yaml: {path} has unknown settings {sorted(unknown)}")
    return RuleTable(
        rules=tuple(Rule(_pattern(path), settings) for path, settings in raw["keys"].items()),
        vocabularies={name: tuple(entry["values"]) for name, entry in raw["vocabularies"].items()},
        vocabulary_sources={name: entry["source"].split()[0] for name, entry in raw["vocabularies"].items()},
        supported_versions=tuple(raw["versions"]["supported"]),
        current_versions=tuple(raw["versions"]["current"]),
        standard_version=raw["standard_version"],
        conditions=tuple(raw.get("conditions", ())),
        conflicts=tuple(raw.get("conflicts", ())),
    )


# ------------------------------------------------------------ the messages
# One message per kind of check; the rules only say which check applies.

_A_LIST = _("publiccode_kind_list", default="a list")
KIND_NAMES = {
    MAPPING: _("publiccode_kind_mapping", default="a group of keys"),
    SEQUENCE: _A_LIST,
    "string": _("publiccode_kind_text", default="a text"),
    "boolean": _("publiccode_kind_boolean", default="true or false"),
    "number": _("publiccode_kind_number", default="a number"),
    "list": _A_LIST,
    "nothing": _("publiccode_kind_nothing", default="nothing"),
}

FORMAT_NAMES = {
    "date": _("publiccode_format_date", default="a valid date"),
    "url": _("publiccode_format_url", default="a valid URL"),
    "http_url": _("publiccode_format_http_url", default="a valid web address"),
    "email": _("publiccode_format_email", default="a valid e-mail address"),
    "uri": _("publiccode_format_uri", default="a valid URI"),
    "ipa_code": _("publiccode_format_ipa_code", default="a valid iPA code"),
    "country": _("publiccode_format_country", default="a valid country code"),
    "language_tag": _("publiccode_format_language_tag", default="a valid BCP 47 language tag"),
    "spdx_expression": _("publiccode_format_spdx", default="a valid SPDX expression"),
    "mime_type": _("publiccode_format_mime_type", default="a valid media type"),
    "supports_id": _("publiccode_format_supports_id", default="a valid standard identifier"),
    "path_or_url": _("publiccode_format_path_or_url", default="a relative path or a web address"),
}

FORMAT_HINTS = {
    "date": _("publiccode_hint_date", default="write the date as YYYY-MM-DD, such as 2024-03-31"),
    "url": _("publiccode_hint_url", default="write the full address, such as https://github.com/example/project"),
    "http_url": _("publiccode_hint_http_url", default="write the full address, such as https://example.org/docs"),
    "email": _("publiccode_hint_email", default="write an e-mail address such as contact@example.org"),
    "uri": _(
        "publiccode_hint_uri",
        default="write a URL such as https://example.org or a URN such as urn:x-italian-pa:c_h501",
    ),
    "ipa_code": _(
        "publiccode_hint_ipa_code",
        default="write the administration's code in IndicePA (www.indicepa.gov.it), such as c_h501",
    ),
    "country": _("publiccode_hint_country", default="use an ISO 3166-1 alpha-2 code in capitals, such as IT or DE"),
    "language_tag": _("publiccode_hint_language_tag", default="use a BCP 47 tag such as en, it, de or pt-BR"),
    "spdx_expression": _(
        "publiccode_hint_spdx",
        default="use an SPDX identifier such as EUPL-1.2, or an expression such as MIT OR Apache-2.0",
    ),
    "mime_type": _("publiccode_hint_mime_type", default="write a media type such as text/csv"),
    "supports_id": _("publiccode_hint_supports_id", default="write alias:<name> (such as alias:gdpr) or a URL"),
    "path_or_url": _(
        "publiccode_hint_path_or_url",
        default="write a path such as img/logo.svg or a URL such as https://example.org/logo.svg",
    ),
}


def _quote(value, limit=QUOTE_LIMIT):
    """The value as it can be shown in a message: printable, not too long."""
    text = str(value)[: limit + 1]
    text = "".join(char if char.isprintable() else "\N{REPLACEMENT CHARACTER}" for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _readable(message):
    """The message with its key path shown readably: a hostile file's keys
    may be long or hold control characters (Problem.path keeps them as they are)."""
    path = (message.mapping or {}).get("path")
    if isinstance(path, str) and _quote(path, PATH_LIMIT) != path:
        return Message(message, mapping={**message.mapping, "path": _quote(path, PATH_LIMIT)})
    return message


def _kind_of(node):
    if node.kind != SCALAR:
        return KIND_NAMES[node.kind]
    if node.value is None:
        return KIND_NAMES["nothing"]
    if isinstance(node.value, bool):
        return KIND_NAMES["boolean"]
    if isinstance(node.value, (int, float)):
        return KIND_NAMES["number"]
    return KIND_NAMES["string"]


# ------------------------------------------------------------------ engine


class _Walk:
    """One validation run: walks the document along the rule table."""

    def __init__(self, table):
        self.table = table
        self.errors = []
        self.warnings = []

    def error(self, path, line, message, hint=None):
        self.errors.append(problem(path, line, _readable(message), hint))

    def warn(self, path, line, message, hint=None):
        self.warnings.append(problem(path, line, _readable(message), hint))

    # A node with its rule; answers its value normalised for ``data``.
    def node(self, node, segments, path, rule):
        if node.duplicate_keys:
            for key, line in node.duplicate_keys:
                self.error(
                    _join(path, key),
                    line,
                    _(
                        "publiccode_error_duplicate_key",
                        default="${path}: this key is written twice.",
                        mapping={"path": _join(path, key)},
                    ),
                    _("publiccode_hint_duplicate_key", default="keep one of them"),
                )
        if rule is None:
            return node.plain()
        if rule.deprecated:
            self.deprecated(path, node.line, rule)
        if not self.has_type(node, path, rule):
            return node.plain()
        if node.kind == MAPPING:
            return self.mapping(node, segments, path, rule)
        if node.kind == SEQUENCE:
            return self.sequence(node, segments, path, rule)
        return self.scalar(node, path, rule)

    def deprecated(self, path, line, rule):
        message = _("publiccode_warning_deprecated", default="${path}: this key is deprecated.", mapping={"path": path})
        if rule.replacement:
            hint = _(
                "publiccode_hint_deprecated_replacement",
                default="use ${replacement} instead",
                mapping={"replacement": rule.replacement},
            )
        else:
            hint = _("publiccode_hint_deprecated_drop", default="you can remove it")
        self.warn(path, line, message, hint)

    def has_type(self, node, path, rule):
        types = rule.types
        if node.kind == MAPPING:
            fits = "mapping" in types
        elif node.kind == SEQUENCE:
            fits = "list" in types
        elif "boolean" in types:
            fits = isinstance(node.value, bool)
            if not fits and not node.quoted and str(node.value).lower() in YAML11_BOOLEANS:
                self.error(
                    path,
                    node.line,
                    _(
                        "publiccode_error_yaml11_boolean",
                        default="${path}: '${value}' is not a boolean.",
                        mapping={"path": path, "value": _quote(node.text)},
                    ),
                    _(
                        "publiccode_hint_yaml11_boolean",
                        default="write true or false: yes, no, on and off are read as text",
                    ),
                )
                return False
        elif "string" in types:
            fits = not isinstance(node.value, bool)
            if fits and rule.strict_text and not isinstance(node.value, str):
                self.error(
                    path,
                    node.line,
                    _(
                        "publiccode_error_number_not_text",
                        default="${path}: ${value} is read as a number, not as a text.",
                        mapping={"path": path, "value": _quote(node.text)},
                    ),
                    _("publiccode_hint_quote_it", default='quote it: "${value}"', mapping={"value": _quote(node.text)}),
                )
                return False
        else:
            fits = False
        if not fits:
            expected = KIND_NAMES[types[0]]
            if len(types) > 1:
                expected = _(
                    "publiccode_kind_either",
                    default="${first} or ${second}",
                    mapping={"first": KIND_NAMES[types[0]], "second": KIND_NAMES[types[1]]},
                )
            self.error(
                path,
                node.line,
                _(
                    "publiccode_error_wrong_type",
                    default="${path} must be ${expected}, not ${found}.",
                    mapping={"path": path, "expected": expected, "found": _kind_of(node)},
                ),
            )
        return fits

    def mapping(self, node, segments, path, rule):
        result = {}
        if rule.min_items and len(node.value) < rule.min_items:
            self.too_few(path, node.line, rule)
        reading = segments
        if rule.same_as:
            reading = (*segments[:-1], rule.same_as)
        for key, child in node.value.items():
            child_path = _join(path, key)
            key_line = node.key_lines.get(key, child.line)
            if rule.key_format:
                self.check_key(rule.key_format, key, child_path, key_line)
            child_segments = (*reading, key)
            child_rule = self.table.rule_for(child_segments)
            if child_rule is None:
                self.unknown_key(key, reading, child_path, key_line)
                result[key] = child.plain()
                continue
            if child.is_null and child_rule.pattern[-1] == "*" and "mapping" in child_rule.types:
                # "en:" with nothing under it: a language without its texts.
                child = Node(MAPPING, child.line, value={})
            if child.is_null or (child_rule.required and child.kind == SCALAR and child.value == ""):
                if child_rule.required:
                    self.missing(child_path, key_line)
                result[key] = child.value
                continue
            result[key] = self.node(child, child_segments, child_path, child_rule)
        for name in self.table.child_names(reading):
            if name not in node.value and self.table.rule_for((*reading, name)).required:
                self.missing(_join(path, name), node.line)
        return result

    def check_key(self, format_name, key, path, line):
        reason = self.format_reason(format_name, key)
        if reason is not None:
            self.error(
                path,
                line,
                _(
                    "publiccode_error_key_format",
                    default="${path}: the key '${key}' is not ${what}: ${reason}.",
                    mapping={"path": path, "key": _quote(key), "what": FORMAT_NAMES[format_name], "reason": reason},
                ),
                FORMAT_HINTS.get(format_name),
            )

    def unknown_key(self, key, segments, path, line):
        """An error, as the reference parser refuses a key it does not know
        (and a catalogue that uses it refuses the file); the hint names the
        known key the publisher probably meant."""
        self.error(
            path,
            line,
            _(
                "publiccode_error_unknown_key",
                default="${path}: this key is not part of publiccode.yml ${version}.",
                mapping={"path": path, "version": self.table.standard_version},
            ),
            self.unknown_key_hint(key, segments),
        )

    def unknown_key_hint(self, key, segments):
        """Keys are case-sensitive ('It' is not 'IT'): a key that differs only
        in case is named first, then the closest spelling."""
        names = self.table.child_names(segments)
        same_letters = [name for name in names if name.lower() == key.lower()]
        if same_letters:
            # 'it' and 'IT' both exist; the one that is not deprecated is the advice.
            current = [name for name in same_letters if not self.table.rule_for((*segments, name)).deprecated]
            return _(
                "publiccode_hint_unknown_key_case",
                default="keys are case-sensitive: write '${key}'",
                mapping={"key": (current or same_letters)[0]},
            )
        close = difflib.get_close_matches(key[:QUOTE_LIMIT], names, n=1, cutoff=0.6)
        if close:
            return _("publiccode_hint_unknown_key_close", default="did you mean '${key}'?", mapping={"key": close[0]})
        return _("publiccode_hint_unknown_key", default="check its spelling and where it is indented")

    def sequence(self, node, segments, path, rule):
        if rule.min_items and len(node.value) < rule.min_items:
            self.too_few(path, node.line, rule)
        item_segments = (*segments, "[]")
        item_rule = self.table.rule_for(item_segments)
        return [self.node(item, item_segments, f"{path}[{index}]", item_rule) for index, item in enumerate(node.value)]

    def scalar(self, node, path, rule):
        if "boolean" in rule.types:
            return node.value
        # Numbers where a text is expected (softwareVersion: 1.0) are kept as written.
        value = node.value if isinstance(node.value, str) else node.text
        length = formats.text_length(value)
        if rule.max_length is not None and length > rule.max_length:
            self.error(
                path,
                node.line,
                _(
                    "publiccode_error_too_long",
                    default="${path} is ${length} characters long; at most ${limit} are allowed.",
                    mapping={"path": path, "length": length, "limit": rule.max_length},
                ),
                _("publiccode_hint_too_long", default="shorten it"),
            )
        if rule.min_length is not None and length < rule.min_length:
            self.error(
                path,
                node.line,
                _(
                    "publiccode_error_too_short",
                    default="${path} is ${length} characters long; at least ${limit} are needed.",
                    mapping={"path": path, "length": length, "limit": rule.min_length},
                ),
                _("publiccode_hint_too_short", default="describe the software in more detail"),
            )
        if rule.vocabulary:
            allowed = self.table.vocabularies[rule.vocabulary]
            if value not in allowed:
                self.error(
                    path,
                    node.line,
                    _(
                        "publiccode_error_vocabulary",
                        default="${path}: '${value}' is not one of the allowed values.",
                        mapping={"path": path, "value": _quote(value)},
                    ),
                    self.vocabulary_hint(rule.vocabulary, value),
                )
        if rule.format:
            value = self.formatted(rule.format, value, path, node.line)
        if rule.extensions and formats.file_extension(value) not in rule.extensions:
            self.error(
                path,
                node.line,
                _(
                    "publiccode_error_extension",
                    default="${path}: '${value}' must be a file of type ${extensions}.",
                    mapping={"path": path, "value": _quote(value), "extensions": ", ".join(rule.extensions)},
                ),
                _(
                    "publiccode_hint_extension",
                    default="convert the file to ${first} and point to it",
                    mapping={"first": rule.extensions[0]},
                ),
            )
        return value

    def vocabulary_hint(self, vocabulary, value):
        """The allowed values when they are few; else the closest ones and
        where the list is published."""
        allowed = self.table.vocabularies[vocabulary]
        if len(allowed) <= MAX_LISTED_VALUES:
            return _(
                "publiccode_hint_vocabulary", default="use one of: ${values}", mapping={"values": ", ".join(allowed)}
            )
        source = self.table.vocabulary_sources[vocabulary]
        close = difflib.get_close_matches(value[:QUOTE_LIMIT], allowed, n=3, cutoff=0.6)
        if close:
            return _(
                "publiccode_hint_vocabulary_close",
                default="did you mean ${values}? The allowed values are listed at ${source}",
                mapping={"values": " or ".join(f"'{item}'" for item in close), "source": source},
            )
        return _(
            "publiccode_hint_vocabulary_source", default="use a value listed at ${source}", mapping={"source": source}
        )

    def formatted(self, format_name, value, path, line):
        if format_name == "version":
            if value not in self.table.supported_versions:
                self.error(
                    path,
                    line,
                    _(
                        "publiccode_error_unsupported_version",
                        default="${path}: '${value}' is not a supported version of publiccode.yml.",
                        mapping={"path": path, "value": _quote(value)},
                    ),
                    _(
                        "publiccode_hint_unsupported_version",
                        default='write "${current}" (supported: ${supported})',
                        mapping={
                            "current": self.table.standard_version,
                            "supported": ", ".join(self.table.supported_versions),
                        },
                    ),
                )
            return value
        reason = self.format_reason(format_name, value)
        if reason is not None:
            self.error(
                path,
                line,
                _(
                    "publiccode_error_format",
                    default="${path}: '${value}' is not ${what}: ${reason}.",
                    mapping={"path": path, "value": _quote(value), "what": FORMAT_NAMES[format_name], "reason": reason},
                ),
                FORMAT_HINTS.get(format_name),
            )
        elif format_name == "country" and value != value.upper():
            self.warn(
                path,
                line,
                _(
                    "publiccode_warning_lowercase_country",
                    default="${path}: lower-case country codes are deprecated.",
                    mapping={"path": path},
                ),
                _("publiccode_hint_lowercase_country", default="write '${code}'", mapping={"code": value.upper()}),
            )
            return value.upper()
        return value

    def format_reason(self, format_name, value):
        if format_name == "supports_id":
            if value.startswith("alias:"):
                if value[len("alias:") :] in self.table.vocabularies["supportsAlias"]:
                    return None
                return _(
                    "publiccode_reason_unknown_alias",
                    default="the known aliases are ${aliases}",
                    mapping={"aliases": ", ".join(self.table.vocabularies["supportsAlias"])},
                )
            format_name = "uri"
        return formats.CHECKS[format_name](value)

    def missing(self, path, line):
        self.error(
            path,
            line,
            _("publiccode_error_required", default="${path} is required.", mapping={"path": path}),
            _where_to_add(path),
        )

    def too_few(self, path, line, rule):
        self.error(
            path,
            line,
            _(
                "publiccode_error_too_few",
                default="${path} must hold at least ${count} entry.",
                mapping={"path": path, "count": rule.min_items},
            ),
        )


def _where_to_add(path):
    parent, _dot, key = path.rpartition(".")
    if not parent:
        return _(
            "publiccode_hint_add_top_level", default="add ${key} at the top level of the file", mapping={"key": key}
        )
    return _(
        "publiccode_hint_add_under",
        default="add ${key} under ${parent}",
        mapping={"key": key, "parent": _quote(parent, PATH_LIMIT)},
    )


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


# ------------------------------------------------------- rules between keys


def _value_at(data, dotted):
    value = data
    for key in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _line_at(root, dotted):
    node, line = root, root.line
    for key in dotted.split("."):
        if node.kind != MAPPING or key not in node.value:
            return line
        line = node.key_lines.get(key, line)
        node = node.value[key]
    return line


def _check_conditions(walk, table, root, data):
    for condition in table.conditions:
        key, when = condition["key"], condition["when"]
        switch = _value_at(data, when)
        if not isinstance(switch, str):
            continue
        present = _value_at(data, key) not in (None, [], "")
        if not present and switch in condition.get("required_for", ()):
            walk.error(
                key,
                _line_at(root, when),
                _(
                    "publiccode_error_required_when",
                    default="${path} is required when ${when} is '${value}'.",
                    mapping={"path": key, "when": when, "value": switch},
                ),
                _where_to_add(key),
            )
        allowed = condition.get("allowed_only_for")
        if present and allowed and switch not in allowed:
            walk.error(
                key,
                _line_at(root, key),
                _(
                    "publiccode_error_allowed_only_when",
                    default="${path} is only allowed when ${when} is ${allowed}, not '${value}'.",
                    mapping={"path": key, "when": when, "allowed": " or ".join(allowed), "value": switch},
                ),
                _(
                    "publiccode_hint_remove_or_change",
                    default="remove ${path} or change ${when}",
                    mapping={"path": key, "when": when},
                ),
            )
    for conflict in table.conflicts:
        keys = conflict["keys"]
        if all(isinstance(data, dict) and key in data for key in keys):
            extra = keys[1]
            walk.error(
                extra,
                _line_at(root, extra),
                _(
                    "publiccode_error_conflict",
                    default="${path}: '${keep}' is already present.",
                    mapping={"path": extra, "keep": keys[0]},
                ),
                _(
                    "publiccode_hint_conflict",
                    default="merge ${path} into ${keep}",
                    mapping={"path": extra, "keep": keys[0]},
                ),
            )


# ------------------------------------------------------------ normalising


def _normalise(data, table):
    """Move the old spellings to their v0.7 place (as the reference parser's
    v0 reader does): a top-level key the table reads ``same_as`` another
    (``it`` -> ``IT``) takes its name unless both are given,
    ``IT.riuso.codiceIPA`` becomes ``organisation.uri``, and the version
    becomes the standard's."""
    renamed = {
        rule.pattern[0]: rule.same_as
        for rule in table.rules
        if len(rule.pattern) == 1 and rule.same_as and rule.pattern[0] in data and rule.same_as not in data
    }
    data = {renamed.get(key, key): value for key, value in data.items()}
    section = data.get("IT")
    code = _value_at(section, "riuso.codiceIPA") if isinstance(section, dict) else None
    if isinstance(code, str) and code and not data.get("organisation"):
        organisation = {"uri": f"urn:x-italian-pa:{code}"}
        owner = _value_at(data, "legal.repoOwner")
        if isinstance(owner, str) and owner:
            organisation["name"] = owner
        data["organisation"] = organisation
    data["publiccodeYmlVersion"] = table.standard_version
    return data


def known_keys_only(data, segments=()):
    """``data`` without the keys the standard does not know, for a file
    stored before such keys were refused: what is exported from it must pass
    the reference parser."""
    table = rule_table()
    if isinstance(data, list):
        return [known_keys_only(item, (*segments, "[]")) for item in data]
    if not isinstance(data, dict):
        return data
    kept = {}
    for key, value in data.items():
        rule = table.rule_for((*segments, key))
        if rule is None:
            continue
        reading = (*segments, rule.same_as) if rule.same_as else (*segments, key)
        kept[key] = known_keys_only(value, reading)
    return kept


# -------------------------------------------------------------- the entry


def validate(text):
    """Validate the publiccode.yml ``text``; never raises."""
    try:
        return _validate(text)
    except Exception as error:  # the promise is an answer, whatever the input
        logger.exception("publiccode.yml validation failed unexpectedly")
        return Validation(
            errors=[
                problem(
                    "",
                    None,
                    _(
                        "publiccode_error_internal",
                        default="The file could not be checked (${reason}).",
                        mapping={"reason": type(error).__name__},
                    ),
                )
            ]
        )


def _validate(text):
    if isinstance(text, bytes):
        # The reference parser refuses a file that is not UTF-8, as the
        # upload paths do (text.decoded).
        try:
            text = decoded(text)
        except UndecodableText as error:
            return Validation(errors=[error.problem])
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    size = len(text) if len(text) > MAX_BYTES else len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_BYTES:
        return Validation(
            errors=[
                problem(
                    "",
                    None,
                    _(
                        "publiccode_validation_too_large",
                        default="The file is larger than 1 MB; a publiccode.yml is a few kilobytes.",
                    ),
                    _("publiccode_hint_too_large", default="check that this is the right file"),
                )
            ]
        )
    try:
        root = read_document(text.lstrip("\ufeff"))
    except DocumentError as error:
        return Validation(
            errors=[
                problem(
                    "",
                    error.line,
                    _(
                        "publiccode_error_unreadable",
                        default="The file is not valid YAML: ${reason}.",
                        mapping={"reason": error.reason},
                    ),
                    _("publiccode_hint_unreadable", default="check the indentation and quoting around that line"),
                )
            ]
        )
    table = rule_table()
    walk = _Walk(table)
    if root is None or root.kind != MAPPING:
        walk.error(
            "",
            1 if root is None else root.line,
            _(
                "publiccode_error_not_a_mapping",
                default="The file must be a group of keys such as 'name: ...', not ${found}.",
                mapping={"found": KIND_NAMES["nothing"] if root is None else _kind_of(root)},
            ),
            _("publiccode_hint_not_a_mapping", default="start from the example in the publiccode.yml standard"),
        )
        return Validation(data=None if root is None else {}, errors=walk.errors)
    version_node = root.value.get("publiccodeYmlVersion")
    version = version_node.text if version_node is not None and version_node.kind == SCALAR else None
    data = walk.node(root, (), "", _ROOT_RULE)
    _check_conditions(walk, table, root, data)
    if (
        version_node is not None
        and isinstance(version_node.value, str)
        and version in table.supported_versions
        and version not in table.current_versions
    ):
        walk.warn(
            "publiccodeYmlVersion",
            version_node.line,
            _(
                "publiccode_warning_old_version",
                default="publiccodeYmlVersion: version ${version} is not the latest; the file is read as version ${current}.",  # noqa: E501
                mapping={"version": version, "current": table.standard_version},
            ),
            _(
                "publiccode_hint_old_version",
                default='write publiccodeYmlVersion: "${current}"',
                mapping={"current": table.standard_version},
            ),
        )
    data = _normalise(data, table)
    errors = sorted(walk.errors, key=lambda item: item.line or 0)
    warnings = sorted(walk.warnings, key=lambda item: item.line or 0)
    return Validation(data=data, errors=errors, warnings=warnings, version=version)


_ROOT_RULE = Rule((), {"type": "mapping"})
