"""One community across translations (issue 15, §2 and defect 9).

A collection and its translations (one plone.app.multilingual translation
group) are one community: the same members, roles, pending requests and
settings; pam's copying of language-independent fields is an edit of each
translation, made only where the editor may edit, under moderation.
"""

from community_fixtures import acting_as
from multilingual_fixtures import TRANSLATABLE
from osor.collection.demo.multilingual import setup_multilingual_site
from osor.collection.membership import members
from osor.collection.membership.community import community_of
from osor.collection.membership.language_independent import PermissionCheckingFieldsManager
from osor.collection.membership.roles import group_id
from osor.collection.membership.roles import own_group_id
from osor.collection.membership.translations import unite_all
from osor.collection.permissions import PUBLISH_DIRECTLY
from osor.collection.review import pending_edits
from osor.collection.upgrades.translation_community import unite_translated_collections
from plone import api
from plone.app.multilingual import api as pam_api
from plone.app.multilingual.interfaces import ILanguageIndependentFieldsManager
from plone.app.multilingual.interfaces import IMutableTG
from plone.app.multilingual.interfaces import IPloneAppMultilingualInstalled
from plone.app.multilingual.interfaces import ITG
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from Products.statusmessages.interfaces import IStatusMessage
from zope.interface import alsoProvides
from zope.interface import Interface
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import modified

import pytest
import transaction


# In the English OSOR collection: olga owns it, fiona facilitates, arthur
# authors, maria is a member; nina is not a member.
ROLES = {"olga": "owner", "fiona": "facilitator", "arthur": "author", "maria": "member"}


PASSWORD = "a-long-test-password"


def multilingual_site(portal) -> dict:
    """The site in English and French, as on a request to it, and its users."""
    roots = setup_multilingual_site(portal, languages=("en", "fr"))
    alsoProvides(portal.REQUEST, IPloneAppMultilingualInstalled)
    api.portal.set_registry_record("plone.email_from_address", "osor@example.org")
    for userid in (*ROLES, "nina"):
        api.user.create(email=f"{userid}@example.org", username=userid, password=PASSWORD)
    return roots


@pytest.fixture
def roots(manager):
    return multilingual_site(manager)


def make_olgas_collection(container, id_="osor", **settings):
    """A validated collection, owned by olga (the Manager who created it left)."""
    collection = api.content.create(container=container, type="community_collection", id=id_, title="OSOR", **settings)
    api.content.transition(collection, transition="validate")
    for userid, role in ROLES.items():
        members.add_member(collection, userid, role)
    members.remove_member(collection, TEST_USER_ID)
    return collection


def translate(item, language="fr"):
    """Translate as the Manager, as a site administrator would."""
    translation = pam_api.translate(item, language)
    state = api.content.get_state(item)
    if api.content.get_state(translation) != state:
        api.content.transition(translation, to_state=state)
    return translation


@pytest.fixture
def moderated(roots):
    """The English OSOR collection, moderated, and its French translation."""
    english = make_olgas_collection(roots["en"], moderated=True)
    return english, translate(english)


@pytest.fixture
def unmoderated(roots):
    english = make_olgas_collection(roots["en"], moderated=False)
    french = translate(english)
    # As the site administrator would (before, translations did not take it).
    french.moderated = False
    modified(french)
    return english, french


def may(userid, permission, obj) -> bool:
    with acting_as(userid):
        return api.user.has_permission(permission, obj=obj)


def approve(item):
    """Submit and approve ``item`` as fiona (a facilitator)."""
    with acting_as("fiona"):
        workflow = api.portal.get_tool("portal_workflow")
        for transition in ("submit", "approve"):
            if api.content.get_state(item) != "published":
                workflow.doActionFor(item, transition)


def edit(userid, item, **fields):
    """Change fields of ``item`` as ``userid`` and notify, as an edit form or a
    PATCH does: with the names of the fields edited."""
    with acting_as(userid):
        for name, value in fields.items():
            setattr(item, name, value)
        modified(item, Attributes(Interface, *fields))


# One community ---------------------------------------------------------------


def test_a_member_of_the_english_collection_is_a_member_of_its_french_translation(moderated):
    english, french = moderated
    assert members.members_of(french) == members.members_of(english)
    assert [members.role_of(french, userid) for userid in ROLES] == list(ROLES.values())
    assert may("maria", "osor.collection: Add Software Solution", french)
    assert may("fiona", "osor.collection: Manage members", french)
    assert not may("nina", "osor.collection: Add Software Solution", french)


def test_translations_share_the_groups_of_the_canonical_collection(moderated):
    english, french = moderated
    assert community_of(french) == community_of(english) == english
    assert group_id(french, "member") == own_group_id(english, "member")
    assert api.group.get(groupname=own_group_id(french, "member")) is None
    facilitators = own_group_id(english, "facilitator")
    assert set(dict(french.get_local_roles())[facilitators]) == set(dict(english.get_local_roles())[facilitators])


def test_the_translator_does_not_become_an_owner(moderated):
    english, french = moderated
    assert members.role_of(french, TEST_USER_ID) is None
    assert members.role_of(english, TEST_USER_ID) is None


def test_a_translation_made_in_the_add_form_joins_the_community(roots, http_request):
    english = make_olgas_collection(roots["en"], closed=True)
    # What pam's ++addtranslation++ form sets before it adds the translation.
    http_request.translation_info = {"tg": ITG(english), "source_language": "en"}
    french = api.content.create(
        container=roots["fr"], type="community_collection", id="osor", title="OSOR", closed=False
    )
    assert ITranslationManager(english).get_translation("fr") == french
    assert members.members_of(french) == members.members_of(english)
    assert members.role_of(french, TEST_USER_ID) is None
    assert french.closed is True


def test_a_translation_posted_over_rest_joins_the_community(functional_portal, request_factory):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    english = make_olgas_collection(multilingual_site(functional_portal)["en"])
    transaction.commit()

    response = request_factory(basic_auth=(TEST_USER_NAME, TEST_USER_PASSWORD)).post(
        "fr",
        json={
            "@type": "community_collection",
            "id": "osor",
            "title": "OSOR",
            "language": "fr",
            "translation_of": english.UID(),
        },
    )

    assert response.status_code == 201, response.text
    transaction.begin()
    french = functional_portal["fr"]["osor"]
    assert community_of(french) == english
    assert members.members_of(french) == members.members_of(english)
    assert members.role_of(french, TEST_USER_ID) is None


def test_joining_a_translation_joins_the_community(moderated):
    english, french = moderated
    assert members.join(french, "nina") == "member"
    assert members.role_of(english, "nina") == "member"
    members.change_role(english, "nina", "author")
    assert members.role_of(french, "nina") == "author"
    members.leave(french, "nina")
    assert members.role_of(english, "nina") is None


def test_pending_requests_are_the_community_s(roots):
    english = make_olgas_collection(roots["en"], closed=True)
    french = translate(english)
    assert members.join(french, "nina", "Bonjour") == "pending"
    assert members.is_pending(english, "nina")
    members.approve_request(english, "nina")
    assert members.role_of(french, "nina") == "member"
    assert not members.pending_requests(french)


def test_a_member_removed_from_one_translation_loses_her_rights_in_all(moderated):
    english, french = moderated
    with acting_as("maria"):
        news = api.content.create(container=french, type="community_news", title="Brouillon")
    assert may("maria", "Modify portal content", news)
    members.remove_member(english, "maria")
    assert not may("maria", "Modify portal content", news)
    assert not may("maria", "osor.collection: Add News", french)


@pytest.mark.parametrize("edited", ["english", "french"])
def test_a_setting_changed_on_any_translation_applies_to_all(moderated, edited):
    english, french = moderated
    collection = {"english": english, "french": french}[edited]
    edit("fiona", collection, moderated=False, closed=True, content_creation="any_user")
    for each in (english, french):
        assert (each.moderated, each.closed, each.content_creation) == (False, True, "any_user")
        assert may("maria", PUBLISH_DIRECTLY, each)
        assert may("nina", "osor.collection: Add News", each)


def test_a_new_translation_takes_the_community_settings(roots):
    english = make_olgas_collection(roots["en"], closed=True, content_creation="any_user", moderated=False)
    french = translate(english)
    assert (french.closed, french.content_creation, french.moderated) == (True, "any_user", False)


def test_a_member_of_the_english_osor_collection_contributes_to_its_french_translation_under_the_same_rules(
    moderated,
):
    _english, french = moderated
    with acting_as("maria"):
        news = api.content.create(container=french, type="community_news", title="Nouvelles")
    assert api.content.get_state(news) == "draft"
    assert not may("maria", PUBLISH_DIRECTLY, news)
    with acting_as("maria"):
        api.content.transition(news, transition="submit")
    assert api.content.get_state(news) == "proposed"
    assert may("fiona", "Review portal content", news)
    with acting_as("fiona"):
        api.content.transition(news, transition="approve")
    assert [brain.Title for brain in anonymous_search(UID=news.UID())] == ["Nouvelles"]
    # Her edit of her published French news waits for a facilitator, as in English.
    edit("maria", news, title="Nouvelles, corrigées")
    assert "Nouvelles, corrigées" not in {brain.Title for brain in anonymous_search(UID=news.UID())}


def anonymous_search(**query):
    with acting_as(None):
        return list(api.portal.get_tool("portal_catalog")(**query))


# Defect 9: pam's copying of language-independent fields ------------------


def translated_solution_of_maria(collections):
    """maria's published solution, translated into French by a site administrator."""
    english, french = collections
    with acting_as("maria"):
        solution = api.content.create(
            container=english, type="software_solution", id="app", title="App", licences=["EUPL-1.2"]
        )
    approve(solution)
    translation = translate(solution)
    assert translation.aq_parent == french
    assert translation.licences == ["EUPL-1.2"]
    assert api.content.get_state(translation) == "published"
    return solution, translation


def test_editing_her_solution_with_a_french_translation_works_in_a_moderated_collection(moderated):
    # Before: WorkflowException (a 500) when pam tried to moderate the French copy in her name.
    solution, translation = translated_solution_of_maria(moderated)
    edit("maria", solution, licences=["EUPL-1.2", "MIT"])
    assert translation.licences == ["EUPL-1.2"]
    assert api.content.get_state(translation) == "published"


def test_her_edit_does_not_rewrite_a_translation_she_may_not_edit(unmoderated):
    # Before: pam copied her licences into the published French translation.
    solution, translation = translated_solution_of_maria(unmoderated)
    assert not may("maria", "Modify portal content", translation)
    edit("maria", solution, licences=["MIT"], topics=["TECH-open-standards"])
    assert solution.licences == ["MIT"]
    assert translation.licences == ["EUPL-1.2"]
    assert translation.topics != ["TECH-open-standards"]


def test_her_edit_over_rest_answers_no_server_error(functional_portal, request_factory):
    """Defect 9 as reported: her PATCH of the English original answered 500."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    roots = multilingual_site(functional_portal)
    english = make_olgas_collection(roots["en"], moderated=True)
    _solution, translation = translated_solution_of_maria((english, translate(english)))
    transaction.commit()

    session = request_factory(basic_auth=("maria", PASSWORD))
    response = session.patch("en/osor/app", json={"licences": ["EUPL-1.2", "MIT"]})

    assert response.status_code == 204, response.text
    transaction.begin()
    assert translation.licences == ["EUPL-1.2"]


def test_a_facilitator_edit_reaches_every_translation(moderated):
    solution, translation = translated_solution_of_maria(moderated)
    edit("fiona", solution, licences=["MIT"])
    assert translation.licences == ["MIT"]
    assert api.content.get_state(translation) == "published"


def test_a_copied_change_is_moderated_by_the_translation_s_rules(moderated):
    english, _french = moderated
    with acting_as("maria"):
        solution = api.content.create(
            container=english, type="software_solution", id="app", title="App", licences=["EUPL-1.2"]
        )
        translation = pam_api.translate(solution, "fr")  # hers: she may edit it
    approve(solution)
    approve(translation)
    assert anonymous_search(UID=translation.UID(), osor_licences="EUPL-1.2")
    edit("maria", solution, licences=["MIT"])
    # Visitors keep the published version until a facilitator approves it.
    assert translation.licences == ["EUPL-1.2"]
    assert not anonymous_search(UID=translation.UID(), osor_licences="MIT")
    with acting_as("fiona"):
        pending_edits.approve(solution)
    assert translation.licences == ["MIT"]
    assert anonymous_search(UID=translation.UID(), osor_licences="MIT")
    assert pending_edits.pending(translation) is None


def test_our_translatable_types_copy_fields_under_our_rules(moderated):
    english, _french = moderated
    for portal_type in TRANSLATABLE:
        container = english.aq_parent if portal_type == "community_collection" else english
        item = api.content.create(container=container, type=portal_type, title=portal_type)
        manager = ILanguageIndependentFieldsManager(item)
        assert isinstance(manager, PermissionCheckingFieldsManager), portal_type


# Linking, unlinking, removing --------------------------------------------


def test_linking_two_collections_as_translations_merges_their_communities(roots):
    english = make_olgas_collection(roots["en"])
    french = make_olgas_collection(roots["fr"], closed=True)
    members.change_role(french, "arthur", "facilitator")
    members.remove_member(french, "maria")
    ITranslationManager(english).register_translation("fr", french)
    assert community_of(french) == english
    assert members.role_of(french, "maria") == "member"
    assert members.role_of(english, "arthur") == "facilitator"
    # A merge never loosens a policy: the French collection was closed.
    assert (english.closed, french.closed) == (True, True)
    assert api.group.get(groupname=own_group_id(french, "member")) is None


def test_a_merge_keeps_the_strictest_settings_and_says_what_changed(roots, caplog):
    english = make_olgas_collection(roots["en"], closed=True, moderated=False, content_creation="any_user")
    french = make_olgas_collection(
        roots["fr"], closed=False, moderated=True, content_creation="facilitators_and_authors"
    )
    # Linked as the old code did: no community.
    IMutableTG(french).set(ITG(english))
    french.reindexObject(idxs=["TranslationGroup"])

    with caplog.at_level("WARNING"):
        unite_translated_collections()

    for collection in (english, french):
        assert (collection.closed, collection.content_creation, collection.moderated) == (
            True,
            "facilitators_and_authors",
            True,
        )
    assert not may("maria", "osor.collection: Add Software Solution", english)
    assert "/plone/fr/osor: closed changed from False to True" in caplog.text
    assert "/plone/en/osor: content_creation changed from 'any_user' to 'facilitators_and_authors'" in caplog.text
    assert "/plone/en/osor: moderated changed from False to True" in caplog.text
    # The page after Site Setup -> Add-ons -> Upgrade names them too.
    [message] = [shown.message for shown in IStatusMessage(english.REQUEST).show()]
    assert "/plone/fr/osor, /plone/en/osor" in message or "/plone/en/osor, /plone/fr/osor" in message
    assert unite_all() == 0


def test_a_new_translation_takes_the_settings_of_its_community(roots):
    """The add form's values of the new translation (moderated by default)
    are no policy to keep: the community's settings stay as they are."""
    english = make_olgas_collection(roots["en"], moderated=False, content_creation="any_user")
    french = translate(english)
    for collection in (english, french):
        assert (collection.closed, collection.content_creation, collection.moderated) == (False, "any_user", False)


def test_unlinking_a_translation_leaves_two_communities_with_the_same_members(moderated):
    english, french = moderated
    ITranslationManager(english).remove_translation("fr")
    assert community_of(french) == french
    assert members.members_of(french) == members.members_of(english)
    members.join(french, "nina")
    assert members.role_of(english, "nina") is None
    assert may("maria", "osor.collection: Add Software Solution", french)


def test_removing_the_canonical_collection_keeps_the_community(moderated):
    english, french = moderated
    members.join(english, "nina")
    api.content.delete(english)
    assert community_of(french) == french
    assert members.role_of(french, "nina") == "member"
    assert members.role_of(french, "olga") == "owner"
    assert may("maria", "osor.collection: Add Software Solution", french)


def test_removing_the_last_translation_removes_the_groups(moderated):
    english, french = moderated
    api.content.delete(french)
    assert api.group.get(groupname=group_id(english, "member")) is not None
    api.content.delete(english)
    assert api.group.get(groupname=own_group_id(english, "member")) is None


# Upgrade -------------------------------------------------------------------


def test_upgrade_merges_existing_translations_into_one_community(roots):
    """Before: each translation was a community of its own."""
    english = make_olgas_collection(roots["en"], closed=True)
    french = make_olgas_collection(roots["fr"], closed=True, moderated=False)
    members.change_role(french, "maria", "facilitator")
    members.remove_member(french, "arthur")
    members.join(french, "nina", "Bonjour")
    # Linked as the old code did: no community.
    IMutableTG(french).set(ITG(english))
    french.reindexObject(idxs=["TranslationGroup"])

    unite_translated_collections()

    assert community_of(french) == english
    assert api.group.get(groupname=own_group_id(french, "member")) is None
    # A user keeps the most trusted of their roles.
    assert members.role_of(french, "maria") == "facilitator"
    assert members.role_of(english, "arthur") == "author"
    assert members.is_pending(english, "nina")
    assert (french.closed, french.moderated) == (True, True)
    assert may("maria", "osor.collection: Manage members", french)
    assert unite_all() == 0


def test_upgrade_changes_nothing_on_a_monolingual_site(collection, installer):
    assert not installer.is_product_installed("plone.app.multilingual")
    before = members.members_of(collection)
    unite_translated_collections()
    assert members.members_of(collection) == before
    assert community_of(collection) == collection
    assert unite_all() == 0
