"""The "osor" distribution builds a multilingual site with the example OSOR collection."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from datetime import datetime
from datetime import UTC
from osor.collection.demo.example_content import create_example_content
from osor.collection.demo.multilingual import translate_example_content
from osor.collection.demo.publiccode_import import demo_publiccode_files
from osor.collection.demo.publiccode_import import FIXTURES
from osor.collection.demo.publiccode_import import imported_solutions
from osor.collection.interop.publiccode.export import solution_to_publiccode_yaml
from osor.collection.interop.publiccode.validation import validate
from osor.collection.interop.reports import import_reports
from osor.collection.legal.experts import EXPERTS_GROUP
from osor.collection.review.outdated import outdated_items
from osor.collection.review.reports import reports_of
from osor.collection.testing import DEMO_SITE_ANSWERS
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.utils import get_installer
from plone.dexterity.utils import iterSchemataForType

import pytest


def items(container, portal_type: str) -> list:
    return [obj for obj in container.objectValues() if obj.portal_type == portal_type]


def _field(obj, name: str):
    for schema in iterSchemataForType(obj.portal_type):
        if name in schema:
            return schema[name]
    return None


def anonymous_paths(site) -> set[str]:
    manager = getSecurityManager()
    noSecurityManager()
    try:
        return {brain.getPath() for brain in api.content.find(context=site)}
    finally:
        setSecurityManager(manager)


class TestDemoSite:
    def test_site_has_the_example_collection(self, site, osor):
        assert site.getId() == "osor_demo"
        assert osor.portal_type == "community_collection"
        assert osor.owner_type == "SupraNationalAuthority"

    def test_plone_app_caching_is_activated_as_on_a_production_site(self, site):
        assert get_installer(site).is_product_installed("plone.app.caching")

    def test_collection_holds_four_solutions(self, osor):
        assert len(items(osor, "software_solution")) >= 4

    def test_example_solutions_have_releases_with_distributions(self, osor):
        # A publiccode.yml names a release but no file: only the examples have downloads.
        imported = set(imported_solutions(osor))
        releases = [
            release
            for solution in items(osor, "software_solution")
            if solution not in imported
            for release in items(solution, "solution_release")
        ]
        assert len(releases) >= 2
        for release in releases:
            distributions = items(release, "solution_distribution")
            assert distributions, release.absolute_url()
            assert all(d.download_url and d.licence for d in distributions)

    def test_solutions_are_related(self, osor):
        assert [r.to_object for r in osor["decidim"].related_solutions] == [osor["lutece"]]

    def test_has_a_case_study_using_a_solution(self, osor):
        (case_study,) = items(osor, "case_study")
        assert [r.to_object for r in case_study.solutions_used] == [osor["decidim"]]

    def test_has_an_upcoming_event_with_speakers(self, osor):
        events = items(osor, "community_event")
        upcoming = [e for e in events if e.start > datetime.now(UTC)]
        assert upcoming
        assert all(speaker["name"] for speaker in upcoming[0].speakers)
        assert len(upcoming[0].speakers) >= 2

    def test_has_four_competence_centres_in_four_countries(self, osor):
        centres = items(osor, "competence_centre")
        assert len(centres) == 4
        assert len({centre.country for centre in centres}) == 4

    @pytest.mark.parametrize("portal_type", ["community_news", "publication", "legal_request"])
    def test_has_news_a_publication_and_a_legal_request(self, osor, portal_type):
        assert items(osor, portal_type)

    def test_published_items_are_found_by_anonymous(self, site, osor):
        published = {brain.getPath() for brain in api.content.find(context=site, review_state="published")}
        expected = {f"/osor_demo/en/osor/{name}" for name in ("decidim", "os2-denmark", "osor-handbook")}
        assert expected <= published
        assert published <= anonymous_paths(site)

    def test_the_legal_requests_are_not_public(self, site, osor):
        requests = items(osor, "legal_request")
        assert len(requests) == 2
        public = anonymous_paths(site)
        assert not {"/".join(request.getPhysicalPath()) for request in requests} & public

    def test_a_legal_expert_answered_a_members_request_and_published_it_as_a_faq(self, site, osor):
        assert "lena" in {user.getId() for user in api.user.get_users(groupname=EXPERTS_GROUP)}
        request = osor["eupl-with-gpl-library"]
        assert request.Creator() == "maria"
        assert api.content.get_state(request) == "answered"
        assert request.answered_by == "Lena Legal"
        (entry,) = api.content.find(context=site, portal_type="legal_faq_entry")
        assert entry.getPath() in anonymous_paths(site)
        entry = entry.getObject()
        assert "Maria" not in entry.title + entry.question.raw + entry.answer.raw
        assert request.faq_entry == entry.UID()
        manager = getSecurityManager()
        noSecurityManager()
        try:
            faq_page = api.content.get_view("legal-faq", site, site.REQUEST)
            faq_page()
            assert [card["title"] for card in faq_page.cards()] == [entry.title]
        finally:
            setSecurityManager(manager)
        # The other request waits for an expert.
        assert api.content.get_state(osor["eupl-for-documentation"]) == "submitted"

    def test_example_content_is_found_by_the_new_indexes(self, site, osor):
        eupl = {brain.getId for brain in api.content.find(context=site, osor_licences="EUPL-1.2")}
        assert "eusurvey" in eupl
        assert len(api.content.find(context=site, osor_collection=osor.UID())) >= 15

    @pytest.mark.parametrize(
        "field_name", ["topics", "spatial_coverage", "stakeholders", "solution_type", "category", "scope"]
    )
    def test_example_values_are_terms_of_the_taxonomies(self, osor, field_name):
        items = [osor, *osor.objectValues()]
        checked = 0
        for obj in items:
            field = _field(obj, field_name)
            if field is None or not getattr(obj, field_name, None):
                continue
            field.bind(obj).validate(getattr(obj, field_name))
            checked += 1
        assert checked

    def test_a_theme_finds_the_example_content_of_its_subtopics(self, site, osor):
        found = {brain.getId for brain in api.content.find(context=site, osor_topics="GOVE")}
        assert {"osor", "decidim", "x-road", "os2-denmark", "osor-handbook"} <= found

    def test_the_collection_holds_solutions_imported_from_real_publiccode_files(self, osor):
        assert len(imported_solutions(osor)) >= 25

    def test_the_imported_solutions_are_public(self, site, osor):
        paths = {"/".join(solution.getPhysicalPath()) for solution in imported_solutions(osor)}
        assert paths <= anonymous_paths(site)

    def test_every_demo_file_but_the_examples_has_an_import_report(self, osor):
        reported = {report["filename"] for report in import_reports(osor)}
        # decidim.yml describes the example Decidim, which stays as written.
        assert {entry["file"] for entry in demo_publiccode_files()} - reported == {"decidim.yml"}

    def test_has_an_open_report_and_an_outdated_item(self, osor):
        [report] = reports_of(osor)
        assert (report["reporter"], report["reason"]) == ("maria", "outdated")
        assert api.content.get(UID=report["item_uid"]) == osor["osor-handbook-published"]
        assert [brain.getId for brain in outdated_items(osor)] == ["osor-handbook"]

    def test_the_demo_shows_who_uses_a_solution_its_vitality_and_a_swhid(self, site, osor):
        from osor.collection.usage import declarations
        from osor.collection.usage.vitality import stored_vitality

        decidim = osor["decidim"]
        assert "Ville de Lyon" in declarations.organisation_names(decidim)
        assert declarations.has_referents(decidim)
        assert [item["organisation"] for item in declarations.pending(osor["x-road"])] == [
            "Suomi.fi (Digital and Population Data Services Agency)"
        ]
        assert stored_vitality(decidim)["state"] in ("active", "slowing_down", "inactive", "unknown")
        assert decidim["v0-28"].swhid.startswith("swh:1:rel:")

    def test_a_solution_has_a_further_repository(self, osor):
        assert osor["decidim"].other_repositories == [
            {"role": "documentation", "url": "https://github.com/decidim/documentation"}
        ]

    def test_creating_the_example_content_again_creates_nothing(self, site):
        before = len(api.content.find(context=site))
        assert create_example_content(site, site["en"]) == []
        assert len(api.content.find(context=site)) == before


TRANSLATED = {
    "osor": {
        "fr": "Observatoire des logiciels libres (OSOR)",
        "de": "Open-Source-Beobachtungsstelle (OSOR)",
    },
    "osor/decidim": {"fr": "Decidim", "de": "Decidim"},
    "osor/cross-administration-collaboration-webinar": {
        "fr": "Webinaire OSOR – Développer la collaboration entre administrations sur les projets open source",
        "de": "OSOR-Webinar – Zusammenarbeit zwischen Verwaltungen bei Open-Source-Projekten aufbauen",
    },
    "osor/osor-handbook-published": {
        "fr": "L'OSOR publie un manuel sur les logiciels libres dans l'administration publique",
        "de": "OSOR veröffentlicht ein Handbuch zu Open-Source-Software in der öffentlichen Verwaltung",
    },
}


class TestMultilingualDemoSite:
    def test_site_offers_english_french_and_german(self, site):
        assert api.portal.get_registry_record("plone.available_languages") == ["en", "fr", "de"]
        assert api.portal.get_registry_record("plone.default_language") == "en"

    @pytest.mark.parametrize("language", ["en", "fr", "de"])
    def test_each_language_has_its_root_folder(self, site, language):
        assert site[language].portal_type == "LRF"
        assert site[language].Language() == language

    def test_the_example_collection_is_english(self, osor):
        assert osor.absolute_url_path() == "/osor_demo/en/osor"
        assert osor.Language() == "en"
        assert osor["decidim"].Language() == "en"

    @pytest.mark.parametrize("path", TRANSLATED)
    @pytest.mark.parametrize("language", ["fr", "de"])
    def test_items_are_translated_and_linked(self, site, path, language):
        original = site["en"].unrestrictedTraverse(path)
        translation = site[language].unrestrictedTraverse(path)
        assert translation.portal_type == original.portal_type
        assert translation.Language() == language
        assert translation.Title() == TRANSLATED[path][language]
        assert translation.Description() and translation.Description() != original.Description()
        assert ITranslationManager(original).get_translation(language) == translation
        assert ITranslationManager(translation).get_translation("en") == original
        assert api.content.get_state(translation) == api.content.get_state(original)

    def test_translations_share_language_independent_fields(self, site):
        original = site["en"]["osor"]["decidim"]
        for language in ("fr", "de"):
            translation = site[language]["osor"]["decidim"]
            assert translation.licences == original.licences == ["AGPL-3.0-only"]
            assert translation.spatial_coverage == original.spatial_coverage
            assert translation.topics == original.topics
            assert translation.repository_url == original.repository_url

    def test_a_translated_event_keeps_its_dates_and_speakers(self, site):
        path = "osor/cross-administration-collaboration-webinar"
        original = site["en"].unrestrictedTraverse(path)
        translation = site["fr"].unrestrictedTraverse(path)
        assert (translation.start, translation.end) == (original.start, original.end)
        assert translation.speakers == original.speakers
        assert "collaboration" in translation.text.output

    def test_the_translated_collection_keeps_its_settings(self, site):
        original = site["en"]["osor"]
        translation = site["de"]["osor"]
        settings = ("closed", "content_creation", "moderated", "owner_type", "contact_points")
        assert {name: getattr(translation, name) for name in settings} == {
            name: getattr(original, name) for name in settings
        }
        assert translation.abstract.startswith("OSOR will eine vertrauenswürdige")

    def test_translating_again_creates_nothing(self, site):
        assert translate_example_content(site["en"]) == []

    def test_an_imported_solution_exports_the_descriptions_of_its_translations(self, site):
        # mucgpt.yml describes MUCGPT in German and English: the German text
        # went into the German translation, and comes back from it.
        solution = site["en"]["osor"]["mucgpt"]
        assert ITranslationManager(solution).has_translation("de")
        original = validate((FIXTURES / "mucgpt.yml").read_text(encoding="utf-8")).data
        exported = solution_to_publiccode_yaml(solution)
        validation = validate(exported)
        assert validation.errors == []
        assert validation.data["description"] == original["description"]

    def test_a_translation_of_an_imported_solution_exports_the_same_file(self, site):
        solution = site["en"]["osor"]["mucgpt"]
        translation = ITranslationManager(solution).get_translation("de")
        assert solution_to_publiccode_yaml(translation) == solution_to_publiccode_yaml(solution)


class TestChosenContentLanguages:
    """The site-creation form's "Content languages" (#30): any of the 24,
    the default language first, each with its root folder."""

    @pytest.fixture(scope="class")
    def site(self, app_class, create_site):
        answers = {**DEMO_SITE_ANSWERS, "site_id": "osor_languages", "setup_content": False}
        return create_site(app_class, {**answers, "default_language": "mt", "content_languages": ["ga", "et"]})

    def test_the_site_has_the_chosen_languages_the_default_first(self, site):
        assert api.portal.get_registry_record("plone.available_languages") == ["mt", "ga", "et"]
        assert api.portal.get_registry_record("plone.default_language") == "mt"
        assert {language: site[language].portal_type for language in ("mt", "ga", "et")} == dict.fromkeys(
            ("mt", "ga", "et"), "LRF"
        )

    def test_the_form_offers_the_24_eu_languages(self):
        from osor.collection.vocabularies.language import EU_LANGUAGES
        from plone.distribution.api.distribution import get

        field = get("osor").schema["properties"]["content_languages"]
        assert field["items"]["enum"] == list(EU_LANGUAGES)
        assert field["default"] == ["en", "fr", "de"]

    def test_a_language_outside_the_eu_is_refused(self):
        from osor.collection.demo.handler import content_languages

        assert content_languages({"default_language": "en", "content_languages": ["fr", "ja"]}) == ("en", "fr")
        with pytest.raises(ValueError, match="24 official EU languages"):
            content_languages({"default_language": "ja"})
