"""The demo site of the "osor" distribution (what ``make start`` builds), one
per test class: it takes a few seconds to build."""

from osor.collection.testing import DEMO_SITE_ANSWERS

import pytest


@pytest.fixture(scope="class")
def site(app_class, create_site):
    return create_site(app_class, {**DEMO_SITE_ANSWERS, "site_id": "osor_demo", "title": "OSOR"})


@pytest.fixture
def osor(site):
    return site["en"]["osor"]
