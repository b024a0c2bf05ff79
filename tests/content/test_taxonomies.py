"""The collective.taxonomy taxonomies: source data, installation, search, REST."""

from babel import Locale
from collective.taxonomy.factory import registerTaxonomy
from collective.taxonomy.interfaces import ITaxonomy
from osor.collection.setuphandlers import remove_taxonomies
from osor.collection.vocabularies.language import EU_LANGUAGES
from osor.collection.vocabularies.taxonomies import generate
from osor.collection.vocabularies.taxonomies import PROFILE_DIRECTORY
from osor.collection.vocabularies.taxonomies import taxonomy_names
from osor.collection.vocabularies.taxonomies import tokens
from osor.collection.vocabularies.taxonomies import vocabulary_name
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema import ValidationError

import pytest
import transaction


LANGUAGES = set(EU_LANGUAGES)
TAXONOMIES = [
    "osor_topics",
    "osor_spatial_coverage",
    "osor_solution_type",
    "osor_stakeholder_type",
    "osor_legal_request_category",
    "osor_event_scope",
]
DATA_THEMES = [
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL",
    "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN",
]  # fmt: skip
EU_MEMBER_STATES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}  # fmt: skip


def taxonomy(name: str):
    return queryUtility(ITaxonomy, name=vocabulary_name(name))


def title_in(name: str, token: str, language: str) -> str:
    """The title of a term as the vocabulary gives it, translated to ``language``."""
    term = taxonomy(name).makeVocabulary(language).getTerm(token)
    return translate(term.title, target_language=language)


def generated_leftovers(portal) -> list[str]:
    """What collective.taxonomy adds for a generated behavior of ours."""
    catalog = portal.portal_catalog
    registry = portal.portal_registry
    names = [f"taxonomy_{name}" for name in TAXONOMIES]
    return (
        [name for name in names if name in catalog.indexes()]
        + [name for name in names if name in catalog.schema()]
        + [
            record
            for record in registry.records
            if any(record.startswith(f"plone.app.querystring.field.{name}.") for name in names)
        ]
    )


# Source data and generated files ------------------------------------------


def test_the_committed_files_are_what_the_script_generates():
    """Edit vocabularies/data/taxonomies.yaml, then run scripts/generate_taxonomies.py."""
    files = generate()
    committed = {path.name: path.read_text(encoding="utf-8") for path in PROFILE_DIRECTORY.iterdir()}
    assert sorted(committed) == sorted(files)
    for name, text in files.items():
        assert committed[name] == text, f"{name} is out of date"


def test_we_ship_our_taxonomies():
    assert list(taxonomy_names()) == TAXONOMIES


def test_topics_are_the_eu_data_themes_with_osor_subtopics():
    first_level = [token for token in tokens("osor_topics") if "-" not in token]
    assert first_level == DATA_THEMES
    assert {"GOVE-open-source-policy", "GOVE-interoperability", "TECH-open-standards"} <= set(tokens("osor_topics"))


# Installed taxonomies -----------------------------------------------------


@pytest.mark.parametrize("name", TAXONOMIES)
def test_taxonomy_is_a_named_vocabulary_with_its_tokens(portal, get_vocabulary, name):
    vocabulary = get_vocabulary(vocabulary_name(name), portal)
    assert [term.token for term in vocabulary] == tokens(name)


@pytest.mark.parametrize("name", TAXONOMIES)
def test_every_term_has_a_title_in_the_24_eu_languages(portal, name):
    installed = taxonomy(name)
    assert set(installed.getLanguages()) == LANGUAGES
    for language in LANGUAGES:
        assert len(installed.makeVocabulary(language)) == len(tokens(name))


def test_spatial_coverage_holds_the_eu_its_neighbours_and_the_world(portal):
    coverage = tokens("osor_spatial_coverage")
    assert coverage[0] == "EU"
    assert coverage[-1] == "WORLD"
    assert set(coverage) >= EU_MEMBER_STATES
    assert {"NO", "IS", "LI", "CH", "UA", "MD", "TR"} <= set(coverage)


def test_country_names_are_cldr_names(portal):
    assert title_in("osor_spatial_coverage", "DE", "fr") == Locale.parse("fr").territories["DE"] == "Allemagne"
    assert title_in("osor_spatial_coverage", "DE", "de") == "Deutschland"
    assert title_in("osor_spatial_coverage", "GR", "en") == "Greece"
    assert title_in("osor_spatial_coverage", "MT", "mt") == Locale.parse("mt").territories["MT"]
    assert title_in("osor_spatial_coverage", "IE", "ga") == Locale.parse("ga").territories["IE"]
    assert title_in("osor_spatial_coverage", "EU", "it") == "Unione europea"


def test_a_subtopic_title_shows_its_theme(portal):
    assert (
        title_in("osor_topics", "GOVE-open-source-policy", "fr")
        == "Gouvernement et secteur public » Politique en matière d'open source"
    )


def test_the_generated_behaviors_add_no_index_column_or_criterion(portal):
    assert generated_leftovers(portal) == []


# Fields and search --------------------------------------------------------


@pytest.fixture
def tagged(solution):
    solution.topics = ["GOVE-open-source-policy", "TECH-open-standards"]
    solution.spatial_coverage = ["FR", "EU"]
    solution.stakeholders = ["public_administration"]
    solution.solution_type = ["platform"]
    solution.reindexObject()
    return solution


def test_items_are_found_by_term_token(tagged, found):
    assert tagged.UID() in found(osor_topics="GOVE-open-source-policy")
    assert tagged.UID() in found(osor_countries="FR")
    assert tagged.UID() in found(osor_stakeholders="public_administration")
    assert tagged.UID() in found(osor_solution_type="platform")
    assert tagged.UID() not in found(osor_topics="GOVE-interoperability")


def test_a_theme_finds_the_items_of_its_subtopics(tagged, found):
    assert tagged.UID() in found(osor_topics="GOVE")
    assert tagged.UID() in found(osor_topics="TECH")
    assert tagged.UID() not in found(osor_topics="JUST")


def test_fields_accept_only_taxonomy_terms(tagged):
    from osor.collection.behaviors.topics import ITopics

    field = ITopics["topics"].bind(tagged)
    field.validate(["GOVE", "GOVE-ospo"])
    with pytest.raises(ValidationError):
        field.validate(["open-source-policy"])


# Uninstall ----------------------------------------------------------------


def test_uninstall_removes_our_taxonomies_only(portal, uninstalled):
    assert [name for name in TAXONOMIES if taxonomy(name) is not None] == []
    assert generated_leftovers(portal) == []


def test_removing_our_taxonomies_leaves_the_sites_own(manager):
    registerTaxonomy(manager, name="site_topics", title="Site topics", default_language="en")
    assert remove_taxonomies(manager) == TAXONOMIES
    assert queryUtility(ITaxonomy, name="collective.taxonomy.site_topics") is not None
    assert remove_taxonomies(manager) == []


def test_reinstalling_brings_them_back(portal, uninstalled, installer, package_name):
    installer.install_product(package_name)
    assert [name for name in TAXONOMIES if taxonomy(name) is None] == []
    assert generated_leftovers(portal) == []


# REST ---------------------------------------------------------------------


@pytest.fixture
def rest_solution(functional_portal):
    """A solution, on a site that offers English and French and follows the
    browser's language (Plone ignores Accept-Language by default)."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record("plone.available_languages", ["en", "fr"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    collection = api.content.create(container=functional_portal, type="community_collection", id="osor", title="OSOR")
    api.content.create(
        container=collection,
        type="software_solution",
        id="app",
        title="App",
        topics=["GOVE-open-source-policy"],
        spatial_coverage=["DE"],
        stakeholders=["citizens"],
    )
    transaction.commit()
    return "/osor/app"


EXPECTED_REST = {
    "en": {
        "topics": [
            {
                "token": "GOVE-open-source-policy",
                "title": "Government and public sector » Open-source policy",
            }
        ],
        "spatial_coverage": [{"token": "DE", "title": "Germany"}],
        "stakeholders": [{"token": "citizens", "title": "Citizens"}],
    },
    "fr": {
        "topics": [
            {
                "token": "GOVE-open-source-policy",
                "title": "Gouvernement et secteur public » Politique en matière d'open source",
            }
        ],
        "spatial_coverage": [{"token": "DE", "title": "Allemagne"}],
        "stakeholders": [{"token": "citizens", "title": "Citoyens"}],
    },
}


def fields_of(response, language: str) -> dict:
    assert response.status_code == 200, response.text
    data = response.json()
    return {name: data[name] for name in EXPECTED_REST[language]}


@pytest.mark.parametrize("language", EXPECTED_REST)
def test_rest_titles_follow_the_request_language(rest_solution, manager_request, language):
    response = manager_request.get(rest_solution, headers={"Accept-Language": language})
    assert fields_of(response, language) == EXPECTED_REST[language]


@pytest.mark.parametrize("language", EXPECTED_REST)
def test_rest_titles_follow_the_site_language(rest_solution, manager_request, language):
    api.portal.set_registry_record("plone.use_request_negotiation", False)
    api.portal.set_registry_record("plone.default_language", language)
    transaction.commit()
    response = manager_request.get(rest_solution, headers={"Accept-Language": "de"})
    assert fields_of(response, language) == EXPECTED_REST[language]


def test_rest_refuses_an_unknown_term_with_a_clear_error(functional_portal):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    import requests
    import transaction

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        collection = api.content.create(container=functional_portal, type="community_collection", id="c", title="C")
    transaction.commit()
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    headers = {"Accept": "application/json"}
    for field, value in (("topics", ["NOPE"]), ("spatial_coverage", ["XX"])):
        response = requests.patch(
            collection.absolute_url(), json={field: value}, auth=auth, headers=headers, timeout=60
        )
        assert response.status_code == 400, (field, response.status_code, response.text)
    response = requests.patch(
        collection.absolute_url(), json={"topics": ["GOVE"]}, auth=auth, headers=headers, timeout=60
    )
    assert response.status_code == 204
