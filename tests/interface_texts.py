"""The English a page or a mail must not show in another language (issue #30).

The English of a message of the ``osor.collection`` catalogue that another
language's catalogue says differently is interface text left untranslated
when it appears on a page or in a mail of that language.
"""

from catalogues import parse_po
from catalogues import po_file
from functools import cache

import re


PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
# A fragment shorter than this may be a word of content as well.
SHORTEST_FRAGMENT = 12


def english_interface_texts(lang: str) -> set[str]:
    """The English of our messages that ``lang`` translates differently:
    whole texts, or their parts between placeholders (mail bodies, ${n} items)."""
    english, translated = parse_po(po_file("en")), parse_po(po_file(lang))
    texts = set()
    for msgid, entry in english.items():
        if translated[msgid]["msgstr"] == entry["msgstr"]:
            continue  # the same word in both languages (an acronym, "Description" in French...)
        for line in entry["msgstr"].splitlines():
            for fragment in PLACEHOLDER.split(line):
                fragment = " ".join(fragment.split()).strip(" .,:;()")
                if len(fragment) >= SHORTEST_FRAGMENT and " " in fragment:
                    texts.add(fragment)
    return texts


@cache
def as_words(fragment: str) -> re.Pattern:
    """``fragment`` as whole words ("Online (webinar" is not in "Online (webinarium)")."""
    return re.compile(rf"(?<!\w){re.escape(fragment)}(?!\w)")
