"""Find anything: the faceted search with counts (#17).

The fixture is small enough to count by hand:

================  =======  ==========  =========================  =========
item              state    countries   topics                     licences
================  =======  ==========  =========================  =========
alpha (solution)  public   DK          GOVE-interoperability      EUPL-1.2
beta (solution)   public   DK, FR      GOVE-open-data             MIT
gamma (solution)  public   FR          TECH-cloud                 EUPL-1.2
delta (solution)  draft    DK          GOVE-interoperability      EUPL-1.2
case (2024)       public   DK          GOVE-ospo
legal request     answered                                        EUPL-1.2
================  =======  ==========  =========================  =========
"""

from osor.collection.discovery.params import parse_parameters
from osor.collection.discovery.params import SearchInputError
from osor.collection.discovery.search import faceted_search
from paths import ROOT
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser

import json
import pytest
import re
import transaction


SOLUTIONS = {
    "alpha": (["DK"], ["GOVE-interoperability"], ["EUPL-1.2"], "published"),
    "beta": (["DK", "FR"], ["GOVE-open-data"], ["MIT"], "published"),
    "gamma": (["FR"], ["TECH-cloud"], ["EUPL-1.2"], "published"),
    "delta": (["DK"], ["GOVE-interoperability"], ["EUPL-1.2"], "draft"),
}


def build_fixture(container):
    collection = api.content.create(container=container, type="community_collection", id="osor", title="OSOR")
    api.content.transition(collection, to_state="validated")
    for name, (countries, topics, licences, state) in SOLUTIONS.items():
        solution = api.content.create(
            container=collection,
            type="software_solution",
            id=name,
            title=name.capitalize(),
            spatial_coverage=countries,
            topics=topics,
            licences=licences,
        )
        if state != "draft":
            api.content.transition(solution, to_state=state)
    case = api.content.create(
        container=collection,
        type="case_study",
        id="case",
        title="Case",
        year=2024,
        spatial_coverage=["DK"],
        topics=["GOVE-ospo"],
    )
    api.content.transition(case, to_state="published")
    request = api.content.create(
        container=collection,
        type="legal_request",
        id="question",
        title="May we combine EUPL and GPL code?",
        question=RichTextValue("<p>May we?</p>", "text/html"),
        category="licence_compatibility",
        licences=["EUPL-1.2"],
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(request, transition="take")
        api.content.transition(request, transition="answer", comment="Yes, under conditions.")
    return collection


@pytest.fixture
def search_site(manager):
    build_fixture(manager)
    logout()
    return manager


def search(context, request, **form):
    """The faceted search of ``form`` (a request's parameters) from ``context``."""
    request.form.clear()
    request.form.update(form)
    return faceted_search(context, request, parse_parameters(form, context, request))


def counts(result, index) -> dict:
    facet = next(counts for counts in result.facets if counts.facet.index == index)
    return {value.token: value.count for value in facet.values}


def titles(result) -> list[str]:
    return sorted(brain.Title for brain in result.brains)


# Counts --------------------------------------------------------------------


def test_counts_without_selection_leave_out_the_draft_and_the_legal_request(search_site, http_request):
    result = search(search_site, http_request)
    assert titles(result) == ["Alpha", "Beta", "Case", "Gamma", "OSOR"]
    assert counts(result, "portal_type") == {
        "software_solution": 3,
        "case_study": 1,
        "community_collection": 1,
    }
    assert counts(result, "osor_countries") == {"DK": 3, "FR": 2}
    assert counts(result, "osor_licences") == {"EUPL-1.2": 2, "MIT": 1}
    assert counts(result, "osor_year") == {"2024": 1}


def test_a_theme_counts_its_sub_topics_and_is_listed_above_them(search_site, http_request):
    result = search(search_site, http_request)
    topics = next(counts for counts in result.facets if counts.facet.index == "osor_topics")
    assert [(v.token, v.count, v.parent) for v in topics.values] == [
        ("GOVE", 3, None),
        ("GOVE-interoperability", 1, "GOVE"),
        ("GOVE-open-data", 1, "GOVE"),
        ("GOVE-ospo", 1, "GOVE"),
        ("TECH", 1, None),
        ("TECH-cloud", 1, "TECH"),
    ]


def test_a_facet_counts_with_the_other_facets_selections_but_not_its_own(search_site, http_request):
    result = search(search_site, http_request, osor_countries="DK")
    assert titles(result) == ["Alpha", "Beta", "Case"]
    # Its own selection does not narrow a facet: FR would still add two.
    assert counts(result, "osor_countries") == {"DK": 3, "FR": 2}
    assert counts(result, "osor_licences") == {"EUPL-1.2": 1, "MIT": 1}

    result = search(search_site, http_request, osor_countries="DK", osor_licences="EUPL-1.2")
    assert titles(result) == ["Alpha"]
    assert counts(result, "osor_countries") == {"DK": 1, "FR": 1}
    assert counts(result, "osor_licences") == {"EUPL-1.2": 1, "MIT": 1}


def test_values_of_one_facet_combine_with_or(search_site, http_request):
    result = search(search_site, http_request, osor_licences=["EUPL-1.2", "MIT"])
    assert titles(result) == ["Alpha", "Beta", "Gamma"]
    assert result.total == 3


def test_a_selected_topic_finds_its_sub_topics(search_site, http_request):
    result = search(search_site, http_request, osor_topics="GOVE")
    assert titles(result) == ["Alpha", "Beta", "Case"]


def test_full_text_narrows_results_and_counts(search_site, http_request):
    result = search(search_site, http_request, SearchableText="Gamma")
    assert titles(result) == ["Gamma"]
    assert counts(result, "osor_countries") == {"FR": 1}


def test_an_editor_counts_the_draft(search_site, http_request, portal):
    """The draft is left out by the catalog's security, not by its state."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    from plone.app.testing import login
    from plone.app.testing import TEST_USER_NAME

    login(portal, TEST_USER_NAME)
    result = search(search_site, http_request, osor_countries="DK", portal_type="software_solution")
    assert titles(result) == ["Alpha", "Beta", "Delta"]


def test_a_collection_searches_its_own_content(search_site, http_request):
    collection = search_site["osor"]
    result = search(collection, http_request)
    assert titles(result) == ["Alpha", "Beta", "Case", "Gamma"]
    assert "community_collection" not in counts(result, "portal_type")


def test_paging_and_sorting(search_site, http_request):
    result = search(search_site, http_request, sort_on="sortable_title", b_size="2")
    assert [brain.Title for brain in result.brains] == ["Alpha", "Beta"]
    assert result.total == 5
    result = search(search_site, http_request, sort_on="sortable_title", b_size="2", b_start="2")
    assert [brain.Title for brain in result.brains] == ["Case", "Gamma"]
    result = search(search_site, http_request, sort_on="sortable_title", sort_order="descending", b_size="1")
    assert [brain.Title for brain in result.brains] == ["OSOR"]


def test_facets_parameter_chooses_the_facets_counted(search_site, http_request):
    result = search(search_site, http_request, facets="osor_countries,osor_licences")
    assert [counts.facet.index for counts in result.facets] == ["osor_countries", "osor_licences"]


# Translations ----------------------------------------------------------------


@pytest.fixture
def multilingual_site(manager):
    from osor.collection.demo.multilingual import setup_multilingual_site
    from plone.app.multilingual import api as pam_api

    roots = setup_multilingual_site(manager, languages=("en", "fr"))
    collection = build_fixture(roots["en"])
    pam_api.translate(collection, "fr")
    translation = pam_api.translate(collection["alpha"], "fr")
    translation.title = "Alpha (fr)"
    translation.reindexObject()
    api.content.transition(translation, to_state="published")
    logout()
    return roots


def test_a_translated_item_is_counted_once(multilingual_site, http_request):
    result = search(multilingual_site["en"], http_request, osor_countries="DK")
    assert counts(result, "osor_countries") == {"DK": 3, "FR": 2}
    assert counts(result, "portal_type")["software_solution"] == 2
    assert titles(result) == ["Alpha", "Beta", "Case"]
    # The language facet counts each translation in its language.
    assert counts(result, "Language") == {"en": 3, "fr": 1}


def test_the_visitors_language_is_preferred_with_english_fallback(multilingual_site, http_request):
    result = search(multilingual_site["fr"], http_request, osor_countries="DK")
    assert titles(result) == ["Alpha (fr)", "Beta", "Case"]


def test_choosing_a_language_lists_its_translations(multilingual_site, http_request):
    result = search(multilingual_site["en"], http_request, Language="fr")
    assert titles(result) == ["Alpha (fr)"]


# Bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "form,parameter",
    [
        ({"review_state": "private"}, "review_state"),
        ({"osor_countries": "XX"}, "osor_countries"),
        ({"osor_year": "last year"}, "osor_year"),
        ({"b_start": "ten"}, "b_start"),
        ({"b_start": "-1"}, "b_start"),
        ({"b_size": "1000"}, "b_size"),
        ({"sort_on": "getObjSize"}, "sort_on"),
        ({"facets": "osor_nothing"}, "facets"),
        ({"event_time": "tomorrow"}, "event_time"),
        ({"start": "2026-13-45"}, "start"),
        ({"SearchableText": "x" * 10_000}, "SearchableText"),
    ],
)
def test_bad_input_names_the_parameter(portal, http_request, form, parameter):
    with pytest.raises(SearchInputError) as error:
        parse_parameters(form, portal, http_request)
    assert error.value.parameter == parameter


def test_a_huge_query_string_is_refused(portal, http_request):
    with pytest.raises(SearchInputError) as error:
        parse_parameters({}, portal, http_request, query_string="a=b&" * 2500)
    assert error.value.parameter == "QUERY_STRING"


# Over HTTP: the REST service and the page ------------------------------------


@pytest.fixture
def published(functional_portal):
    """The fixture, committed, for requests over HTTP."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    build_fixture(functional_portal)
    setRoles(functional_portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    return functional_portal


def test_rest_answers_results_batching_and_facets(published, request_factory):
    response = request_factory().get("@faceted-search", params={"osor_countries": "DK", "sort_on": "sortable_title"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert set(data) == {"@id", "items_total", "items", "batching", "facets"}
    assert data["items_total"] == 3
    assert [item["title"] for item in data["items"]] == ["Alpha", "Beta", "Case"]
    alpha = data["items"][0]
    assert alpha["osor_countries"] == [{"token": "DK", "title": "Denmark"}]
    assert alpha["osor_licences"] == [{"token": "EUPL-1.2", "title": "European Union Public License 1.2 (EUPL-1.2)"}]
    countries = data["facets"]["osor_countries"]
    assert countries["title"] == "Country or area"
    assert countries["values"] == [
        {"token": "DK", "title": "Denmark", "count": 3, "selected": True},
        {"token": "FR", "title": "France", "count": 2, "selected": False},
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"osor_unknown": "x"},
        {"osor_countries": "Atlantis"},
        {"b_start": "x"},
        {"b_size": "100000"},
        {"SearchableText": "x" * 10_000},
        {"start": "2026-02-30T99:99"},
        {"SearchableText": '"unbalanced ( AND'},
    ],
)
def test_rest_answers_bad_input_with_400_naming_the_parameter(published, request_factory, params):
    response = request_factory().get("@faceted-search", params=params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["message"]
    assert error["parameter"] in (*params, "QUERY_STRING")


def test_rest_refuses_a_10_kb_query_string(published, request_factory):
    response = request_factory().get("@faceted-search?" + "osor_countries=DK&" * 600)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "QUERY_STRING"


@pytest.fixture
def browser(functional_app):
    browser = Browser(functional_app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


def test_the_page_works_as_a_plain_get_form(published, browser):
    browser.open(published.absolute_url() + "/@@faceted-search")
    assert "Results 1–5 of 5" in normalized(browser.contents)
    form = browser.getForm(action=published.absolute_url() + "/@@faceted-search")
    form.getControl(name="osor_countries").getControl(value="DK").selected = True
    form.getControl(name="osor_licences").getControl(value="EUPL-1.2").selected = True
    form.getControl(name="sort_on").value = ["sortable_title"]
    form.submit()
    assert "osor_countries=DK" in browser.url
    assert "osor_licences=EUPL-1.2" in browser.url
    assert result_titles(browser.contents) == ["Alpha"]
    # Counts shown next to each value; the URL reopens the same page.
    assert "Denmark (1)" in normalized(browser.contents)
    shared = browser.url
    browser.open(published.absolute_url())
    browser.open(shared)
    assert result_titles(browser.contents) == ["Alpha"]
    form = browser.getForm(action=published.absolute_url() + "/@@faceted-search")
    assert form.getControl(name="osor_countries").getControl(value="DK").selected


def test_a_chip_removes_its_value(published, browser):
    browser.open(published.absolute_url() + "/@@faceted-search?osor_countries=DK&osor_licences=EUPL-1.2")
    chip = browser.getLink("Licence: European Union Public License 1.2 (EUPL-1.2)")
    chip.click()
    assert "osor_licences" not in browser.url
    assert result_titles(browser.contents) == ["Alpha", "Beta", "Case"]


def test_the_page_links_the_rss_feed_of_the_search(published, browser):
    browser.open(published.absolute_url() + "/@@faceted-search?osor_countries=FR")
    browser.getLink("RSS feed of this search").click()
    assert browser.headers["Content-Type"].startswith("application/rss+xml")
    assert sorted(re.findall(r"<item><title>(.*?)</title>", browser.contents)) == [
        "Beta",
        "Gamma",
    ]


@pytest.mark.parametrize(
    "query",
    ["osor_nothing=1", "b_start=ten", "b_size=100000", "osor_countries=XX", "osor_year=soon"],
)
def test_the_page_shows_bad_input_with_a_message(published, browser, query):
    browser.open(published.absolute_url() + "/@@faceted-search?" + query)
    assert browser.headers["status"].startswith("400")
    assert "This search could not be run" in browser.contents


def normalized(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" )", ")").replace("( ", "(")


def result_titles(html: str) -> list[str]:
    return sorted(re.findall(r'class="osor-card-title"><a href="[^"]*">([^<]*)</a>', html))


README = ROOT / "README.md"


def readme_example() -> tuple[str, dict]:
    """The request path and the JSON response of the README's example."""
    text = README.read_text(encoding="utf-8")
    section = text.split("<!-- faceted-search-example -->")[1].split("<!-- /faceted-search-example -->")[0]
    request_line = re.search(r"^GET (\S+)$", section, re.MULTILINE).group(1)
    response = section.split("```json")[1].split("```")[0]
    return request_line, json.loads(response)


def test_the_readme_example_is_what_the_endpoint_answers(published, request_factory):
    path, documented = readme_example()
    site_path = "/Plone/"
    assert path.startswith(site_path)
    response = request_factory().get(path[len(site_path) :])
    assert response.status_code == 200, response.text
    answered = json.loads(response.text.replace(published.absolute_url(), "http://localhost:8080/Plone"))
    assert answered == documented


# Listings for site admins: plone.app.querystring criteria --------------------


def test_osor_indexes_are_querystring_criteria_with_their_values(published, request_factory):
    indexes = request_factory().get("@querystring").json()["indexes"]
    for name in ("osor_topics", "osor_countries", "osor_licences", "osor_status", "osor_year"):
        assert indexes[name]["enabled"], name
    countries = indexes["osor_countries"]
    assert countries["title"] == "Country or area"
    assert countries["values"]["DK"]["title"] == "Denmark"
    assert "plone.app.querystring.operation.selection.any" in countries["operations"]
    assert indexes["osor_licences"]["values"]["EUPL-1.2"]["title"].startswith("European Union Public License 1.2")


def test_a_listing_of_solutions_about_denmark_with_an_eupl_licence(published, request_factory):
    any_of = "plone.app.querystring.operation.selection.any"
    response = request_factory().post(
        "@querystring-search",
        json={
            "query": [
                {"i": "portal_type", "o": any_of, "v": ["software_solution"]},
                {"i": "osor_countries", "o": any_of, "v": ["DK"]},
                {"i": "osor_licences", "o": any_of, "v": ["EUPL-1.2"]},
            ]
        },
    )
    assert response.status_code == 200, response.text
    assert [item["title"] for item in response.json()["items"]] == ["Alpha"]


def test_the_upgrade_registers_the_criteria(portal):
    from osor.collection.upgrades.discovery import add_querystring_criteria
    from zope.i18n import translate

    registry = portal.portal_registry
    prefix = "plone.app.querystring.field.osor_countries"
    for key in [key for key in registry.records if key.startswith(prefix + ".")]:
        del registry.records[key]
    assert prefix + ".title" not in registry.records
    add_querystring_criteria()
    add_querystring_criteria()  # idempotent
    assert translate(registry[prefix + ".title"]) == "Country or area"
    assert registry[prefix + ".vocabulary"] == "osor.collection.taxonomy.osor_spatial_coverage"


def test_events_are_upcoming_or_past(manager, http_request):
    from datetime import datetime
    from datetime import timedelta

    collection = build_fixture(manager)
    now = datetime.now()
    for name, start in (("future", now + timedelta(days=30)), ("former", now - timedelta(days=30))):
        event = api.content.create(
            container=collection,
            type="community_event",
            id=name,
            title=name.capitalize(),
            start=start,
            end=start + timedelta(hours=2),
        )
        api.content.transition(event, to_state="published")
    logout()
    result = search(manager, http_request)
    assert counts(result, "event_time") == {"upcoming": 1, "past": 1}
    result = search(manager, http_request, event_time="upcoming")
    assert titles(result) == ["Future"]
    assert counts(result, "event_time") == {"upcoming": 1, "past": 1}


def test_value_titles_are_in_the_requests_language(search_site, http_request):
    http_request["LANGUAGE"] = "fr"
    result = search(search_site, http_request, osor_topics="GOVE-interoperability")
    topics = next(counts for counts in result.facets if counts.facet.index == "osor_topics")
    titles_by_token = {value.token: value.title for value in topics.values}
    assert titles_by_token["GOVE-interoperability"] == "Interopérabilité"
