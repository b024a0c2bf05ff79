"""The community news: an article, possibly relayed from elsewhere."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from plone.app.textfield.value import RichTextValue


class TestCommunityNews(ContentTypeContract):
    portal_type = "community_news"
    forbidden_in = ("manager", "solution")
    values = {
        "text": RichTextValue("<p>The OSOR handbook is out.</p>", "text/html"),
        "source_url": "https://example.org/original",
        "topics": ["GOVE-open-source-policy"],
        "spatial_coverage": ["EU"],
    }
    fields = [
        # ICommunityNews
        "source_url",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.richtext, plone.leadimage, discussion, navigation
        "id",
        "text",
        "image",
        "image_caption",
        "allow_discussion",
        "exclude_from_nav",
        # osor.topics, osor.spatial_coverage, osor.stakeholders
        "topics",
        "spatial_coverage",
        "stakeholders",
    ]

    def test_is_found_by_its_topics_and_countries(self, item, found):
        assert item.UID() in found(osor_topics="GOVE-open-source-policy")
        assert item.UID() in found(osor_countries="EU")
        assert item.UID() not in found(osor_topics="TECH-cloud")
