"""A competence centre's page: its facts and a map drawn without any external service."""

from pages_content import anonymous_browser
from pages_content import commit
from pages_content import json_ld
from pages_content import make_osor_collection
from pages_content import of_type
from pages_content import published
from plone import api

import lxml.html
import pytest


@pytest.fixture
def centre(functional_portal):
    collection = make_osor_collection(functional_portal)
    centre = published(
        api.content.create(
            container=collection,
            type="competence_centre",
            id="agid",
            title="AgID open source competence centre",
            country="IT",
            region="Rome",
            latitude=41.903,
            longitude=12.496,
            website="https://www.agid.gov.it",
            languages_served=["it", "en"],
            services_offered=["Training", "Legal advice"],
        )
    )
    commit()
    return centre


@pytest.fixture
def page(centre, functional_app):
    browser = anonymous_browser(functional_app)
    browser.open(centre.absolute_url())
    return browser


def test_facts_with_country_languages_and_services(page):
    tree = lxml.html.fromstring(page.contents)
    facts = tree.xpath("//dl[contains(@class, 'osor-facts')]")[0].text_content()
    for text in ("Italy", "Rome", "Italian", "English", "Training", "Legal advice"):
        assert text in facts
    assert page.getLink("https://www.agid.gov.it").url == "https://www.agid.gov.it"


def test_no_raw_coordinates_but_an_inline_svg_map_and_an_openstreetmap_link(page):
    assert "Latitude" not in page.contents
    tree = lxml.html.fromstring(page.contents)
    svg = tree.xpath('//section[@class="osor-map"]//svg')[0]
    assert svg.get("role") == "img" and svg.get("aria-label")
    assert len(svg.xpath(".//path")) > 30
    marker = svg.xpath(".//circle")[0]
    assert float(marker.get("cx")) > 0 and float(marker.get("cy")) > 0
    osm = page.getLink("Open in OpenStreetMap").url
    assert osm.startswith("https://www.openstreetmap.org/?mlat=41.90300&mlon=12.49600")


def test_the_page_loads_nothing_from_elsewhere(page):
    tree = lxml.html.fromstring(page.contents)
    sources = tree.xpath("//img/@src | //script/@src | //link[@rel='stylesheet']/@href | //iframe/@src")
    assert all(source.startswith("http://localhost") or source.startswith("/") for source in sources), sources


def test_structured_data_is_an_organization_with_geo(page):
    organization = of_type(json_ld(page.contents), "Organization")
    assert organization["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 41.903, "longitude": 12.496}
    assert organization["address"]["addressCountry"] == "IT"
