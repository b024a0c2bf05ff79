"""The distribution: one file or download address of a release."""

from content_contract import ContentTypeContract
from osor.collection.content.distribution import IDistribution
from plone import api

import pytest


FILE_OR_URL = "error_file_or_access_url"


class TestSolutionDistribution(ContentTypeContract):
    portal_type = "solution_distribution"
    container = "release"
    forbidden_in = ("manager", "collection", "solution")
    invariant_cases = {
        "neither": ({"file": None, "access_url": None}, [FILE_OR_URL]),
        "both": ({"file": b"zip", "access_url": "https://example.org/a.zip"}, [FILE_OR_URL]),
        "file": ({"file": b"zip", "access_url": None}, []),
        "access-url": ({"file": None, "access_url": "https://example.org/a.zip"}, []),
    }
    values = {
        "access_url": "https://example.org/app-1.0.0.tar.gz",
        "licence": "EUPL-1.2",
        "file_format": "TAR.GZ",
    }
    fields = [
        # IDistribution
        "file",
        "access_url",
        "licence",
        "file_format",
        "file_size",
        "download_count",
        # plone.basic, plone.shortname
        "title",
        "description",
        "id",
    ]

    def test_is_found_by_its_licence(self, item, found):
        assert item.UID() in found(osor_licences="EUPL-1.2")
        assert item.UID() not in found(osor_licences="MIT")

    def test_is_found_in_the_collection_of_its_solution(self, item, collection, found):
        assert item.UID() in found(osor_collection=collection.UID())

    def test_an_external_distribution_has_no_size_and_is_not_downloaded_yet(self, item):
        assert item.file_size is None
        assert item.download_count == 0
        assert item.download_url == "https://example.org/app-1.0.0.tar.gz"


@pytest.fixture
def uploaded(release, blob_file):
    return api.content.create(
        container=release,
        type="solution_distribution",
        id="uploaded",
        title="Package",
        file=blob_file(size=1234, filename="app-1.0.0.tar.gz"),
    )


def test_a_stored_distribution_with_both_fails_its_invariant(uploaded, invariant_errors):
    uploaded.access_url = "https://example.org/a.zip"
    assert invariant_errors(IDistribution, uploaded) == [FILE_OR_URL]


def test_file_size_is_computed_from_the_uploaded_file(uploaded, blob_file):
    assert uploaded.file_size == 1234
    uploaded.file = blob_file(size=10)
    assert uploaded.file_size == 10


def test_format_is_taken_from_the_uploaded_file(uploaded):
    assert uploaded.file_format == "TAR.GZ"


def test_a_given_format_is_kept(release, blob_file):
    distribution = api.content.create(
        container=release,
        type="solution_distribution",
        title="Image",
        file=blob_file(filename="app.tar.gz"),
        file_format="OCI image",
    )
    assert distribution.file_format == "OCI image"


def test_download_url_points_to_the_file_of_the_distribution(uploaded):
    assert uploaded.download_url == f"{uploaded.absolute_url()}/@@download/file/app-1.0.0.tar.gz"


# A browser's download counts once per visitor and day (tests/pages/test_download_counting.py).
BROWSER = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def test_downloading_serves_the_file_and_counts(uploaded, layer_request):
    layer_request.environ["HTTP_USER_AGENT"] = BROWSER
    download = api.content.get_view("download", uploaded, layer_request)
    assert download() == b"x" * 1234
    assert uploaded.download_count == 1
    assert api.content.get_view("download", uploaded, layer_request)() == b"x" * 1234
    assert uploaded.download_count == 1


def test_downloading_an_external_distribution_redirects_and_counts(release, layer_request):
    external = api.content.create(
        container=release,
        type="solution_distribution",
        title="Source",
        access_url="https://example.org/app.zip",
    )
    layer_request.environ["HTTP_USER_AGENT"] = BROWSER
    api.content.get_view("download", external, layer_request)()
    assert layer_request.response.getStatus() == 302
    assert layer_request.response.getHeader("Location") == "https://example.org/app.zip"
    assert external.download_count == 1
