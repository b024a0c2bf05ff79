"""Property tests (issue #15 §4): POST and PATCH every type through REST
with values of every wrong shape and hostile strings. Never a 500; a body
that is refused writes nothing.

Bounded and derandomized (the same examples every run) to stay fast and
reproducible; raise ``EXAMPLES`` locally to search harder.
"""

from content_fixtures import content_tree
from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldsInOrder

import pytest
import transaction


EXAMPLES = 10

HOSTILE_STRINGS = [
    "javascript:alert(document.cookie)",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "${7*7}{{7*7}}%s%s%n",
    "\x00\x01\x1b[31m",
    "\u202eevil\u202c",
    "\ud800",
    "😀" * 50,
    "x" * 6000,
    "",
    " ",
    "null",
    "@id",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=30),
)
keys = st.one_of(
    st.sampled_from(["token", "data", "@id", "url", "name", "email", "content-type", "encoding"]), st.text(max_size=10)
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=3)),
    max_leaves=8,
)


def field_names(portal_type: str) -> list[str]:
    return sorted({name for schema in iterSchemataForType(portal_type) for name, _field in getFieldsInOrder(schema)})


def bodies(portal_type: str):
    return st.dictionaries(st.sampled_from(field_names(portal_type)), values, min_size=1, max_size=3)


def run(test):
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(test)


def serial(portal, path: str):
    transaction.begin()
    return portal.unrestrictedTraverse(path)._p_serial


PATHS = list(content_tree())


@pytest.mark.parametrize("path", PATHS)
def test_patch_never_answers_500_nor_writes_half(content, manager_request, path):
    portal_type = content_tree()[path][0]

    @run
    @given(body=bodies(portal_type))
    def patch(body):
        before = serial(content, path)
        response = manager_request.patch(f"/{path}", json=body)
        assert response.status_code < 500, (body, response.text[:1000])
        if response.status_code >= 400:
            assert serial(content, path) == before, body

    patch()


@pytest.mark.parametrize("path", PATHS)
def test_post_never_answers_500_nor_creates_half(content, manager_request, path):
    portal_type = content_tree()[path][0]
    parent = path.rpartition("/")[0]

    @run
    @given(body=bodies(portal_type))
    def post(body):
        transaction.begin()
        container = content.unrestrictedTraverse(parent) if parent else content
        before = len(container.objectIds())
        response = manager_request.post(f"/{parent}", json={"title": "Item", **body, "@type": portal_type})
        assert response.status_code < 500, (body, response.text[:1000])
        if response.status_code >= 400:
            transaction.begin()
            assert len(container.objectIds()) == before, body

    post()
