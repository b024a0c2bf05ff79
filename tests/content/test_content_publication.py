"""The publication: a handbook, report or other document."""

from content_contract import ContentTypeContract
from content_contract import DUBLIN_CORE_FIELDS
from datetime import date
from osor.collection.content.publication import IPublication


NEEDS_DOCUMENT = "error_publication_needs_document"


class TestPublication(ContentTypeContract):
    portal_type = "publication"
    forbidden_in = ("manager", "solution")
    invariant_cases = {
        "neither": ({"file": None, "external_url": None}, [NEEDS_DOCUMENT]),
        "file": ({"file": b"pdf", "external_url": None}, []),
        "address": ({"file": None, "external_url": "https://example.org/a.pdf"}, []),
        "both": ({"file": b"pdf", "external_url": "https://example.org/a.pdf"}, []),
    }
    values = {
        "publication_type": "handbook",
        "publication_date": date(2024, 3, 26),
        "external_url": "https://example.org/handbook.pdf",
        "licence": "CC-BY-4.0",
    }
    fields = [
        # IPublication
        "publication_type",
        "publication_date",
        "file",
        "external_url",
        "licence",
        *DUBLIN_CORE_FIELDS,
        # plone.shortname, plone.leadimage, plone.allowdiscussion, navigation
        "id",
        "image",
        "image_caption",
        "allow_discussion",
        "exclude_from_nav",
        # osor.topics, osor.spatial_coverage
        "topics",
        "spatial_coverage",
    ]

    def test_is_found_by_its_type_and_licence(self, item, found):
        assert item.UID() in found(osor_publication_type="handbook")
        assert item.UID() not in found(osor_publication_type="report")
        assert item.UID() in found(osor_licences="CC-BY-4.0")

    def test_a_publication_without_document_breaks_its_invariant(self, item, invariant_errors):
        assert invariant_errors(IPublication, item) == []
        item.external_url = None
        assert invariant_errors(IPublication, item) == [NEEDS_DOCUMENT]
