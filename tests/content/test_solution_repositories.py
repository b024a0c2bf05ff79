"""Several repositories per solution (#29 §3): the main one (``repository_url``,
the publiccode.yml ``url``) and others with their part, validated, shown,
in DCAT, and recognised by the publiccode.yml import."""

from osor.collection.content.software_solution import ISoftwareSolution
from osor.collection.content.software_solution import repositories_of
from osor.collection.interop.publiccode.importer import import_publiccode
from pages_content import anonymous_browser
from pages_content import commit
from pages_content import make_osor_collection
from pages_content import make_solution
from paths import FIXTURES
from zope.schema.interfaces import ValidationError

import pytest
import transaction
import yaml


MOBILE = "https://github.com/decidim/decidim-app"
PUBLICCODE = (FIXTURES / "publiccode" / "import" / "complete.yml").read_text(encoding="utf-8")


def publiccode_for(url: str) -> str:
    data = yaml.safe_load(PUBLICCODE)
    data["url"] = url
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def solution(functional_portal):
    collection = make_osor_collection(functional_portal)
    solution = make_solution(collection, other_repositories=[{"role": "mobile", "url": MOBILE}])
    commit()
    return solution


def solution_path(solution) -> str:
    return f"/{solution.__parent__.getId()}/{solution.getId()}"


@pytest.mark.parametrize(
    "rows",
    [[{"role": "mobile", "url": None}], [{"role": "frontend", "url": "javascript:alert(1)"}]],
)
def test_a_row_needs_a_safe_address(rows):
    with pytest.raises(ValidationError):
        ISoftwareSolution["other_repositories"].validate(rows)


def test_the_main_repository_comes_first(solution):
    assert repositories_of(solution) == [
        {"role": "main", "url": "https://github.com/decidim/decidim"},
        {"role": "mobile", "url": MOBILE},
    ]


def test_rest_reads_and_writes_them_and_names_a_bad_row(solution, manager_request):
    path = solution_path(solution)
    assert manager_request.get(path).json()["other_repositories"] == [{"role": "mobile", "url": MOBILE}]

    rows = [{"role": "frontend", "url": "https://github.com/decidim/decidim-ui"}, {"role": "mobile", "url": MOBILE}]
    assert manager_request.patch(path, json={"other_repositories": rows}).status_code == 204
    transaction.begin()
    assert [row["role"] for row in solution.other_repositories] == ["frontend", "mobile"]

    refused = manager_request.patch(path, json={"other_repositories": [{"role": "frontend"}]})
    assert refused.status_code == 400
    assert "Each repository needs its address" in refused.text
    transaction.begin()
    assert len(solution.other_repositories) == 2


def test_the_page_shows_each_repository_with_its_part(solution):
    browser = anonymous_browser(solution.getPhysicalRoot())
    browser.open(solution.absolute_url())
    assert "Other repositories" in browser.contents
    assert browser.getLink(f"Mobile app: {MOBILE}").url == MOBILE


def test_dcat_lists_every_repository_as_a_page_of_the_solution(solution, request_factory):
    turtle = request_factory().get(f"{solution_path(solution)}/@dcat", headers={"Accept": "text/turtle"}).text
    assert f"<{MOBILE}>" in turtle
    assert "<https://github.com/decidim/decidim>" in turtle


def test_importing_the_file_of_a_further_repository_links_to_its_solution_instead_of_a_duplicate(solution):
    collection = solution.__parent__
    result = import_publiccode(collection, publiccode_for(MOBILE + ".git"))
    assert [solution.getId()] == [obj.getId() for obj in collection.objectValues()]
    [error] = result.errors
    assert error.path == "url"
    assert "already the Mobile app repository of “Decidim”" in error.message
    assert solution.absolute_url() in error.message

    # The main repository's file still updates the solution.
    updated = import_publiccode(collection, publiccode_for("https://github.com/decidim/decidim"))
    assert updated.errors == []
    assert updated.obj == solution
