"""The community collection: the container a community works in."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS


class TestCommunityCollection(ContentTypeContract):
    portal_type = "community_collection"
    container = "manager"
    forbidden_in = ("collection",)
    globally_addable = True
    allowed_types = (
        "software_solution",
        "case_study",
        "community_event",
        "competence_centre",
        "legal_request",
        "community_news",
        "publication",
    )
    values = {
        "topics": ["GOVE-open-source-policy"],
        "spatial_coverage": ["BE", "EU"],
        "owner_name": "European Commission",
        "owner_type": "SupraNationalAuthority",
        "contact_points": [{"name": "OSOR team", "email": "osor@example.org", "url": None}],
    }
    fields = [
        # ICommunityCollection
        "abstract",
        "access_url",
        "banner",
        "closed",
        "content_creation",
        "moderated",
        "outdated_after_months",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.excludefromnavigation
        "id",
        "exclude_from_nav",
        # osor.logo, osor.owner, osor.contact_point, osor.topics, osor.spatial_coverage
        "logo",
        "owner_name",
        "owner_type",
        "contact_points",
        "topics",
        "spatial_coverage",
    ]

    def test_participation_defaults_to_an_open_moderated_collection(self, item):
        assert item.closed is False
        assert item.moderated is True
        assert item.content_creation == "only_members"

    def test_a_manager_can_add_every_community_type_in_it(self, item, addable_types):
        assert addable_types(item) == sorted(self.allowed_types)

    def test_is_found_by_its_topics_countries_and_owner_type(self, item, found):
        assert item.UID() in found(osor_topics="GOVE-open-source-policy")
        assert item.UID() in found(osor_countries="EU")
        assert item.UID() in found(osor_owner_type="SupraNationalAuthority")
        assert item.UID() not in found(osor_countries="FR")

    def test_belongs_to_itself(self, item, found):
        assert found(osor_collection=item.UID()) == {item.UID()}
