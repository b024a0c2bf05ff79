"""The glossary per language is what the catalogues say (issue #30).

docs/glossary/terms.yaml lists the terms and the catalogue messages that
are exactly the term; docs/glossary/<lang>.md gives each term in one
language. A catalogue that translates such a message another way has
drifted from its glossary (or the glossary from it).
"""

from catalogues import parse_po
from catalogues import po_file
from osor.collection.vocabularies.language import EU_LANGUAGES
from paths import ROOT

import pytest
import yaml


GLOSSARY = ROOT / "docs" / "glossary"
TRANSLATED = [lang for lang in EU_LANGUAGES if lang != "en"]


def glossary_terms() -> dict:
    return yaml.safe_load((GLOSSARY / "terms.yaml").read_text(encoding="utf-8"))["terms"]


def glossary_of(lang: str) -> dict[str, str]:
    """English term -> translation, from the table of docs/glossary/<lang>.md."""
    rows = {}
    for line in (GLOSSARY / f"{lang}.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and cells[0] not in ("English", "---"):
            rows[cells[0]] = cells[1]
    return rows


def test_glossary_anchors_are_messages_of_the_catalogue():
    pot = parse_po(po_file("en"))
    for term, spec in glossary_terms().items():
        for msgid in spec["messages"]:
            assert msgid in pot, f"{term}: {msgid!r} is not a message of osor.collection"
            assert (pot[msgid]["default"] or msgid).casefold() == term.casefold(), (term, msgid)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_glossary_has_every_term(lang):
    rows = glossary_of(lang)
    assert list(rows) == list(glossary_terms()), f"docs/glossary/{lang}.md: one row per term of terms.yaml, in order"
    assert all(rows.values()), f"docs/glossary/{lang}.md: a term without translation"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_uses_the_glossary_terms(lang):
    rows = glossary_of(lang)
    entries = parse_po(po_file(lang))
    drifted = {
        msgid: (entries[msgid]["msgstr"], rows[term])
        for term, spec in glossary_terms().items()
        for msgid in spec["messages"]
        if entries[msgid]["msgstr"].casefold() != rows[term].casefold()
    }
    assert drifted == {}, f"{lang}: message -> (catalogue, glossary)"
