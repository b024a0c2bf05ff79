"""The publiccode.yml terms that have an equivalent in our vocabularies.

The facts are data (``mapping.yaml``, with a source per table); this module
only reads them. A value without an equivalent maps to nothing: it is kept in
the stored file, never an error.
"""

from functools import cache
from pathlib import Path

import yaml


MAPPING_FILE = Path(__file__).parent / "mapping.yaml"


@cache
def mapping_data() -> dict:
    with MAPPING_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


def table(name: str) -> dict[str, str]:
    """publiccode.yml value -> our token, for one table of mapping.yaml."""
    return mapping_data()[name]["map"]


def export_table(name: str) -> dict[str, str]:
    """Our token -> the publiccode.yml value an export writes."""
    return mapping_data()[name].get("export", {})


def mapped(name: str, value) -> str | None:
    """Our token for ``value`` in table ``name``, or None."""
    return table(name).get(value) if isinstance(value, str) else None
