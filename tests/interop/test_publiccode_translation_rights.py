"""A publiccode.yml import writes a description into an existing translation
only for an importer who may edit that translation (#26 §3); otherwise that
description stays in the stored file, with a warning, as when the
collection has no translation for it."""

from community_fixtures import acting_as
from osor.collection.interop.publiccode.importer import import_publiccode
from paths import FIXTURES
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager

import pytest
import yaml


COMPLETE = (FIXTURES / "publiccode" / "import" / "complete.yml").read_text(encoding="utf-8")


def with_french_text(text: str) -> str:
    data = yaml.safe_load(text)
    data["description"]["fr"]["shortDescription"] = "Texte que seule l'équipe française peut changer."
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def alice(bilingual):
    api.user.create(email="alice@example.org", username="alice", password="secret-password")
    return "alice"


def test_an_importer_who_may_not_edit_the_translation_leaves_it_alone(bilingual, alice):
    solution = import_publiccode(bilingual, COMPLETE).obj
    french = ITranslationManager(solution).get_translation("fr")
    before = french.description
    # alice edits the English solution, not its French translation.
    api.user.grant_roles(username="alice", obj=solution, roles=["Editor"])
    with acting_as("alice"):
        assert not api.user.has_permission("Modify portal content", obj=french)
        result = import_publiccode(bilingual, with_french_text(COMPLETE))
    assert result.ok, result.errors
    assert french.description == before
    assert any(warning.path == "description.fr" for warning in result.warnings)
    assert not [plan for plan in result.fields if plan.language == "fr"]


def test_an_importer_who_may_edit_the_translation_updates_it(bilingual, alice):
    solution = import_publiccode(bilingual, COMPLETE).obj
    french = ITranslationManager(solution).get_translation("fr")
    api.user.grant_roles(username="alice", obj=solution, roles=["Editor"])
    api.user.grant_roles(username="alice", obj=french, roles=["Editor"])
    with acting_as("alice"):
        result = import_publiccode(bilingual, with_french_text(COMPLETE))
    assert result.ok, result.errors
    assert french.description == "Texte que seule l'équipe française peut changer."
