"""The demo site lands on the observatory: each language root shows its
collection (its default page), not an empty folder listing."""

from osor.collection.demo.landing import show_the_collection_on_language_roots


class TestDemoLanding:
    def test_each_language_root_shows_its_collection(self, site):
        assert {language: site[language].getDefaultPage() for language in ("en", "fr", "de")} == {
            "en": "osor",
            "fr": "osor",
            "de": "osor",
        }

    def test_an_editors_choice_of_default_page_is_kept(self, site):
        site["fr"].setDefaultPage("osor")
        site["fr"].manage_changeProperties(default_page="something-else")
        assert site["fr"] not in show_the_collection_on_language_roots(site)
        assert site["fr"].getProperty("default_page") == "something-else"
