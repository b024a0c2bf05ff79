"""The "osor" distribution builds a site with the example OSOR collection."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from datetime import datetime
from datetime import timezone
from osor.collection.demo.example_content import create_example_content
from plone import api
from plone.dexterity.utils import iterSchemataForType

import pytest


ANSWERS = {
    "site_id": "osor_demo",
    "title": "OSOR",
    "setup_content": True,
    "default_language": "en",
    "portal_timezone": "Europe/Brussels",
}


@pytest.fixture(scope="session")
def distribution_name() -> str:
    return "osor"


@pytest.fixture(scope="class")
def site(app_class, create_site):
    """One demo site for the whole class (it takes a few seconds to build)."""
    return create_site(app_class, ANSWERS)


@pytest.fixture
def osor(site):
    return site["osor"]


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

    def test_collection_holds_four_solutions(self, osor):
        assert len(items(osor, "software_solution")) >= 4

    def test_solutions_have_releases_with_distributions(self, osor):
        releases = [
            release
            for solution in items(osor, "software_solution")
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
        upcoming = [e for e in events if e.start > datetime.now(timezone.utc)]
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
        published = {
            brain.getPath() for brain in api.content.find(context=site, review_state="published")
        }
        expected = {f"/osor_demo/osor/{name}" for name in ("decidim", "os2-denmark", "osor-handbook")}
        assert expected <= published
        assert published <= anonymous_paths(site)

    def test_the_legal_request_is_not_public(self, site, osor):
        (legal_request,) = items(osor, "legal_request")
        assert "/".join(legal_request.getPhysicalPath()) not in anonymous_paths(site)

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

    def test_creating_the_example_content_again_creates_nothing(self, site):
        before = len(api.content.find(context=site))
        assert create_example_content(site) == []
        assert len(api.content.find(context=site)) == before
