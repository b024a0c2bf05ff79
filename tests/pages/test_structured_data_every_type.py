"""Every public page of our types carries schema.org JSON-LD of the right
type (#27 §7), the Legal FAQ entry as a ``FAQPage`` of one ``Question`` and
its ``acceptedAnswer``; topics, countries and solution types are written as
the labels the page shows, never as their taxonomy tokens.

Each page is opened by an anonymous visitor over the functional test
browser, as a search engine's crawler reads it.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from pages_content import add_release
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import make_solution
from pages_content import published
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer

import lxml.html
import pytest
import pytz


TOPIC, TOPIC_LABEL = "GOVE-open-data", "Government and public sector » Open data"
COUNTRY, COUNTRY_LABEL = "ES", "Spain"
SOLUTION_TYPE, SOLUTION_TYPE_LABEL = "standard", "Open standard or specification"
CATEGORY, CATEGORY_LABEL = "licence_compatibility", "Licence compatibility"
TAXONOMY_TOKENS = (TOPIC, CATEGORY)
TAXONOMY = {"topics": [TOPIC], "spatial_coverage": [COUNTRY]}

# Each of our types a visitor may see, and the schema.org type of its page.
PAGE_TYPES = {
    "community_collection": "CollectionPage",
    "software_solution": "SoftwareApplication",
    "solution_release": "SoftwareApplication",
    "solution_distribution": "DataDownload",
    "case_study": "Article",
    "community_event": "Event",
    "competence_centre": "Organization",
    "community_news": "NewsArticle",
    "publication": "Report",
    "legal_faq_entry": "FAQPage",
}
# Never shown to visitors: a request stays between its requester and the experts.
PRIVATE_TYPES = {"legal_request"}


def create(container, portal_type, **values):
    return published(api.content.create(container=container, type=portal_type, id=portal_type, **values))


@pytest.fixture
def site_of_every_type(functional_portal):
    collection = make_osor_collection(functional_portal, **TAXONOMY)
    solution = make_solution(collection, solution_type=[SOLUTION_TYPE], **TAXONOMY)
    release = add_release(solution)
    start = pytz.timezone("Europe/Madrid").localize(datetime(2030, 5, 4, 10, 0))
    items = {
        "community_collection": collection,
        "software_solution": solution,
        "solution_release": release,
        "solution_distribution": release["source"],
        "case_study": create(collection, "case_study", title="Barcelona decides", year=2021, **TAXONOMY),
        "community_event": create(
            collection, "community_event", title="Webinar", start=start, end=start + timedelta(hours=1), **TAXONOMY
        ),
        "competence_centre": create(
            collection, "competence_centre", title="AgID", country="IT", region="Rome", topics=[TOPIC]
        ),
        "community_news": create(collection, "community_news", title="Report out", **TAXONOMY),
        "publication": create(
            collection,
            "publication",
            title="Handbook",
            publication_type="report",
            publication_date=date(2024, 3, 1),
            external_url="https://example.org/handbook.pdf",
            **TAXONOMY,
        ),
        "legal_faq_entry": createContentInContainer(
            functional_portal,
            "legal_faq_entry",
            checkConstraints=False,
            title="May I combine EUPL and GPL code?",
            question=RichTextValue("<p>May I <strong>combine</strong> them?</p>", "text/html", "text/html"),
            answer=RichTextValue("<p>Yes, through the EUPL's appendix.</p>", "text/html", "text/html"),
            category=CATEGORY,
            licences=["EUPL-1.2"],
        ),
    }
    commit()
    return items


def page_of(functional_app, obj):
    browser = anonymous_browser(functional_app)
    browser.open(obj.absolute_url())
    return browser.contents


def main_item(html, url):
    """The JSON-LD item that describes the page itself."""
    (item,) = [item for item in json_ld(html) if item.get("@id") == url]
    return item


def test_every_type_a_visitor_may_see_is_checked(functional_portal):
    ours = {
        fti.getId()
        for fti in api.portal.get_tool("portal_types").objectValues()
        if getattr(fti, "klass", "").startswith("osor.collection.")
    }
    assert ours == set(PAGE_TYPES) | PRIVATE_TYPES


@pytest.mark.parametrize(("portal_type", "schema_type"), PAGE_TYPES.items(), ids=list(PAGE_TYPES))
def test_the_public_page_of_each_type_carries_json_ld_of_its_type(
    site_of_every_type, functional_app, portal_type, schema_type
):
    obj = site_of_every_type[portal_type]
    html = page_of(functional_app, obj)
    item = main_item(html, obj.absolute_url())
    assert item["@type"] == schema_type
    assert item["name"] == obj.Title()
    assert "BreadcrumbList" in {entry["@type"] for entry in json_ld(html)}


@pytest.mark.parametrize("portal_type", [name for name in PAGE_TYPES if name != "legal_faq_entry"])
def test_topics_and_countries_are_labels_in_the_json_ld(site_of_every_type, functional_app, portal_type):
    obj = site_of_every_type[portal_type]
    item = main_item(page_of(functional_app, obj), obj.absolute_url())
    if getattr(obj, "topics", None):
        assert item["keywords"] == [TOPIC_LABEL]
    if getattr(obj, "spatial_coverage", None):
        assert item["spatialCoverage"] == [{"@type": "Place", "name": COUNTRY_LABEL}]


def test_a_solution_type_is_its_label(site_of_every_type, functional_app):
    solution = site_of_every_type["software_solution"]
    item = main_item(page_of(functional_app, solution), solution.absolute_url())
    assert item["applicationCategory"] == SOLUTION_TYPE_LABEL


def test_a_legal_faq_entry_is_a_faq_page_of_one_question_and_its_answer(site_of_every_type, functional_app):
    entry = site_of_every_type["legal_faq_entry"]
    item = main_item(page_of(functional_app, entry), entry.absolute_url())
    (question,) = item["mainEntity"]
    assert question == {
        "@type": "Question",
        "name": "May I combine EUPL and GPL code?",
        "text": "May I combine them?",
        "acceptedAnswer": {"@type": "Answer", "text": "Yes, through the EUPL's appendix."},
    }
    assert item["keywords"] == [CATEGORY_LABEL]
    assert item["about"] == [
        {
            "@type": "CreativeWork",
            "name": "European Union Public License 1.2 (EUPL-1.2)",
            "url": "https://spdx.org/licenses/EUPL-1.2.html",
        }
    ]


@pytest.mark.parametrize("portal_type", list(PAGE_TYPES))
def test_no_taxonomy_token_is_shown_where_a_label_belongs(site_of_every_type, functional_app, portal_type):
    obj = site_of_every_type[portal_type]
    html = page_of(functional_app, obj)
    document = lxml.html.fromstring(html)
    scripts = " ".join(script.text or "" for script in document.xpath('//script[@type="application/ld+json"]'))
    for script in document.xpath("//script | //style"):
        script.drop_tree()
    shown = " ".join(document.text_content().split())
    for token in TAXONOMY_TOKENS:
        assert token not in shown, f"{token} shown on the {portal_type} page"
        assert token not in scripts, f"{token} in the {portal_type} page's JSON-LD"
