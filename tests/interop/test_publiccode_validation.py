"""publiccode.yml validation: every rule refuses a bad file with a located error.

Pure Python (no Plone layer). The valid fixture is
tests/fixtures/publiccode/valid/minimal.yml; each invalid case is that file
with one change (inline below, or a file in fixtures/publiccode/invalid/),
and the test asserts the key path and the line of the error.
"""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from osor.collection.interop.publiccode import formats
from osor.collection.interop.publiccode.validation import FORMAT_NAMES
from osor.collection.interop.publiccode.validation import MAX_BYTES
from osor.collection.interop.publiccode.validation import RULE_SETTINGS
from osor.collection.interop.publiccode.validation import rule_table
from osor.collection.interop.publiccode.validation import RULES_FILE
from osor.collection.interop.publiccode.validation import validate
from osor.collection.interop.results import Problem
from paths import ROOT
from zope.i18n.interfaces import IUserPreferredLanguages
from zope.i18nmessageid import Message
from zope.interface import implementer

import json
import paths
import pytest
import time
import yaml


FIXTURES = paths.FIXTURES / "publiccode"
MINIMAL = (FIXTURES / "valid" / "minimal.yml").read_text()
LONG_TEXT = "A description of the software that is long enough. " * 4


def changed(old, new, text=MINIMAL):
    """The minimal file with one change; fails loudly if ``old`` is absent."""
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text, fragment):
    """The 1-based line of the first occurrence of ``fragment``."""
    return text[: text.index(fragment)].count("\n") + 1


def errors_at(result, path):
    return [error for error in result.errors if error.path == path]


def assert_located_error(text, path, line_fragment, *words):
    result = validate(text)
    found = errors_at(result, path)
    assert found, [error.to_dict() for error in result.errors]
    assert found[0].line == line_of(text, line_fragment), found[0].to_dict()
    for word in words:
        assert word in found[0].message, found[0].message
    return found[0]


# ------------------------------------------------------------- valid files


def test_the_minimal_file_is_accepted():
    result = validate(MINIMAL)
    assert result.ok, [error.to_dict() for error in result.errors]
    assert result.warnings == []
    assert result.version == "0.7.0"
    assert result.data["name"] == "Medusa"
    assert result.data["localisation"]["localisationReady"] is True
    assert result.data["description"]["en"]["features"] == ["Just one feature"]


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.yml")), ids=lambda path: path.name)
def test_every_valid_fixture_is_accepted(path):
    result = validate(path.read_text())
    assert result.ok, [error.to_dict() for error in result.errors]


def test_a_full_file_with_every_optional_key_is_accepted():
    text = MINIMAL + (
        "applicationSuite: Medusa suite\n"
        "landingURL: https://medusa.example.org\n"
        "isBasedOn:\n  - https://github.com/example/hydra.git\n"
        "softwareVersion: 1.0\n"
        "releaseDate: 2024-03-31\n"
        "logo: img/logo.svg\n"
        "organisation:\n  name: Comune di Roma\n  uri: urn:x-italian-pa:c_h501\n"
        "usedBy:\n  - Comune di Roma\n"
        "fundedBy:\n  - name: EU\n    uri: https://european-union.europa.eu\n"
        "roadmap: https://medusa.example.org/roadmap\n"
        "supports:\n  - id: alias:gdpr\n  - id: https://eur-lex.europa.eu/eli/reg/2016/679/oj\n"
        "intendedAudience:\n  scope:\n    - government\n  countries:\n    - IT\n  unsupportedCountries:\n    - US\n"
        "dependsOn:\n  open:\n    - name: PostgreSQL\n      versionMin: '14'\n      optional: false\n"
        "  hardware:\n    - name: A printer\n"
        "IT:\n  countryExtensionVersion: '1.0'\n  piattaforme:\n    spid: true\n"
    )
    result = validate(text)
    assert result.ok, [error.to_dict() for error in result.errors]
    assert result.warnings == []
    # A number where a text is expected is kept as it was written.
    assert result.data["softwareVersion"] == "1.0"
    assert result.data["releaseDate"] == "2024-03-31"


# ------------------------------------------------------------ real files

REAL_FILES = ROOT / "src" / "osor" / "collection" / "demo" / "publiccode"
# Real files whose publishers still have to fix them: the manifest names the
# key paths at which the reference parser refuses each (v0.go: isBasedOn
# url_url, platforms gt=0, developmentStatus/localisation required,
# fundedBy[].uri required, categories is_category_v0, features gt=0,
# longDescription required; parser.go's decoder: keys v0.go does not declare).
REFUSED_BY_THE_REFERENCE_PARSER_TOO = {
    entry["file"]: set(entry["refused_at"])
    for entry in yaml.safe_load((REAL_FILES / "MANIFEST.yaml").read_text(encoding="utf-8"))["files"]
    if "refused_at" in entry
}


@pytest.mark.parametrize("path", sorted(REAL_FILES.glob("*.yml")), ids=lambda path: path.name)
def test_every_real_file_validates_as_the_reference_parser_reads_it(path):
    result = validate(path.read_text(encoding="utf-8"))
    refused = {error.path for error in result.errors}
    assert refused == REFUSED_BY_THE_REFERENCE_PARSER_TOO.get(path.name, set()), [
        error.to_dict() for error in result.errors
    ]
    assert all(error.line for error in result.errors)
    assert result.data is not None


def test_at_least_25_real_files_are_checked():
    assert len(list(REAL_FILES.glob("*.yml"))) >= 25


def test_the_manifest_names_the_five_refused_files_and_their_unknown_keys():
    assert set(REFUSED_BY_THE_REFERENCE_PARSER_TOO) == {
        "bootstrap-italia.yml",
        "catala.yml",
        "curanexus.yml",
        "gefo.yml",
        "lasuite-docs.yml",
    }
    assert {"creationDate", "fundedBy[0].url"} <= REFUSED_BY_THE_REFERENCE_PARSER_TOO["catala.yml"]
    assert "x-samhallskodex" in REFUSED_BY_THE_REFERENCE_PARSER_TOO["curanexus.yml"]


# ------------------------------------------------------- one case per rule

RULE_CASES = [
    # (id, old, new, path, fragment on the error's line, word in the message)
    ("version_missing", 'publiccodeYmlVersion: "0.7.0"\n', "", "publiccodeYmlVersion", "name: Medusa", "required"),
    ("version_unsupported", '"0.7.0"', '"0.6"', "publiccodeYmlVersion", "publiccodeYmlVersion", "not a supported"),
    ("name_missing", "name: Medusa\n", "", "name", "publiccodeYmlVersion", "required"),
    ("name_empty", "name: Medusa", 'name: ""', "name", "name:", "required"),
    ("name_wrong_type", "name: Medusa", "name: []", "name", "name:", "must be a text"),
    ("url_missing", 'url: "https://github.com/example/medusa.git"\n', "", "url", "publiccodeYmlVersion", "required"),
    ("url_invalid", '"https://github.com/example/medusa.git"', "not a url", "url", "url:", "not a valid URL"),
    ("platforms_missing", "platforms:\n  - web\n", "", "platforms", "publiccodeYmlVersion", "required"),
    ("platforms_empty", "platforms:\n  - web\n", "platforms: []\n", "platforms", "platforms:", "at least 1"),
    ("platforms_wrong_type", "platforms:\n  - web\n", "platforms: web\n", "platforms", "platforms:", "must be a list"),
    ("categories_unknown", "- cloud-management", "- clouds", "categories[0]", "- clouds", "not one of"),
    (
        "developmentStatus_missing",
        "developmentStatus: development\n",
        "",
        "developmentStatus",
        "publiccodeYmlVersion",
        "required",
    ),
    (
        "developmentStatus_unknown",
        "developmentStatus: development",
        "developmentStatus: alpha",
        "developmentStatus",
        "developmentStatus",
        "'alpha'",
    ),
    ("softwareType_unknown", '"standalone/other"', "app", "softwareType", "softwareType", "'app'"),
    (
        "description_missing",
        MINIMAL[MINIMAL.index("description:") : MINIMAL.index("legal:")],
        "",
        "description",
        "publiccodeYmlVersion",
        "required",
    ),
    (
        "description_empty",
        MINIMAL[MINIMAL.index("description:") : MINIMAL.index("legal:")],
        "description: {}\n\n",
        "description",
        "description:",
        "at least 1",
    ),
    (
        "description_language_without_texts",
        "      - Just one feature\n",
        "      - Just one feature\n  it:\n",
        "description.it.shortDescription",
        "  it:",
        "required",
    ),
    ("description_language_invalid", "  en:\n", "  english:\n", "description.english", "english:", "'english'"),
    ("description_language_underscore", "  en:\n", "  en_GB:\n", "description.en_GB", "en_GB:", "BCP 47"),
    (
        "shortDescription_missing",
        "    shortDescription: A short description of the software.\n",
        "",
        "description.en.shortDescription",
        "  en:",
        "required",
    ),
    (
        "shortDescription_too_long",
        "A short description of the software.",
        "x" * 151,
        "description.en.shortDescription",
        "shortDescription",
        "at most 150",
    ),
    (
        "longDescription_too_short",
        MINIMAL[MINIMAL.index("    longDescription") : MINIMAL.index("    features")],
        "    longDescription: Too short.\n",
        "description.en.longDescription",
        "longDescription",
        "at least 150",
    ),
    (
        "longDescription_too_long",
        MINIMAL[MINIMAL.index("    longDescription") : MINIMAL.index("    features")],
        "    longDescription: " + "x" * 10001 + "\n",
        "description.en.longDescription",
        "longDescription",
        "at most 10000",
    ),
    (
        "features_missing",
        "    features:\n      - Just one feature\n",
        "",
        "description.en.features",
        "  en:",
        "required",
    ),
    (
        "features_empty",
        "    features:\n      - Just one feature\n",
        "    features: []\n",
        "description.en.features",
        "features",
        "at least 1",
    ),
    (
        "features_item_wrong_type",
        "      - Just one feature",
        "      - {a: b}",
        "description.en.features[0]",
        "{a: b}",
        "must be a text",
    ),
    (
        "documentation_invalid",
        "    features:",
        "    documentation: docs.example.org\n    features:",
        "description.en.documentation",
        "documentation",
        "web address",
    ),
    (
        "genericName_too_long",
        "    features:",
        "    genericName: " + "g" * 36 + "\n    features:",
        "description.en.genericName",
        "genericName",
        "at most 35",
    ),
    ("legal_missing", "legal:\n  license: EUPL-1.2\n", "", "legal", "publiccodeYmlVersion", "required"),
    (
        "license_missing",
        "  license: EUPL-1.2\n",
        "  mainCopyrightOwner: Someone\n",
        "legal.license",
        "legal:",
        "required",
    ),
    (
        "license_unknown",
        "license: EUPL-1.2",
        "license: Apache 2",
        "legal.license",
        "license:",
        "unknown licence 'Apache'",
    ),
    ("license_syntax", "license: EUPL-1.2", "license: MIT AND", "legal.license", "license:", "SPDX"),
    (
        "maintenance_missing",
        MINIMAL[MINIMAL.index("maintenance:") : MINIMAL.index("localisation:")],
        "",
        "maintenance",
        "publiccodeYmlVersion",
        "required",
    ),
    ("maintenance_type_unknown", "type: community", "type: volunteers", "maintenance.type", "type:", "'volunteers'"),
    (
        "community_needs_contacts",
        "  contacts:\n    - name: Francesca Rossi\n",
        "",
        "maintenance.contacts",
        "type: community",
        "required when maintenance.type is 'community'",
    ),
    (
        "internal_needs_contacts",
        "type: community\n  contacts:\n    - name: Francesca Rossi\n",
        "type: internal\n",
        "maintenance.contacts",
        "type: internal",
        "'internal'",
    ),
    (
        "contract_needs_contractors",
        "type: community",
        "type: contract",
        "maintenance.contractors",
        "type: contract",
        "'contract'",
    ),
    (
        "contractors_only_for_contract",
        "    - name: Francesca Rossi\n",
        "    - name: Francesca Rossi\n  contractors:\n    - name: ACME\n      until: 2030-01-01\n",
        "maintenance.contractors",
        "contractors:",
        "only allowed",
    ),
    (
        "contractor_until_missing",
        "type: community\n  contacts:\n    - name: Francesca Rossi\n",
        "type: contract\n  contractors:\n    - name: ACME\n",
        "maintenance.contractors[0].until",
        "- name: ACME",
        "required",
    ),
    (
        "contractor_until_invalid",
        "type: community\n  contacts:\n    - name: Francesca Rossi\n",
        "type: contract\n  contractors:\n    - name: ACME\n      until: 31/12/2030\n",
        "maintenance.contractors[0].until",
        "until:",
        "YYYY-MM-DD",
    ),
    (
        "contractor_name_missing",
        "type: community\n  contacts:\n    - name: Francesca Rossi\n",
        "type: contract\n  contractors:\n    - until: 2030-01-01\n",
        "maintenance.contractors[0].name",
        "- until",
        "required",
    ),
    (
        "fundedBy_uri_missing",
        "name: Medusa",
        "name: Medusa\nfundedBy:\n  - name: EU",
        "fundedBy[0].uri",
        "- name: EU",
        "required",
    ),
    (
        "contact_name_missing",
        "    - name: Francesca Rossi",
        "    - email: francesca@example.org",
        "maintenance.contacts[0].name",
        "- email",
        "required",
    ),
    (
        "contact_email_invalid",
        "    - name: Francesca Rossi",
        "    - name: Francesca Rossi\n      email: francesca",
        "maintenance.contacts[0].email",
        "email:",
        "e-mail",
    ),
    (
        "localisation_missing",
        MINIMAL[MINIMAL.index("localisation:") :],
        "",
        "localisation",
        "publiccodeYmlVersion",
        "required",
    ),
    (
        "localisationReady_missing",
        "  localisationReady: true\n",
        "",
        "localisation.localisationReady",
        "localisation:",
        "required",
    ),
    (
        "localisationReady_quoted",
        "localisationReady: true",
        'localisationReady: "true"',
        "localisation.localisationReady",
        "localisationReady",
        "true or false",
    ),
    (
        "availableLanguages_missing",
        "  availableLanguages:\n    - en\n",
        "",
        "localisation.availableLanguages",
        "localisation:",
        "required",
    ),
    (
        "availableLanguages_unknown_language",
        "    - en\n",
        "    - zz\n",
        "localisation.availableLanguages[0]",
        "- zz",
        "ISO 639",
    ),
    (
        "releaseDate_datetime",
        "name: Medusa",
        "name: Medusa\nreleaseDate: 2011-01-01 20:04:05",
        "releaseDate",
        "releaseDate",
        "YYYY-MM-DD",
    ),
    (
        "releaseDate_no_such_day",
        "name: Medusa",
        "name: Medusa\nreleaseDate: '2023-02-30'",
        "releaseDate",
        "releaseDate",
        "does not exist",
    ),
    (
        "landingURL_not_http",
        "name: Medusa",
        "name: Medusa\nlandingURL: ftp://example.org",
        "landingURL",
        "landingURL",
        "web address",
    ),
    (
        "scope_unknown",
        "name: Medusa",
        "name: Medusa\nintendedAudience:\n  scope:\n    - everyone",
        "intendedAudience.scope[0]",
        "- everyone",
        "'everyone'",
    ),
    (
        "country_unknown",
        "name: Medusa",
        "name: Medusa\nintendedAudience:\n  countries:\n    - XX",
        "intendedAudience.countries[0]",
        "- XX",
        "no country",
    ),
    (
        "organisation_uri_missing",
        "name: Medusa",
        "name: Medusa\norganisation:\n  name: Comune",
        "organisation.uri",
        "organisation:",
        "required",
    ),
    (
        "organisation_uri_invalid",
        "name: Medusa",
        "name: Medusa\norganisation:\n  uri: comune",
        "organisation.uri",
        "uri:",
        "URI",
    ),
    (
        "supports_unknown_alias",
        "name: Medusa",
        "name: Medusa\nsupports:\n  - id: alias:nothing",
        "supports[0].id",
        "id:",
        "aliases",
    ),
    (
        "dependsOn_name_missing",
        "name: Medusa",
        "name: Medusa\ndependsOn:\n  open:\n    - version: '1'",
        "dependsOn.open[0].name",
        "- version",
        "required",
    ),
    (
        "dependsOn_optional_yes",
        "name: Medusa",
        "name: Medusa\ndependsOn:\n  open:\n    - name: X\n      optional: yes",
        "dependsOn.open[0].optional",
        "optional:",
        "not a boolean",
    ),
    ("logo_absolute_path", "name: Medusa", "name: Medusa\nlogo: /var/www/logo.png", "logo", "logo:", "absolute path"),
    ("logo_file_url", "name: Medusa", "name: Medusa\nlogo: file:///logo.png", "logo", "logo:", "file: URL"),
    (
        "logo_not_svg_or_png",
        "name: Medusa",
        "name: Medusa\nlogo: https://example.org/logo.gif",
        "logo",
        "logo:",
        ".svg, .svgz, .png",
    ),
    (
        "screenshot_not_an_image",
        "    features:",
        "    screenshots:\n      - docs/manual.pdf\n    features:",
        "description.en.screenshots[0]",
        "manual.pdf",
        ".jpg, .png",
    ),
    (
        "inputTypes_invalid",
        "name: Medusa",
        "name: Medusa\ninputTypes:\n  - csv",
        "inputTypes[0]",
        "- csv",
        "media type",
    ),
    ("duplicate_key", "name: Medusa", "name: Medusa\nname: Hydra", "name", "name: Hydra", "twice"),
    (
        "it_and_IT",
        "name: Medusa",
        "name: Medusa\nIT:\n  riuso: {}\nit:\n  riuso: {}",
        "it",
        "it:",
        "'IT' is already present",
    ),
    (
        "it_countryExtensionVersion",
        "name: Medusa",
        "name: Medusa\nIT:\n  countryExtensionVersion: '9'",
        "IT.countryExtensionVersion",
        "countryExtensionVersion",
        "'9'",
    ),
    (
        "it_riuso_codiceIPA_malformed",
        "name: Medusa",
        "name: Medusa\nIT:\n  riuso:\n    codiceIPA: c-h501",
        "IT.riuso.codiceIPA",
        "codiceIPA",
        "not a valid iPA code",
    ),
    (
        "organisation_uri_italian_pa_malformed",
        "name: Medusa",
        "name: Medusa\norganisation:\n  uri: urn:x-italian-pa:c.h501",
        "organisation.uri",
        "uri:",
        "letters, digits and underscores",
    ),
    # The reference parser's testdata/v0/invalid/unknown_field.yml and it_wrong_case.yml.
    ("unknown_field", "name: Medusa", "name: Medusa\nfoobar: 123", "foobar", "foobar", "not part of publiccode.yml"),
    (
        "it_wrong_case",
        "name: Medusa",
        "name: Medusa\nIt:\n  countryExtensionVersion: '1.0'",
        "It",
        "It:",
        "not part of publiccode.yml",
    ),
]


@pytest.mark.parametrize(
    "old, new, path, fragment, word", [case[1:] for case in RULE_CASES], ids=[case[0] for case in RULE_CASES]
)
def test_each_rule_refuses_a_bad_file_with_a_located_error(old, new, path, fragment, word):
    assert_located_error(changed(old, new), path, fragment, word)


@pytest.mark.parametrize("path", sorted((FIXTURES / "invalid").glob("*.yml")), ids=lambda path: path.name)
def test_every_invalid_fixture_is_refused_at_the_line_it_announces(path):
    # Each file says what it expects in its first line: "# error: <path> line <n>".
    text = path.read_text()
    expected = text.splitlines()[0].removeprefix("# error: ")
    expected_path, _, expected_line = expected.rpartition(" line ")
    result = validate(text)
    assert [(error.path, error.line) for error in result.errors][:1] == [(expected_path, int(expected_line))], [
        error.to_dict() for error in result.errors
    ]


def test_ipa_codes_are_checked_for_their_form_only_not_against_indicepa():
    # The reference parser refuses a code IndicePA does not list; its list is
    # not shipped here (README: "publiccode.yml"), so a well-formed code passes.
    for uri in ("urn:x-italian-pa:no_such_pa", "urn:x-italian-pa:c_h501", "URN:X-ITALIAN-PA:00L7M4KW"):
        assert validate(changed("name: Medusa", f"name: Medusa\norganisation:\n  uri: {uri}")).ok, uri
    assert validate(changed("name: Medusa", "name: Medusa\nIT:\n  riuso:\n    codiceIPA: NO_SUCH_IPA_CODE")).ok


def test_bytes_that_are_not_utf8_are_refused_as_the_reference_parser_does():
    data = MINIMAL.replace("Medusa", "Med\xfcsa", 1).encode("latin-1")
    (error,) = validate(data).errors
    assert (error.path, error.line) == ("", line_of(MINIMAL, "name: Medusa"))
    assert "not UTF-8" in error.message
    assert validate(MINIMAL.encode("utf-8")).ok


def test_every_required_key_of_the_table_has_a_case():
    required = {".".join(rule.pattern).replace(".[]", "[]") for rule in rule_table().rules if rule.required}
    covered = {case[3] for case in RULE_CASES}
    normalised = {path.replace("[0]", "[]").replace(".en.", ".*.").replace(".open[]", ".*[]") for path in covered}
    assert required <= normalised, required - normalised


def test_every_vocabulary_and_format_of_the_table_is_exercised():
    table = rule_table()
    used_vocabularies = {rule.vocabulary for rule in table.rules if rule.vocabulary}
    case_paths = {case[3] for case in RULE_CASES}
    vocabulary_paths = {
        "developmentStatus": "developmentStatus",
        "softwareType": "softwareType",
        "maintenanceType": "maintenance.type",
        "categories": "categories[0]",
        "scope": "intendedAudience.scope[0]",
        "itCountryExtensionVersion": "IT.countryExtensionVersion",
    }
    assert used_vocabularies == set(vocabulary_paths)
    assert set(vocabulary_paths.values()) <= case_paths


def test_every_rule_uses_known_settings_types_formats_and_vocabularies():
    table = rule_table()
    for rule in table.rules:
        assert set(rule.settings) <= RULE_SETTINGS, rule.pattern
        assert set(rule.types) <= {"mapping", "list", "string", "boolean"}, rule.pattern
        assert rule.format in {None, "version", "supports_id"} | set(formats.CHECKS), rule.pattern
        assert rule.format in {None, "version"} | set(FORMAT_NAMES), rule.pattern
        assert rule.vocabulary in {None} | set(table.vocabularies), rule.pattern


def test_every_rule_cites_its_source():
    raw = yaml.safe_load(RULES_FILE.read_text())
    for path, key_settings in raw["keys"].items():
        assert key_settings.get("source", "").startswith("https://"), path
    for name, vocabulary in raw["vocabularies"].items():
        assert vocabulary.get("source", "").startswith("https://"), name
    for condition in raw["conditions"]:
        assert condition["source"].startswith("https://")


# ------------------------------------------------------------------ types


def test_a_version_written_as_a_yaml_float_is_an_error_with_a_quoting_hint():
    text = changed('publiccodeYmlVersion: "0.7.0"', "publiccodeYmlVersion: 0.7")
    error = assert_located_error(text, "publiccodeYmlVersion", "publiccodeYmlVersion", "number")
    assert error.hint == 'quote it: "0.7"'
    assert validate(text).version == "0.7"


def test_an_unquoted_zero_version_is_an_error_too():
    text = changed('publiccodeYmlVersion: "0.7.0"', "publiccodeYmlVersion: 0")
    assert errors_at(validate(text), "publiccodeYmlVersion")[0].hint == 'quote it: "0"'


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "y"])
def test_yaml_1_1_booleans_are_not_booleans(word):
    text = changed("localisationReady: true", f"localisationReady: {word}")
    error = assert_located_error(text, "localisation.localisationReady", "localisationReady", f"'{word}'")
    assert "true or false" in error.hint


@pytest.mark.parametrize("word", ["true", "false", "True", "FALSE"])
def test_yaml_1_2_booleans_are_booleans(word):
    assert validate(changed("localisationReady: true", f"localisationReady: {word}")).ok


def test_yes_is_an_ordinary_text_where_a_text_is_expected():
    result = validate(changed("name: Medusa", "name: yes"))
    assert result.ok
    assert result.data["name"] == "yes"


def test_a_long_vocabulary_hint_suggests_the_closest_values_and_the_list():
    text = changed("- cloud-management", "- content-managment")
    error = assert_located_error(text, "categories[0]", "content-managment", "not one of")
    assert error.hint.startswith("did you mean 'content-management'")
    assert "https://yml.publiccode.tools/categories-list.html" in error.hint


def test_a_short_vocabulary_hint_lists_every_value():
    error = assert_located_error(
        changed("type: community", "type: volunteers"), "maintenance.type", "type:", "volunteers"
    )
    assert error.hint == "use one of: internal, contract, community, none"


@pytest.mark.parametrize(
    "text, length",
    [
        ("abc", 3),
        ("e\u0301" * 150, 150),  # é as e + combining acute accent
        ("\U0001f469\u200d\U0001f4bb", 1),  # woman technologist (a ZWJ sequence)
        ("\U0001f44d\U0001f3fd", 1),  # thumbs up with a skin tone
        ("\U0001f1ee\U0001f1f9\U0001f1ea\U0001f1fa", 2),  # two flags
        ("\u2764\ufe0f", 1),
        ("a\r\nb", 3),
    ],
)
def test_lengths_count_user_perceived_characters_as_the_reference_parser_does(text, length):
    assert formats.text_length(text) == length


def test_a_short_description_of_150_accented_characters_is_not_too_long():
    accented = "e\u0301" * 150
    assert validate(changed("A short description of the software.", f'"{accented}"')).ok
    assert errors_at(
        validate(changed("A short description of the software.", f'"{accented}e"')), "description.en.shortDescription"
    )


def test_an_unquoted_date_is_read_as_a_date():
    result = validate(changed("name: Medusa", "name: Medusa\nreleaseDate: 2024-02-29"))
    assert result.ok
    assert result.data["releaseDate"] == "2024-02-29"


# ---------------------------------------------------------------- licences


@pytest.mark.parametrize(
    "expression, token",
    [
        ("GPL 3", "GPL"),
        ("MIT OR Apache 2.0", "Apache"),
        ("EUPL-1.2 AND Foo-1.0", "Foo-1.0"),
        ("MIT WITH Nothing", "Nothing"),
    ],
)
def test_an_unknown_licence_is_named_in_the_error(expression, token):
    text = changed("license: EUPL-1.2", f"license: {expression}")
    error = assert_located_error(text, "legal.license", "license:", f"unknown licence '{token}'", "SPDX")
    assert "EUPL-1.2" in error.hint


@pytest.mark.parametrize(
    "expression",
    [
        "MIT",
        "EUPL-1.2 OR MIT",
        "(MIT OR Apache-2.0) AND BSD-3-Clause",
        "GPL-2.0-only WITH Classpath-exception-2.0",
        "AGPL-3.0-or-later",
        "GPL-3.0+",
        "GPL-3.0",
        "LicenseRef-my-licence",
        "mit",
    ],
)
def test_spdx_expressions_the_reference_parser_accepts_are_accepted(expression):
    assert validate(changed("license: EUPL-1.2", f"license: '{expression}'")).ok


# ------------------------------------------------------------ language tags


@pytest.mark.parametrize("tag", ["en", "it", "de-DE", "pt-BR", "zh-Hans-CN", "sr-Latn", "gsw", "es-419"])
def test_bcp_47_tags_are_accepted(tag):
    text = changed("  en:\n", f"  {tag}:\n").replace("    - en\n", f"    - {tag}\n")
    assert validate(text).ok, [error.to_dict() for error in validate(text).errors]


@pytest.mark.parametrize("tag", ["en_GB", "eng-", "xx", "en-XX", "e", "english", "en GB", "-en"])
def test_malformed_or_unknown_language_tags_are_refused(tag):
    text = changed("    - en\n", f"    - '{tag}'\n")
    assert_located_error(text, "localisation.availableLanguages[0]", f"'{tag}'", "BCP 47")


# ------------------------------------------------------------ old versions


@pytest.mark.parametrize("version", ["0.2", "0.2.1", "0.3", "0.4.0", "0.5"])
def test_older_versions_are_read_as_0_7_with_a_deprecation_warning(version):
    text = changed('"0.7.0"', f'"{version}"')
    result = validate(text)
    assert result.ok
    assert result.version == version
    assert result.data["publiccodeYmlVersion"] == "0.7.0"
    (warning,) = result.warnings
    assert (warning.path, warning.line) == ("publiccodeYmlVersion", 1)
    assert "read as version 0.7.0" in warning.message


@pytest.mark.parametrize("version", ["0", "0.7", "0.7.0"])
def test_current_versions_give_no_version_warning(version):
    result = validate(changed('"0.7.0"', f'"{version}"'))
    assert result.ok and result.warnings == []


def test_deprecated_keys_are_warnings_with_their_path_and_line():
    text = (
        changed('"0.7.0"', '"0.2"')
        + "monochromeLogo: logo-mono.png\n"
        + "inputTypes:\n  - text/csv\n"
        + "it:\n  conforme:\n    gdpr: true\n  riuso:\n    codiceIPA: c_h501\n"
    ).replace("  license: EUPL-1.2\n", "  license: EUPL-1.2\n  authorsFile: AUTHORS\n  repoOwner: Comune di Roma\n")
    result = validate(text)
    assert result.ok, [error.to_dict() for error in result.errors]
    located = {warning.path: warning.line for warning in result.warnings}
    assert located["legal.authorsFile"] == line_of(text, "authorsFile")
    assert located["legal.repoOwner"] == line_of(text, "repoOwner")
    assert located["monochromeLogo"] == line_of(text, "monochromeLogo")
    assert located["inputTypes"] == line_of(text, "inputTypes")
    assert located["it"] == line_of(text, "it:")
    assert located["it.conforme"] == line_of(text, "conforme")
    assert located["it.riuso.codiceIPA"] == line_of(text, "codiceIPA")
    assert "use IT instead" in next(w.hint for w in result.warnings if w.path == "it")
    # Normalised to the v0.7 layout: the Italian section under IT, the IPA code as organisation.
    assert "it" not in result.data and result.data["IT"]["conforme"] == {"gdpr": True}
    assert result.data["organisation"] == {"uri": "urn:x-italian-pa:c_h501", "name": "Comune di Roma"}


def test_an_unknown_key_is_an_error_at_its_path_and_line_as_the_reference_parser_says():
    text = MINIMAL + "myOwnKey:\n  nested: 1\n"
    result = validate(text)
    assert not result.ok
    (error,) = result.errors
    assert (error.path, error.line) == ("myOwnKey", line_of(text, "myOwnKey"))
    assert error.message == "myOwnKey: this key is not part of publiccode.yml 0.7.0."
    assert error.hint == "check its spelling and where it is indented"
    assert result.warnings == []
    # What the publisher wrote is still in the data, to show it back.
    assert result.data["myOwnKey"] == {"nested": 1}


def test_a_misspelt_key_is_an_error_that_suggests_the_right_one():
    text = changed("  contacts:\n", "  contact:\n")
    result = validate(text)
    (misspelt,) = errors_at(result, "maintenance.contact")
    assert misspelt.line == line_of(text, "contact:")
    assert misspelt.hint == "did you mean 'contacts'?"
    # ... and the key it should have been is still required.
    assert errors_at(result, "maintenance.contacts")


@pytest.mark.parametrize(
    "written, meant, fragment",
    [
        ("It:\n  countryExtensionVersion: '1.0'\n", "IT", "It:"),
        ("iT:\n  riuso: {}\n", "IT", "iT:"),
        ("Name: Hydra\n", "name", "Name:"),
        ("Legal:\n  license: MIT\n", "legal", "Legal:"),
    ],
)
def test_a_key_in_the_wrong_case_is_an_error_that_names_the_right_case(written, meant, fragment):
    text = MINIMAL + written
    error = assert_located_error(text, fragment.rstrip(":"), fragment, "not part of publiccode.yml")
    assert error.hint == f"keys are case-sensitive: write '{meant}'"


def test_an_unknown_key_inside_a_country_section_is_an_error_at_its_path():
    text = MINIMAL + "IT:\n  piattaforme:\n    spid: true\n    spidd: true\n"
    error = assert_located_error(text, "IT.piattaforme.spidd", "spidd", "not part of publiccode.yml")
    assert error.hint == "did you mean 'spid'?"


@pytest.mark.parametrize(
    "old, new, path",
    [
        # v0.1/0.2 keys the reference parser's v0.go no longer declares.
        ("    features:", "    freeTags:\n      - cms\n    features:", "description.en.freeTags"),
        ("name: Medusa", "name: Medusa\ntags:\n  - cms", "tags"),
        ("name: Medusa", "name: Medusa\nit:\n  ecosistemi:\n    - sanita", "it.ecosistemi"),
        ("name: Medusa", "name: Medusa\nit:\n  designKit:\n    ui: true", "it.designKit"),
    ],
)
def test_keys_of_older_versions_the_reference_parser_dropped_are_errors_in_an_old_file(old, new, path):
    text = changed('"0.7.0"', '"0.2"', changed(old, new))
    result = validate(text)
    assert path in {error.path for error in result.errors}, [error.to_dict() for error in result.errors]


def test_a_hostile_key_is_shown_shortened_and_printable_but_kept_in_the_path():
    # (YAML limits an implicit key to 1024 characters.)
    key = "k\\u0000" + "y" * 1000
    text = MINIMAL + f'"{key}": 1\n'
    (error,) = validate(text).errors
    assert error.path == "k\x00" + "y" * 1000
    assert len(error.message) < 300 and "\x00" not in error.message


def test_lowercase_country_codes_are_a_warning_and_normalised():
    text = MINIMAL + "intendedAudience:\n  countries:\n    - it\n"
    result = validate(text)
    assert result.ok
    assert [warning.path for warning in result.warnings] == ["intendedAudience.countries[0]"]
    assert result.data["intendedAudience"]["countries"] == ["IT"]


# ----------------------------------------------------------- unreadable YAML


@pytest.mark.parametrize(
    "text, line",
    [
        ("name: Medusa\nurl: [unclosed\nplatforms: web\n", 3),
        ("name: Medusa\n  bad: indentation\n", 2),
        ('name: "unterminated\n', 2),
        ("name: Medusa\ntab:\t\x07bell\n", 2),
        ("a: 1\n---\nb: 2\n", 2),
    ],
)
def test_unparseable_yaml_gives_one_error_with_its_line(text, line):
    result = validate(text)
    assert result.data is None
    (error,) = result.errors
    assert (error.path, error.line) == ("", line)
    assert "not valid YAML" in error.message


def test_a_file_that_is_not_a_mapping_is_refused():
    for text in ("", "just text", "- a\n- b\n", "42"):
        result = validate(text)
        assert not result.ok and result.errors[0].path == "" and result.errors[0].line == 1


def test_a_file_over_one_megabyte_is_refused_before_parsing():
    result = validate("name: x\n" + "#" * MAX_BYTES)
    (error,) = result.errors
    assert (error.path, error.line) == ("", None)
    assert "1 MB" in error.message
    assert result.data is None


# --------------------------------------------------------- hostile strings


def test_long_strings_and_control_characters_give_located_errors():
    text = changed("A short description of the software.", "x" * 10_000)
    assert_located_error(text, "description.en.shortDescription", "shortDescription", "10000 characters")
    quoted = changed("name: Medusa", 'name: "a\\u0000b\\u202ec"')
    assert validate(quoted).ok
    error = assert_located_error(
        changed("developmentStatus: development", 'developmentStatus: "\\u0000' + "z" * 10_000 + '"'),
        "developmentStatus",
        "developmentStatus",
        "not one of",
    )
    assert len(error.message) < 300 and "\x00" not in error.message


@pytest.mark.parametrize(
    "key, value",
    [
        ("url", "http://[::1"),
        ("landingURL", "https://[bad"),
        ("logo", "https://[bad/logo.png"),
        ("organisation", "\n  uri: https://[bad"),
        ("releaseDate", "'9999-99-99'"),
    ],
)
def test_malformed_values_give_located_errors_not_internal_ones(key, value):
    text = (
        MINIMAL.replace('url: "https://github.com/example/medusa.git"\n', "")
        + f"url: https://example.org/x.git\n{key}: {value}\n"
    )
    if key == "url":
        text = MINIMAL.replace('"https://github.com/example/medusa.git"', f'"{value}"')
    result = validate(text)
    assert result.errors and all(error.line for error in result.errors), [error.to_dict() for error in result.errors]
    assert not any("could not be checked" in error.message for error in result.errors)


def test_a_billion_laughs_alias_bomb_is_refused_cheaply():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{','.join(['*' + previous] * 9)}]\n"
    started = time.perf_counter()
    result = validate(bomb)
    assert time.perf_counter() - started < 2
    (error,) = result.errors
    assert "aliases" in error.message and error.line is not None


def test_a_long_file_without_aliases_is_not_taken_for_an_alias_bomb():
    text = MINIMAL + "usedBy:\n" + "  - A town hall\n" * 30_000
    result = validate(text)
    assert result.ok, [error.to_dict() for error in result.errors]
    assert len(result.data["usedBy"]) == 30_000


def test_lines_are_counted_as_an_editor_counts_them_not_at_yaml_1_1_breaks():
    # PyYAML counts U+0085, U+2028 and U+2029 as line breaks; editors (and YAML 1.2) do not.
    text = changed("name: Medusa", 'name: "Me\u0085du\u2028sa"').replace("- web", "- web\u2029")
    text = changed("developmentStatus: development", "developmentStatus: alpha", text)
    assert_located_error(text, "developmentStatus", "developmentStatus", "'alpha'")


def test_a_recursive_alias_is_refused():
    (error,) = validate("a: &a\n  b: *a\n").errors
    assert "refers to itself" in error.message


def test_small_aliases_are_expanded():
    text = MINIMAL.replace(
        "    - name: Francesca Rossi\n", "    - &francesca\n      name: Francesca Rossi\n    - *francesca\n"
    )
    result = validate(text)
    assert result.ok
    assert result.data["maintenance"]["contacts"] == [{"name": "Francesca Rossi"}] * 2


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 500_000,
        "a: " + "{a: " * 100_000,
        "- " * 300_000,
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 1400)),
    ],
    ids=["flow lists", "flow mappings", "block lists", "block mappings"],
)
def test_deep_nesting_is_refused_quickly_without_crashing(text):
    started = time.perf_counter()
    result = validate(text)
    assert time.perf_counter() - started < 3
    assert not result.ok and result.data is None
    assert "too deeply" in result.errors[0].message
    assert 1 <= result.errors[0].line <= text.count("\n") + 1


# -------------------------------------------------------- problems as data


def test_problems_are_translatable_messages_and_plain_dicts():
    error = errors_at(validate(changed("license: EUPL-1.2", "license: GPL 3")), "legal.license")[0]
    assert isinstance(error, Problem)
    assert error.to_dict() == {
        "path": "legal.license",
        "line": line_of(MINIMAL, "license:"),
        "message": "legal.license: 'GPL 3' is not a valid SPDX expression: unknown licence 'GPL'.",
        "hint": "use an SPDX identifier such as EUPL-1.2, or an expression such as MIT OR Apache-2.0",
    }
    assert isinstance(error.i18n_message, Message)
    assert error.i18n_message.domain == "osor.collection"
    assert error.i18n_message.mapping["path"] == "legal.license"


def test_to_dict_translates_for_a_request():
    error = errors_at(validate(changed("license: EUPL-1.2", "license: GPL 3")), "legal.license")[0]

    @implementer(IUserPreferredLanguages)
    class EnglishRequest(dict):
        def getPreferredLanguages(self):
            return ["en"]

    translated = error.to_dict(request=EnglishRequest())
    assert translated == error.to_dict()


# ----------------------------------------------------------- properties


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_validate_never_raises_on_any_text(text):
    result = validate(text)
    assert isinstance(result.errors, list) and isinstance(result.warnings, list)
    for item in result.errors + result.warnings:
        assert set(item.to_dict()) == {"path", "line", "message", "hint"}
        assert item.line is None or item.line >= 1


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str)
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(["name", "en", "type", "license", "contacts", "x", "it"]) | st.text(max_size=8),
            children,
            max_size=4,
        ),
    ),
    max_leaves=20,
)
top_keys = st.sampled_from([
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "categories",
    "intendedAudience",
    "dependsOn",
    "IT",
    "it",
    "releaseDate",
    "isBasedOn",
    "organisation",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(top_keys | st.text(max_size=10), yaml_values, max_size=8))
def test_validate_never_raises_on_arbitrary_nested_yaml(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    result = validate(text)
    assert result.data is not None
    for item in result.errors:
        assert item.line is None or 1 <= item.line <= text.count("\n") + 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_a_valid_file_with_any_extra_unknown_key_is_refused_at_that_key(value):
    text = MINIMAL + "zzExtra: " + json.dumps(value) + "\n"
    result = validate(text)
    assert [(error.path, error.line) for error in result.errors] == [("zzExtra", line_of(text, "zzExtra"))]
    assert result.errors[0].hint
    assert result.warnings == []


def _concrete_paths():
    """Every key path of the rule table, with 'en' for a language and the first item of a list."""
    paths = []
    for rule in rule_table().rules:
        segments = [
            ("en" if part == "*" and index else "open" if part == "*" else part)
            for index, part in enumerate(rule.pattern)
        ]
        paths.append(tuple(segments))
    return paths


def _put(document, segments, value):
    node = document
    for index, part in enumerate(segments[:-1]):
        following = segments[index + 1]
        if part == "[]":
            continue
        child = node.get(part) if isinstance(node, dict) else None
        if following == "[]":
            child = child if isinstance(child, list) and child and isinstance(child[0], dict) else [{}]
            node[part] = child
            node = child[0]
        else:
            child = child if isinstance(child, dict) else {}
            node[part] = child
            node = child
    last = segments[-1]
    if last == "[]":
        return
    node[last] = value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_concrete_paths()), yaml_values)
def test_any_value_at_any_known_key_gives_located_errors_never_an_internal_one(segments, value):
    document = yaml.safe_load(MINIMAL)
    _put(document, segments, value)
    text = yaml.safe_dump(document, allow_unicode=True)
    result = validate(text)
    assert result.data is not None
    for item in result.errors + result.warnings:
        assert "could not be checked" not in item.message
        assert item.line is not None and 1 <= item.line <= text.count("\n") + 1, item.to_dict()
