"""The legal request: a licensing question and the legal expert's answer."""

from content_contract import ContentTypeContract
from osor.collection.content.legal_request import ILegalRequest
from plone.app.textfield.value import RichTextValue
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.supermodel.utils import mergedTaggedValueDict


class TestLegalRequest(ContentTypeContract):
    portal_type = "legal_request"
    forbidden_in = ("manager", "solution")
    values = {
        "question": RichTextValue("<p>May we combine EUPL and GPL code?</p>", "text/html"),
        "category": "licence_compatibility",
        "licences": ["EUPL-1.2", "GPL-3.0-only"],
    }
    fields = [
        # ILegalRequest
        "title",
        "question",
        "category",
        "licences",
        "licence_expression",
        "consent",
        "taken_by",
        "answer",
        "answered_by",
        "answered_on",
        # plone.shortname
        "id",
    ]

    def test_is_found_by_its_category_and_licences(self, item, found):
        assert item.UID() in found(osor_legal_category="licence_compatibility")
        assert item.UID() in found(osor_licences="GPL-3.0-only")
        assert item.UID() not in found(osor_licences="MIT")

    def test_is_found_by_the_licences_of_its_expression(self, item, found):
        item.licence_expression = "MIT OR Apache-2.0"
        item.reindexObject()
        assert item.UID() in found(osor_licences="Apache-2.0")
        assert item.UID() in found(osor_licences="GPL-3.0-only")

    def test_the_question_and_its_category_are_required(self):
        assert ILegalRequest["question"].required
        assert ILegalRequest["category"].required


def test_only_reviewers_write_the_answer():
    permissions = mergedTaggedValueDict(ILegalRequest, WRITE_PERMISSIONS_KEY)
    assert permissions == {
        "taken_by": "cmf.ReviewPortalContent",
        "answer": "cmf.ReviewPortalContent",
        "answered_by": "cmf.ReviewPortalContent",
        "answered_on": "cmf.ReviewPortalContent",
    }
