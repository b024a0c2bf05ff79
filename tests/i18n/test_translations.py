"""User-interface translations (issue #5 §3).

The catalogues in src/osor/collection/locales are rebuilt by ``make i18n``
(scripts/i18n.py); these tests fail when the .pot no longer matches the code,
when a .po misses a message, has an empty or fuzzy translation, or changes a
``${placeholder}``, and check that a French request gets French pages.
"""

from catalogues import LOCALES
from catalogues import parse_po
from catalogues import po_file
from catalogues import ROOT
from osor.collection import _
from osor.collection.vocabularies.language import EU_LANGUAGES
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from zope.i18n import translate

import pytest
import re
import subprocess
import sys
import transaction


POT = LOCALES / "osor.collection.pot"
LANGUAGES = EU_LANGUAGES
PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


# ------------------------------------------------------------------ parsing


@pytest.fixture(scope="module")
def pot() -> dict[str, dict]:
    return parse_po(POT)


@pytest.fixture(scope="module", params=LANGUAGES)
def po(request):
    return request.param, parse_po(po_file(request.param))


# ------------------------------------------------------------------ catalogues


def test_pot_is_up_to_date(tmp_path, pot):
    """The committed .pot has exactly the messages of the code, templates,
    GenericSetup XML and YAML data (run ``make i18n`` when this fails)."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "pot", str(tmp_path)],
        check=True,
        cwd=ROOT,
    )
    extracted = set(parse_po(tmp_path / "osor.collection.pot"))
    committed = set(pot)
    assert sorted(extracted - committed) == [], "messages missing from the .pot: run make i18n"
    assert sorted(committed - extracted) == [], "obsolete messages in the .pot: run make i18n"
    for name in ("generated.pot", "plone.pot"):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert (LOCALES / name).read_text(encoding="utf-8") == fresh, f"{name}: run make i18n"


def test_pot_covers_every_source(pot):
    """A sample from each source i18ndude reads, or that scripts/i18n.py adds."""
    for msgid in (
        "Software solution",  # types XML
        "Needs update",  # workflow state
        "Request changes",  # workflow transition
        "Waiting for a facilitator's approval.",  # state description
        "Manage members",  # actions.xml
        "heading_about_collection",  # page template
        "label_licence",  # schema (Python)
        "Open collection",  # settings in words (Python)
        "Completed",  # vocabularies/data/vocabularies.yaml
        "Site moderator",  # permission_matrix.yaml: role
        "Approve proposed content",  # permission_matrix.yaml: action
    ):
        assert msgid in pot, msgid
    assert "title" not in pot  # no bogus msgid extracted from _(spec["title"])


def test_po_has_exactly_the_messages_of_the_pot(po, pot):
    lang, entries = po
    assert sorted(set(pot) - set(entries)) == [], f"{lang}: missing messages: run make i18n"
    assert sorted(set(entries) - set(pot)) == [], f"{lang}: obsolete messages: run make i18n"


def test_every_message_is_translated(po):
    _lang, entries = po
    assert [msgid for msgid, entry in entries.items() if not entry["msgstr"].strip()] == []
    assert [msgid for msgid, entry in entries.items() if entry["fuzzy"]] == []


def test_plone_domain_copies_the_workflow_titles(po):
    """plone.po (Plone's workflow menu) has the titles of plone.pot, translated
    as in osor.collection.po."""
    lang, entries = po
    plone = parse_po(po_file(lang, "plone"))
    assert set(plone) == set(parse_po(LOCALES / "plone.pot"))
    assert "Needs update" in plone
    assert {msgid: entry["msgstr"] for msgid, entry in plone.items()} == {
        msgid: entries[msgid]["msgstr"] for msgid in plone
    }
    assert not any(entry["fuzzy"] for entry in plone.values())


def test_english_is_the_default_text(pot):
    entries = parse_po(po_file("en"))
    wrong = {
        msgid: entries[msgid]["msgstr"]
        for msgid, entry in pot.items()
        if entries[msgid]["msgstr"] != (entry["default"] or msgid)
    }
    assert wrong == {}


def test_placeholders_are_kept(po):
    _lang, entries = po
    wrong = {
        msgid: entry["msgstr"]
        for msgid, entry in entries.items()
        if sorted(PLACEHOLDER.findall(entry["default"] or msgid)) != sorted(PLACEHOLDER.findall(entry["msgstr"]))
    }
    assert wrong == {}


def test_line_breaks_are_kept(po):
    """Mail bodies keep their paragraphs."""
    _lang, entries = po
    wrong = [
        msgid
        for msgid, entry in entries.items()
        if (entry["default"] or msgid).count("\n") != entry["msgstr"].count("\n")
    ]
    assert wrong == []


# ------------------------------------------------------------------ rendering


@pytest.mark.parametrize(
    "message, lang, text",
    [
        (_("Needs update"), "fr", "À mettre à jour"),
        (_("Software solution"), "de", "Softwarelösung"),
        (_("label_licence", default="Licence"), "es", "Licencia"),
        (_("Site moderator"), "nl", "Sitemoderator"),
        (_("Completed"), "pl", "Ukończone"),
        (_("Facilitator"), "it", "Facilitatore"),
        (
            _("msg_joined", default="You are now a member of ${collection}.", mapping={"collection": "OSOR"}),
            "pt",
            "É agora membro de OSOR.",
        ),
    ],
)
def test_messages_are_translated_at_run_time(integration, message, lang, text):
    assert translate(message, target_language=lang) == text


def test_workflow_state_in_plone_domain(integration):
    """Plone's workflow menu translates state titles in the plone domain."""
    assert translate("Needs update", domain="plone", target_language="fr") == "À mettre à jour"
    assert translate("Request changes", domain="plone", target_language="de") == "Änderungen anfordern"
    # Titles plone.app.locales translates are left to it.
    assert translate("Published", domain="plone", target_language="fr") == "Publié"


def test_field_label_in_french(integration):
    from osor.collection.content.software_solution import ISoftwareSolution

    field = ISoftwareSolution["repository_url"]
    assert translate(field.title, target_language="fr") == "Dépôt du code source"


def test_about_page_in_french(functional_portal, functional_app):
    """A browser asking for French gets the About view of a collection in French."""
    api.portal.set_registry_record("plone.available_languages", ["en", "fr"])
    api.portal.set_registry_record("plone.use_request_negotiation", True)
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    collection = api.content.create(
        container=functional_portal,
        type="community_collection",
        id="translated",
        title="Nordic open source",
    )
    api.content.transition(collection, to_state="validated")
    transaction.commit()

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "fr")
    browser.open(f"{collection.absolute_url()}/@@about")
    page = browser.contents
    for french in (
        "À propos de Nordic open source",  # template, with ${collection}
        "Droits des membres",  # template
        "Collection ouverte",  # settings in words (Python)
        "Créer du contenu",  # permission matrix action (YAML)
        "Modérateur du site",  # permission matrix role (YAML)
        "Voir les membres",
    ):
        assert french in page, french
    assert "Member permissions" not in page
