#!/usr/bin/env python3
"""Rebuild the translation catalogues of osor.collection (``make i18n``).

Usage:
    .venv/bin/python scripts/i18n.py            rebuild the .pot, sync every .po
    .venv/bin/python scripts/i18n.py pot DIR    only write the .pot files into DIR
                                                (tests/i18n/test_translations.py)

1. ``locales/generated.pot`` holds the messages i18ndude cannot see because
   the code translates a variable (``_(title)``): the term titles of the data
   vocabularies (``vocabularies/data/*.yaml``, every ``terms`` mapping of
   token -> English title) and the role and action titles of the permission
   matrix (``membership/permission_matrix.yaml``), the explanations and
   conditions of the licence compatibility table
   (``licences/data/compatibility.yaml``). It is generated from the
   YAML files, so it cannot drift from them: never edit it by hand.
   Messages that are neither in the code nor in YAML go into an optional,
   hand-written ``locales/manual.pot``.
2. ``i18ndude rebuild-pot`` extracts the Python code, the page templates, the
   ZCML and the GenericSetup XML (types, workflows, actions: i18n:translate
   and i18n:attributes) and merges both files into ``osor.collection.pot``.
3. ``i18ndude sync`` brings ``locales/<lang>/LC_MESSAGES/osor.collection.po``
   of every language in LANGUAGES up to date (new messages get an empty
   msgstr, to be translated; tests/i18n/test_translations.py fails until they are).
4. Plone's workflow menu and folder contents translate state and transition
   titles in the ``plone`` domain, not in the workflow's: ``locales/plone.pot``
   holds those titles of our workflows that Plone itself does not translate
   (plone.app.locales), and ``locales/<lang>/LC_MESSAGES/plone.po`` copies
   their translations from osor.collection.po: translate them there only.

The .mo files are not committed: ``make install`` compiles them
(scripts/compile_mo.py).
"""

from babel import Locale
from babel.messages.plurals import get_plural
from osor.collection.vocabularies.language import EU_LANGUAGES
from pathlib import Path

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import yaml


ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "osor" / "collection"
LOCALES = PACKAGE / "locales"
DOMAIN = "osor.collection"
POT_NAME = f"{DOMAIN}.pot"
GENERATED_POT = "generated.pot"
MANUAL_POT = LOCALES / "manual.pot"

PLONE_DOMAIN = "plone"
PLONE_POT_NAME = f"{PLONE_DOMAIN}.pot"
WORKFLOW_FILES = "profiles/default/workflows/*/definition.xml"
VOCABULARY_FILES = "vocabularies/data/*.yaml"
PERMISSION_MATRIX = "membership/permission_matrix.yaml"
FACETS_FILE = "discovery/facets.yaml"
COMPATIBILITY_FILE = "licences/data/compatibility.yaml"

# The 24 official EU languages; each catalogue's header (the language's own
# name, gettext plural forms) comes from Babel's CLDR data.
LANGUAGES = EU_LANGUAGES


def language_header(lang: str) -> tuple[str, str]:
    """(name in the language, gettext Plural-Forms) of ``lang``."""
    plural = get_plural(lang)
    name = Locale.parse(lang).display_name
    return name[:1].upper() + name[1:], str(plural)


def i18ndude() -> str:
    """The i18ndude of the running virtualenv (else the one on PATH)."""
    beside = Path(sys.executable).parent / "i18ndude"
    return str(beside) if beside.exists() else "i18ndude"


# ------------------------------------------------------------ YAML messages


def _reference(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def yaml_messages() -> dict[str, list[str]]:
    """English message id -> the YAML files (relative to src/) it comes from."""
    messages: dict[str, list[str]] = {}

    def add(msgid, path):
        if isinstance(msgid, str) and msgid.strip():
            references = messages.setdefault(msgid, [])
            if _reference(path) not in references:
                references.append(_reference(path))

    for path in sorted(PACKAGE.glob(VOCABULARY_FILES)):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        # The gettext vocabularies: {key: {"terms": {token: English title}}}.
        # Files of another shape (taxonomies.yaml carries its own per-language
        # titles for collective.taxonomy) have no such mapping and add nothing.
        for spec in data.values():
            terms = spec.get("terms") if isinstance(spec, dict) else None
            if isinstance(terms, dict):
                for title in terms.values():
                    add(title, path)

    # The facet titles of the faceted search.
    facets_path = PACKAGE / FACETS_FILE
    for facet in yaml.safe_load(facets_path.read_text(encoding="utf-8"))["facets"]:
        add(facet["title"], facets_path)

    matrix_path = PACKAGE / PERMISSION_MATRIX
    matrix = yaml.safe_load(matrix_path.read_text(encoding="utf-8"))
    for title in matrix["roles"].values():
        add(title, matrix_path)
    for action in matrix["actions"].values():
        add(action["title"], matrix_path)

    # The explanations and conditions of the licence compatibility table
    # (licences/compatibility.py translates them, whitespace folded).
    compatibility_path = PACKAGE / COMPATIBILITY_FILE
    for rule in yaml.safe_load(compatibility_path.read_text(encoding="utf-8"))["rules"]:
        for text in [rule["explanation"], *rule.get("conditions", [])]:
            add(" ".join(text.split()), compatibility_path)
    return messages


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def pot_text(domain: str, comment: list[str], messages: dict[str, list[str]]) -> str:
    """A .pot of ``messages`` (msgid -> references) with a header comment."""
    lines = [f"# {line}" for line in comment] + [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        f'"Domain: {domain}\\n"',
        "",
    ]
    for msgid, references in sorted(messages.items()):
        lines += [f"#: {' '.join(references)}", f"msgid {_quote(msgid)}", 'msgstr ""', ""]
    return "\n".join(lines)


def generated_pot_text() -> str:
    comment = [
        "Messages of osor.collection that i18ndude cannot extract: the titles",
        "in the YAML data files. Generated by scripts/i18n.py (make i18n):",
        "do not edit by hand.",
    ]
    return pot_text(DOMAIN, comment, yaml_messages())


def plone_msgids() -> set[str]:
    """The message ids plone.app.locales already has in the plone domain."""
    spec = importlib.util.find_spec("plone.app.locales")
    if spec is None or not spec.submodule_search_locations:
        return set()
    pot = Path(next(iter(spec.submodule_search_locations))) / "locales" / PLONE_POT_NAME
    if not pot.exists():
        return set()
    text = pot.read_text(encoding="utf-8")
    return {_unquote(match) for match in re.findall(r'^msgid ("(?:[^"\\]|\\.)*")$', text, re.M)}


def _unquote(quoted: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), quoted[1:-1])


def workflow_titles() -> dict[str, list[str]]:
    """Titles of our workflows' states and transitions (and transition menu
    entries) that Plone does not translate already -> their definition files."""
    known = plone_msgids()
    titles: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.glob(WORKFLOW_FILES)):
        root = ET.parse(path).getroot()
        texts = [state.get("title") for state in root.iter("state")]
        for transition in root.iter("transition"):
            texts.append(transition.get("title"))
            action = transition.find("action")
            texts.append(action.text if action is not None else None)
        for text in texts:
            text = (text or "").strip()
            if text and text not in known:
                references = titles.setdefault(text, [])
                if _reference(path) not in references:
                    references.append(_reference(path))
    return titles


def plone_pot_text() -> str:
    comment = [
        "Workflow titles of osor.collection for Plone's menus (plone domain),",
        "those plone.app.locales lacks. Generated by scripts/i18n.py (make i18n):",
        "do not edit by hand; the .po files copy osor.collection.po.",
    ]
    return pot_text(PLONE_DOMAIN, comment, workflow_titles())


# ------------------------------------------------------------ catalogues


def build_pot(directory: Path) -> Path:
    """Write generated.pot, osor.collection.pot and plone.pot into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / PLONE_POT_NAME).write_text(plone_pot_text(), encoding="utf-8")
    generated = directory / GENERATED_POT
    generated.write_text(generated_pot_text(), encoding="utf-8")
    pot = directory / POT_NAME
    command = [i18ndude(), "rebuild-pot", "--pot", str(pot), "--create", DOMAIN]
    command += ["--merge", str(generated)]
    if MANUAL_POT.exists():
        command += ["--merge2", str(MANUAL_POT)]
    command.append(str(PACKAGE.relative_to(ROOT)))
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return pot


def _new_po(lang: str, domain: str = DOMAIN) -> str:
    name, plural_forms = language_header(lang)
    return "\n".join([
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: osor.collection\\n"',
        '"POT-Creation-Date: 2026-01-01 00:00+0000\\n"',
        '"PO-Revision-Date: 2026-01-01 00:00+0000\\n"',
        '"Last-Translator: Open Source Observatory\\n"',
        f'"Language-Team: {name}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=utf-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        f'"Plural-Forms: {plural_forms}\\n"',
        f'"Language: {lang}\\n"',
        f'"Language-Code: {lang}\\n"',
        f'"Language-Name: {name}\\n"',
        '"Preferred-Encodings: utf-8\\n"',
        f'"Domain: {domain}\\n"',
        "",
    ])


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def _entries(lines: list[str]):
    """(msgid line, index of the msgstr line, index after its last line) of each entry."""
    for index, line in enumerate(lines[:-1]):
        if line.startswith("msgid ") and lines[index + 1].startswith("msgstr "):
            end = index + 2
            while end < len(lines) and lines[end].startswith('"'):
                end += 1
            yield line, index + 1, end


def copy_translations(source: Path, target: Path) -> None:
    """Give every message of ``target`` its msgstr (all its lines) in ``source``."""
    source_lines = source.read_text(encoding="utf-8").split("\n")
    translations = {msgid: source_lines[start:end] for msgid, start, end in _entries(source_lines)}
    lines = target.read_text(encoding="utf-8").split("\n")
    for msgid, start, end in reversed(list(_entries(lines))):
        if msgid != 'msgid ""' and msgid in translations:
            lines[start:end] = translations[msgid]
    target.write_text("\n".join(lines), encoding="utf-8")


def _sync(pot: Path, domain: str) -> None:
    files = []
    for lang in LANGUAGES:
        po = po_path(lang, domain)
        if not po.exists():
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(_new_po(lang, domain), encoding="utf-8")
            print(f"created {po.relative_to(ROOT)}")
        files.append(str(po.relative_to(ROOT)))
    subprocess.run([i18ndude(), "sync", "--pot", str(pot.relative_to(ROOT)), *files], cwd=ROOT, check=True)


def sync() -> None:
    pot = build_pot(LOCALES)
    print(f"rebuilt {pot.relative_to(ROOT)} and {PLONE_POT_NAME}")
    _sync(pot, DOMAIN)
    _sync(LOCALES / PLONE_POT_NAME, PLONE_DOMAIN)
    for lang in LANGUAGES:
        copy_translations(po_path(lang), po_path(lang, PLONE_DOMAIN))


def main(argv) -> int:
    if argv[1:2] == ["pot"] and len(argv) == 3:
        build_pot(Path(argv[2]))
        return 0
    if len(argv) > 1:
        print(__doc__)
        return 2
    sync()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
