"""The line of a key path (``maintenance.contacts[0].email``) in a YAML text.

The validator locates its own problems; the importer finds problems later
(a value one of our fields refuses, a country we do not cover) and locates
them here, on the same text.
"""

from functools import lru_cache

import re
import yaml


_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def line_of(text: str, path: str) -> int | None:
    """The 1-based line where ``path`` is written in ``text``, or None."""
    node = _root(text)
    if node is None or not path:
        return None
    line = node.start_mark.line + 1
    for key, index in _SEGMENT.findall(path):
        if key and isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if pair[0].value == key), None)
            if match is None:
                return line
            line, node = match[0].start_mark.line + 1, match[1]
        elif index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        else:
            return line
    return line


@lru_cache(maxsize=4)
def _root(text: str):
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
