"""Read a publiccode.yml text into a tree of located values.

Why not ``yaml.safe_load``: the validator must say on which line each problem
is, so we compose PyYAML *nodes* (which carry ``start_mark``) and convert them
ourselves. Doing the conversion ourselves also lets us read scalars the way the
reference parser (italia/publiccode-parser-go, built on goccy/go-yaml, a YAML
1.2 reader) does: ``yes``/``no``/``on``/``off`` are strings, not booleans, and a
plain ``0.7`` is a number, not a string.

Hostile input is refused cheaply: aliases are not expanded while composing
(PyYAML shares the node), and ``read_document`` measures the expanded size on
the shared graph before converting anything ("billion laughs"), refuses
recursive aliases, and turns any parser failure into a ``DocumentError`` that
names the line.
"""

from dataclasses import dataclass
from dataclasses import field

import bisect
import re
import yaml


# Aliases may repeat at most this many values in all (a real publiccode.yml
# has a few hundred values and rarely an alias); a long file without
# aliases is not limited by it.
MAX_ALIAS_EXPANSION = 20_000
# PyYAML's pure-Python scanner slows down quadratically with nested [ ... ]
# (and the C one overflows the stack on deep nesting): refuse deep flow
# nesting before parsing. A real file nests two or three levels.
MAX_FLOW_DEPTH = 50
_BRACKETS = re.compile(r"[\[\]{}]")

MAPPING = "mapping"
SEQUENCE = "sequence"
SCALAR = "scalar"

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
# which goccy/go-yaml follows: no yes/no/on/off booleans, no sexagesimals.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_STR_TAG = "tag:yaml.org,2002:str"


class DocumentError(Exception):
    """The text is not a YAML document we can read; ``line`` is 1-based or None."""

    def __init__(self, reason, line=None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass
class Node:
    """A value of the document with the line it was written on.

    ``kind`` is MAPPING (``value`` is a dict of key -> Node, ``key_lines``
    gives each key's line), SEQUENCE (``value`` is a list of Node) or SCALAR
    (``value`` is None, bool, int, float or str as YAML 1.2 reads it; ``text``
    is the scalar as written, ``quoted`` tells whether it was quoted).
    ``duplicate_keys`` lists (key, line) of keys written twice in a mapping.
    """

    kind: str
    line: int
    value: object = None
    text: str = ""
    quoted: bool = False
    key_lines: dict = field(default_factory=dict)
    duplicate_keys: list = field(default_factory=list)

    @property
    def is_null(self):
        return self.kind == SCALAR and self.value is None

    def plain(self):
        """The value as plain Python data (dicts, lists, scalars)."""
        if self.kind == MAPPING:
            return {key: child.plain() for key, child in self.value.items()}
        if self.kind == SEQUENCE:
            return [child.plain() for child in self.value]
        return self.value


class _ComposeOnlyLoader(yaml.SafeLoader):
    """A pure-Python composer (it honours the recursion limit, unlike the C
    one) that tags every plain scalar as a string: we resolve scalars
    ourselves with the YAML 1.2 rules."""

    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's class-level table, emptied on purpose


def read_document(text):
    """Compose ``text`` and return its root ``Node`` (None for an empty file).

    Raises ``DocumentError`` for unreadable YAML, several documents, cyclic or
    exploding aliases.
    """
    lines = _Lines(text)
    _refuse_deep_flow_nesting(text, lines)
    loader = None
    try:
        loader = _ComposeOnlyLoader(text)  # the reader refuses control characters here
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(part for part in (error.context, error.problem) if part)
        if "expected a single document" in reason:
            reason = "the file holds several YAML documents; keep only one"
        raise DocumentError(reason or "the file is not valid YAML", lines.of(mark)) from None
    except yaml.YAMLError as error:
        # ReaderError (control characters, bad encoding) has no problem_mark.
        line = lines.at(getattr(error, "position", None))
        reason = getattr(error, "reason", None) or "the file is not valid YAML"
        character = getattr(error, "character", None)
        if isinstance(character, int):
            reason = f"{reason}: the character U+{character:04X} is not allowed in YAML"
        elif isinstance(character, str) and len(character) == 1:
            reason = f"{reason}: the character U+{ord(character):04X} is not allowed in YAML"
        raise DocumentError(reason, line) from None
    except RecursionError:
        # The reader stopped where the nesting became too deep.
        raise DocumentError("the file nests values too deeply", lines.at(loader.index)) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None
    _refuse_alias_explosion(root, lines)
    return _convert(root, lines)


def _refuse_deep_flow_nesting(text, lines):
    """Count brackets as if none were quoted: cheap, and only a file with
    dozens of unclosed brackets in its texts is refused wrongly."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            raise DocumentError("the file nests values too deeply", lines.at(match.start()))


class _Lines:
    """1-based line numbers as an editor counts them: after each "\\n" only
    (PyYAML's marks also count U+0085, U+2028 and U+2029 as line breaks,
    as YAML 1.1 did; YAML 1.2 does not)."""

    def __init__(self, text):
        self.starts = [match.end() for match in re.finditer("\n", text)]

    def at(self, index):
        if not isinstance(index, int):
            return None
        return bisect.bisect_right(self.starts, index) + 1

    def of(self, mark):
        return self.at(mark.index) if mark is not None else None


def _refuse_alias_explosion(root, lines):
    """Measure the alias-expanded size on the shared node graph (each
    distinct node visited once) and refuse cycles and oversized expansions."""
    sizes = {}
    in_progress = set()
    # Iterative post-order walk: deep documents must not blow the stack.
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            # Expanded minus distinct nodes: what the aliases add.
            if sizes[key] - len(sizes) > MAX_ALIAS_EXPANSION:
                raise DocumentError(
                    "the YAML aliases expand to too many values (more than "
                    f"{MAX_ALIAS_EXPANSION}); write the values out instead of repeating aliases",
                    lines.of(node.start_mark),
                )
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise DocumentError("a YAML alias refers to itself", lines.of(node.start_mark))
        in_progress.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                raise DocumentError("a YAML alias refers to itself", lines.of(child.start_mark))
            if id(child) not in sizes:
                stack.append((child, False))


def _children(node):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _convert(node, lines, line=None):
    line = line if line is not None else lines.of(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result = Node(MAPPING, line, value={})
        for key_node, value_node in node.value:
            key_line = lines.of(key_node.start_mark)
            key = _key_text(key_node)
            if key in result.value:
                result.duplicate_keys.append((key, key_line))
            result.value[key] = _convert(value_node, lines, line=key_line)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return Node(SEQUENCE, line, value=[_convert(item, lines) for item in node.value])
    return _scalar(node, line)


def _key_text(key_node):
    if isinstance(key_node, yaml.ScalarNode):
        return key_node.value
    # A mapping or list used as a key: keep it readable, it is reported as unknown.
    return f"<{'mapping' if isinstance(key_node, yaml.MappingNode) else 'list'} key>"


def _scalar(node, line):
    text = node.value
    quoted = node.style in ("'", '"', "|", ">")
    if quoted or node.tag != _STR_TAG:
        # Quoted, block or explicitly tagged (!!str ...): a string as written.
        return Node(SCALAR, line, value=text, text=text, quoted=True)
    return Node(SCALAR, line, value=_resolve_plain(text), text=text)


def _resolve_plain(text):
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        try:
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
        except ValueError:
            return text
    if _FLOAT.match(text):
        lowered = text.lower()
        if "inf" in lowered or "nan" in lowered:  # YAML writes .inf, -.Inf, .NaN
            return float(lowered.replace(".", ""))
        return float(text)
    return text
