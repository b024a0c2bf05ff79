"""The software solution: an open-source product with its releases."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from plone import api


class TestSoftwareSolution(ContentTypeContract):
    portal_type = "software_solution"
    forbidden_in = ("manager", "release")
    allowed_types = ("solution_release", "File", "Image")
    values = {
        "licences": ["EUPL-1.2", "MIT"],
        "development_status": "Completed",
        "solution_type": ["application", "platform"],
        "spatial_coverage": ["FR", "WORLD"],
        "topics": ["GOVE-interoperability"],
        "stakeholders": ["public_administration", "private_sector"],
        "owner_type": "LocalAuthority",
        "programming_languages": ["Python"],
        "interface_languages": ["fr", "en"],
    }
    fields = [
        # ISoftwareSolution
        "body",
        "solution_type",
        "development_status",
        "licence_expression",
        "licences",
        "landing_page",
        "repository_url",
        "other_repositories",
        "issue_tracker_url",
        "documentation_url",
        "programming_languages",
        "interface_languages",
        "used_by",
        "related_solutions",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.allowdiscussion, plone.excludefromnavigation
        "id",
        "allow_discussion",
        "exclude_from_nav",
        # osor.logo, osor.owner, osor.contact_point, osor.topics, osor.spatial_coverage
        "logo",
        "owner_name",
        "owner_type",
        "contact_points",
        "topics",
        "spatial_coverage",
        # osor.stakeholders
        "stakeholders",
        # osor.provenance (set by the federation import only)
        "source_catalogue",
        "original_uri",
        "harvested",
    ]

    def test_holds_releases_and_attachments(self, item, addable_types):
        assert addable_types(item) == sorted(self.allowed_types)

    def test_is_found_by_its_licences(self, item, found):
        assert item.UID() in found(osor_licences="EUPL-1.2")
        assert item.UID() in found(osor_licences="MIT")
        assert item.UID() not in found(osor_licences="GPL-3.0-only")

    def test_is_found_by_its_status_and_solution_types(self, item, found):
        assert item.UID() in found(osor_status="Completed")
        assert item.UID() in found(osor_solution_type="platform")
        assert item.UID() not in found(osor_solution_type="library")

    def test_is_found_by_its_countries_topics_and_owner_type(self, item, found):
        assert item.UID() in found(osor_countries="FR")
        assert item.UID() in found(osor_topics="GOVE-interoperability")
        assert item.UID() in found(osor_owner_type="LocalAuthority")

    def test_is_found_in_its_collection(self, item, collection, found):
        assert item.UID() in found(osor_collection=collection.UID())

    def test_an_attachment_does_not_acquire_its_licences_or_status(self, item, found):
        attachment = api.content.create(container=item, type="File", id="manual", title="Manual")
        assert attachment.UID() not in found(osor_licences="EUPL-1.2")
        assert attachment.UID() not in found(osor_status="Completed")
        assert attachment.UID() not in found(osor_countries="FR")
        assert attachment.UID() in found(osor_collection=item.aq_parent.UID())

    def test_relates_to_other_solutions(self, item, collection):
        other = api.content.create(container=collection, type="software_solution", title="Other")
        api.relation.create(source=item, target=other, relationship="related_solutions")
        assert [relation.to_object for relation in item.related_solutions] == [other]
