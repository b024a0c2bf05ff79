"""News (date first) and publication (download or access link) pages."""

from datetime import date
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import of_type
from pages_content import published
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile

import pytest


@pytest.fixture
def collection(functional_portal):
    return make_osor_collection(functional_portal)


def test_news_shows_its_date_first_and_is_a_news_article(collection, functional_app):
    news = published(
        api.content.create(
            container=collection,
            type="community_news",
            id="news",
            title="OSOR report published",
            text=RichTextValue("<p>The report is out.</p>", "text/html", "text/html"),
        )
    )
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(news.absolute_url())
    html = browser.contents
    assert html.index("osor-news-date") < html.index("documentFirstHeading")
    assert "The report is out." in html
    article = of_type(json_ld(html), "NewsArticle")
    assert article["headline"] == "OSOR report published"
    assert article["datePublished"]


def test_publication_with_a_file_has_a_download_button(collection, functional_app):
    publication = published(
        api.content.create(
            container=collection,
            type="publication",
            id="handbook",
            title="OSOR handbook",
            publication_type="handbook",
            publication_date=date(2024, 3, 1),
            licence="CC-BY-4.0",
            file=NamedBlobFile(b"%PDF-1.4", filename="handbook.pdf"),
        )
    )
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(publication.absolute_url())
    assert browser.getLink("Download").url == f"{publication.absolute_url()}/@@download/file"
    assert "Mar 01, 2024" in browser.contents
    assert "Handbook" in browser.contents
    assert "https://spdx.org/licenses/CC-BY-4.0.html" in browser.contents
    assert of_type(json_ld(browser.contents), "CreativeWork")["license"] == "https://spdx.org/licenses/CC-BY-4.0.html"


def test_publication_without_a_file_links_to_it(collection, functional_app):
    publication = published(
        api.content.create(
            container=collection,
            type="publication",
            id="report",
            title="A report",
            external_url="https://example.org/report",
        )
    )
    commit()
    browser = anonymous_browser(functional_app)
    browser.open(publication.absolute_url())
    assert browser.getLink("Read the publication").url == "https://example.org/report"
    assert "Publication date" not in browser.contents
