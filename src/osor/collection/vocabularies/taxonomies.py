"""The collective.taxonomy taxonomies of osor.collection.

``data/taxonomies.yaml`` (and CLDR, through Babel, for country names) is the source;
``generate()`` renders it as the ``.cfg`` and VDEX ``.xml`` files that
collective.taxonomy's import step reads from ``profiles/default/taxonomies/``.
``scripts/generate_taxonomies.py`` writes them; a test checks that the
committed files are exactly what ``generate()`` returns.
"""

from babel import Locale
from collective.taxonomy import NODE
from collective.taxonomy import PATH_SEPARATOR
from collective.taxonomy.interfaces import ITaxonomy
from functools import cache
from lxml import etree
from osor.collection.vocabularies.countries import country_name
from osor.collection.vocabularies.language import current_label_language
from pathlib import Path
from zope.component import getUtility
from zope.component import queryUtility
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized
from zope.schema.vocabulary import SimpleTerm

import yaml


SOURCE_FILE = Path(__file__).parent / "data" / "taxonomies.yaml"
PROFILE_DIRECTORY = Path(__file__).parent.parent / "profiles" / "default" / "taxonomies"

VDEX_NS = "http://www.imsglobal.org/xsd/imsvdex_v1p0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    "http://www.imsglobal.org/xsd/imsvdex_v1p0 imsvdex_v1p0.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
)

# Our taxonomies, by the short name collective.taxonomy registers them under.
TOPICS = "osor_topics"
SPATIAL_COVERAGE = "osor_spatial_coverage"
SOLUTION_TYPE = "osor_solution_type"
STAKEHOLDER_TYPE = "osor_stakeholder_type"
LEGAL_REQUEST_CATEGORY = "osor_legal_request_category"
EVENT_SCOPE = "osor_event_scope"


def vocabulary_name(taxonomy: str) -> str:
    """The named vocabulary (and utility) collective.taxonomy registers."""
    return f"collective.taxonomy.{taxonomy}"


def field_vocabulary(taxonomy: str) -> str:
    """The vocabulary our fields use for ``taxonomy`` (see ``ValidatingTaxonomyVocabulary``)."""
    return f"osor.collection.taxonomy.{taxonomy}"


@implementer(IVocabularyTokenized)
class ValidatingTaxonomyVocabulary:
    """collective.taxonomy's vocabulary, in the visitor's label language,
    answering unknown tokens as zope.schema expects.

    collective.taxonomy picks the labels of the exact language code only,
    else of the first language it stores: an ``en-us`` site got Italian
    labels. Here the language is chosen by ``language.label_language``
    (exact code, base language, site default, English) and the terms carry
    the resolved label as a plain string, so forms, views and REST show the
    same label whatever language they translate to.

    Its ``__contains__`` and ``getTerm`` raised KeyError for a token that is
    not in the taxonomy, so a bad value sent to a form or to the REST API
    became a server error instead of a validation error. Here an unknown
    token is simply not contained (``ConstraintNotSatisfied``) and
    ``getTerm`` raises LookupError. Anything else is delegated.
    """

    def __init__(self, taxonomy, language: str | None):
        self._taxonomy = taxonomy
        self.language = language
        self._vocabulary = taxonomy.makeVocabulary(language)

    def __getattr__(self, name):
        return getattr(self._vocabulary, name)

    def __iter__(self):
        return iter(self.getTerms())

    def __len__(self):
        return len(self._vocabulary)

    def __contains__(self, token) -> bool:
        try:
            return self.getTerm(token) is not None
        except LookupError:
            return False

    def _term(self, token: str, tail_only: bool = False) -> SimpleTerm:
        title = self._taxonomy.translate(
            token,
            mapping={NODE: True} if tail_only else None,
            target_language=self.language,
        )
        return SimpleTerm(value=token, token=token, title=title)

    def getTerm(self, token):
        if not isinstance(token, str) or token not in self._vocabulary.inv_data:
            raise LookupError(token)
        return self._term(token)

    getTermByToken = getTerm

    def getTerms(self, tail_only: bool = False) -> list[SimpleTerm]:
        return [self._term(token, tail_only) for _path, token in self._vocabulary.iterEntries()]


@implementer(IVocabularyFactory)
class ValidatingTaxonomyVocabularyFactory:
    def __init__(self, taxonomy: str):
        self.taxonomy = taxonomy

    def __call__(self, context=None):
        taxonomy = getUtility(ITaxonomy, name=vocabulary_name(self.taxonomy))
        language = current_label_language(taxonomy.getLanguages())
        return ValidatingTaxonomyVocabulary(taxonomy, language)


TopicsVocabulary = ValidatingTaxonomyVocabularyFactory(TOPICS)
SpatialCoverageVocabulary = ValidatingTaxonomyVocabularyFactory(SPATIAL_COVERAGE)
SolutionTypeVocabulary = ValidatingTaxonomyVocabularyFactory(SOLUTION_TYPE)
StakeholderTypeVocabulary = ValidatingTaxonomyVocabularyFactory(STAKEHOLDER_TYPE)
LegalRequestCategoryVocabulary = ValidatingTaxonomyVocabularyFactory(LEGAL_REQUEST_CATEGORY)
EventScopeVocabulary = ValidatingTaxonomyVocabularyFactory(EVENT_SCOPE)


@cache
def source() -> dict:
    with SOURCE_FILE.open(encoding="utf-8") as data:
        return yaml.safe_load(data)


def taxonomy_names() -> tuple[str, ...]:
    return tuple(source()["taxonomies"])


# Terms -------------------------------------------------------------------


def translated_country_name(code: str, language: str) -> str:
    """The name of a country in ``language``, from CLDR (Babel): the names
    the locale's own dates and lists use, in the 24 EU languages alike."""
    return Locale.parse(language).territories[code]


def _spatial_coverage_terms(data: dict, languages: list[str]) -> list[dict]:
    codes = [code for group in data["country_groups"].values() for code in group]
    if len(set(codes)) != len(codes):
        raise ValueError("A country is in two groups of the spatial coverage")
    countries = [
        {"token": code, "title": {lang: translated_country_name(code, lang) for lang in languages}}
        for code in sorted(codes, key=country_name)
    ]
    return data["first"] + countries + data["last"]


def terms(name: str) -> list[dict]:
    """The term tree of a taxonomy: ``[{token, title: {lang: text}, children}]``."""
    data = source()["taxonomies"][name]
    if "country_groups" in data:
        return _spatial_coverage_terms(data, source()["languages"])
    return data["terms"]


def _check(name: str, tree: list[dict], languages: list[str], parent=None) -> None:
    for language in languages:
        titles = [term["title"].get(language) for term in tree]
        if None in titles or "" in titles:
            raise ValueError(f"{name}: a term has no {language} title")
        if len(set(titles)) != len(titles):
            raise ValueError(f"{name}: two sibling terms share a {language} title")
    for term in tree:
        if parent and not term["token"].startswith(parent + "-"):
            raise ValueError(f"{name}: {term['token']!r} does not start with {parent!r}-")
        _check(name, term.get("children", ()), languages, term["token"])


def tokens(name: str) -> list[str]:
    """Every token of a taxonomy, parents before their children."""

    def walk(tree):
        for term in tree:
            yield term["token"]
            yield from walk(term.get("children", ()))

    return list(walk(terms(name)))


# Files -------------------------------------------------------------------


def _cfg(name: str, data: dict, default_language: str) -> str:
    lines = [
        "[taxonomy]",
        f"name = {name}",
        f"title = {data['title'][default_language]}",
        f"description = {data['description'][default_language]}",
        f"default_language = {default_language}",
        f"field_title = {data['title'][default_language]}",
        f"field_description = {data['description'][default_language]}",
        "taxonomy_fieldset = categorization",
    ]
    if data.get("single_select"):
        lines.append("is_single_select = true")
    return "\n".join(lines) + "\n"


def _langstrings(parent, titles: dict, languages: list[str]) -> None:
    for language in languages:
        langstring = etree.SubElement(parent, f"{{{VDEX_NS}}}langstring", language=language)
        langstring.text = titles[language]


def _vdex(name: str, data: dict, tree: list[dict], languages, default_language) -> str:
    root = etree.Element(
        f"{{{VDEX_NS}}}vdex",
        nsmap={None: VDEX_NS, "xsi": XSI_NS},
        attrib={
            "language": default_language,
            "orderSignificant": "true",
            "profileType": "hierarchicalTokenTerms",
            f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    _langstrings(etree.SubElement(root, f"{{{VDEX_NS}}}vocabName"), data["title"], languages)
    etree.SubElement(root, f"{{{VDEX_NS}}}vocabIdentifier").text = name

    def add(parent, branch):
        for term in branch:
            node = etree.SubElement(parent, f"{{{VDEX_NS}}}term")
            etree.SubElement(node, f"{{{VDEX_NS}}}termIdentifier").text = term["token"]
            caption = etree.SubElement(node, f"{{{VDEX_NS}}}caption")
            _langstrings(caption, term["title"], languages)
            add(node, term.get("children", ()))

    add(root, tree)
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="unicode")
    header = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Generated by scripts/generate_taxonomies.py from "
        "vocabularies/data/taxonomies.yaml: do not edit. -->\n"
    )
    return header + body + "\n"


def generate() -> dict[str, str]:
    """File name -> text of every file of ``profiles/default/taxonomies``."""
    languages = source()["languages"]
    default_language = source()["default_language"]
    files = {}
    for name, data in source()["taxonomies"].items():
        tree = terms(name)
        _check(name, tree, languages)
        files[f"{name}.cfg"] = _cfg(name, data, default_language)
        files[f"{name}.xml"] = _vdex(name, data, tree, languages, default_language)
    return files


# Runtime -----------------------------------------------------------------


def with_ancestors(taxonomy: str, selected) -> list[str]:
    """The ``selected`` tokens followed by the tokens of their parent terms.

    For the index of a hierarchical taxonomy: an item tagged
    ``GOVE-open-source-policy`` is found by a query for ``GOVE`` too. The
    tree is read from the installed taxonomy (collective.taxonomy stores one
    path of titles per term and language), so terms added through the
    taxonomy control panel count as well; unknown tokens are kept as they are.
    """
    result = list(dict.fromkeys(selected))
    utility = queryUtility(ITaxonomy, name=vocabulary_name(taxonomy))
    if utility is None or not utility.data:
        return result
    language = utility.default_language
    if language not in utility.data:
        language = next(iter(utility.data.keys()))
    token_of_path = utility.data[language]
    path_of_token = utility.inverted_data.get(language, {})
    for token in list(result):
        parts = path_of_token.get(token, "").split(PATH_SEPARATOR)
        for end in range(len(parts) - 1, 1, -1):
            ancestor = token_of_path.get(PATH_SEPARATOR.join(parts[:end]))
            if ancestor and ancestor not in result:
                result.append(ancestor)
    return result
