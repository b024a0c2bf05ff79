"""The release: a version of a software solution, holding its distributions."""

from content_contract import ContentTypeContract
from datetime import date
from plone import api


class TestSolutionRelease(ContentTypeContract):
    portal_type = "solution_release"
    container = "solution"
    forbidden_in = ("manager", "collection")
    allowed_types = ("solution_distribution",)
    values = {
        "version": "2.4.1",
        "release_date": date(2024, 4, 15),
        "development_status": "UnderDevelopment",
        "swhid": "swh:1:rel:22ece559cc7cc2364edc5e5593d63ae8bd229f9f",
    }
    fields = [
        # IRelease
        "version",
        "release_date",
        "release_notes",
        "development_status",
        "swhid",
        # plone.basic, plone.shortname
        "title",
        "description",
        "id",
    ]

    def test_holds_distributions_only(self, item, addable_types):
        assert addable_types(item) == ["solution_distribution"]

    def test_is_found_by_its_release_date(self, item, found):
        assert item.UID() in found(osor_release_date=date(2024, 4, 15))
        assert item.UID() in found(osor_release_date={"query": date(2024, 1, 1), "range": "min"})
        assert item.UID() not in found(osor_release_date={"query": date(2024, 4, 16), "range": "min"})

    def test_is_found_by_its_own_status_not_its_solution_s(self, item, found):
        item.aq_parent.development_status = "Completed"
        item.aq_parent.reindexObject()
        assert item.UID() in found(osor_status="UnderDevelopment")
        assert item.UID() not in found(osor_status="Completed")

    def test_a_distribution_in_it_is_found_in_the_collection(self, item, collection, found):
        distribution = api.content.create(
            container=item,
            type="solution_distribution",
            title="Source code",
            access_url="https://example.org/app-2.4.1.tar.gz",
        )
        assert distribution.UID() in found(osor_collection=collection.UID())
