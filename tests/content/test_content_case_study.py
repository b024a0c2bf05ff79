"""The case study: how administrations use open source."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from plone import api


class TestCaseStudy(ContentTypeContract):
    portal_type = "case_study"
    forbidden_in = ("manager", "solution")
    allowed_types = ("File", "Image")
    values = {
        "year": 2021,
        "administration_level": "local",
        "administrations": ["City of Aarhus"],
        "spatial_coverage": ["DK"],
        "topics": ["GOVE-collaboration"],
        "stakeholders": ["public_administration"],
    }
    fields = [
        # ICaseStudy
        "body",
        "administrations",
        "administration_level",
        "year",
        "solutions_used",
        "outcomes",
        "lessons_learned",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.leadimage, plone.allowdiscussion, plone.excludefromnavigation
        "id",
        "image",
        "image_caption",
        "allow_discussion",
        "exclude_from_nav",
        # osor.topics, osor.spatial_coverage, osor.stakeholders
        "topics",
        "spatial_coverage",
        "stakeholders",
    ]

    def test_is_found_by_its_year_level_and_countries(self, item, found):
        assert item.UID() in found(osor_year=2021)
        assert item.UID() not in found(osor_year=2020)
        assert item.UID() in found(osor_administration_level="local")
        assert item.UID() in found(osor_countries="DK")
        assert item.UID() in found(osor_topics="GOVE-collaboration")

    def test_a_file_in_it_does_not_get_its_year_or_countries(self, item, collection, found):
        attachment = api.content.create(container=item, type="File", id="slides", title="Slides")
        assert attachment.UID() not in found(osor_year=2021)
        assert attachment.UID() not in found(osor_administration_level="local")
        assert attachment.UID() not in found(osor_countries="DK")
        assert attachment.UID() not in found(osor_topics="GOVE-collaboration")
        assert attachment.UID() in found(osor_collection=collection.UID())

    def test_refers_to_the_solutions_used(self, item, solution):
        api.relation.create(source=item, target=solution, relationship="solutions_used")
        assert [relation.to_object for relation in item.solutions_used] == [solution]
