"""Reading our translation catalogues (.pot and .po files) in the tests."""

from pathlib import Path
from paths import ROOT

import re


LOCALES = ROOT / "src" / "osor" / "collection" / "locales"


def _unquote(text: str) -> str:
    """The value of one quoted PO string."""
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), f"not a PO string: {text!r}"
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body[1:-1])


def parse_po(path: Path) -> dict[str, dict]:
    """msgid -> {"msgstr", "default", "fuzzy"} of a .po/.pot (header left out)."""
    entries: dict[str, dict] = {}
    entry: dict = {}
    field = None

    def flush():
        if entry.get("msgid"):
            entries[entry["msgid"]] = {
                "msgstr": entry.get("msgstr", ""),
                "default": entry.get("default"),
                "fuzzy": entry.get("fuzzy", False),
            }

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            flush()
            entry, field = {}, None
        elif line.startswith("#. Default:"):
            entry["default"] = _unquote(line[len("#. Default:") :])
        elif line.startswith("#,"):
            entry["fuzzy"] = entry.get("fuzzy", False) or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            field, entry["msgid"] = "msgid", _unquote(line[len("msgid ") :])
        elif line.startswith("msgstr "):
            field, entry["msgstr"] = "msgstr", _unquote(line[len("msgstr ") :])
        elif line.startswith('"') and field:
            entry[field] += _unquote(line)
        else:
            raise AssertionError(f"{path}: unexpected line {line!r}")
    return entries


def po_file(lang: str, domain: str = "osor.collection") -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
