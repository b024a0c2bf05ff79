"""``make digest FREQUENCY=…`` (issue #29 §1): the cron job's command asks the
running site for its digests over HTTP; twice in a row sends nothing new."""

from osor.collection.subscriptions import storage
from paths import ROOT
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from subscription_fixtures import publish

import os
import shutil
import subprocess
import sys
import transaction


MAKE = shutil.which("make") or "/usr/bin/make"


def make_digest(site_url: str, *variables: str, password: str = SITE_OWNER_PASSWORD) -> subprocess.CompletedProcess:
    environment = dict(os.environ, ADMIN_USER=SITE_OWNER_NAME, ADMIN_PASSWORD=password)
    return subprocess.run(
        [MAKE, "digest", f"SITE_URL={site_url}", f"PYTHON={sys.executable}", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )


def test_make_digest_sends_the_weekly_digests_once(nordic, mails):
    storage.subscribe("bob", nordic, "weekly")
    transaction.commit()
    publish(nordic, "OpenProject")
    transaction.commit()
    site_url = nordic.aq_parent.absolute_url()

    dry = make_digest(site_url, "FREQUENCY=weekly", "DRY_RUN=1")
    assert dry.returncode == 0, dry.stderr
    assert "bob would get 1 item(s)" in dry.stdout
    assert mails() == []

    first = make_digest(site_url, "FREQUENCY=weekly")
    assert first.returncode == 0, first.stderr
    assert "bob gets 1 item(s)" in first.stdout
    second = make_digest(site_url, "FREQUENCY=weekly")
    assert "weekly digest: 0 member(s)" in second.stdout
    assert [recipients for recipients, _text in mails()] == [["bob@example.org"]]


def test_make_digest_fails_loudly_when_refused(nordic):
    refused = make_digest(nordic.aq_parent.absolute_url(), "FREQUENCY=weekly", password="wrong")
    assert refused.returncode != 0
    assert "answered 401" in refused.stderr


def test_make_digest_names_a_bad_frequency(nordic):
    refused = make_digest(nordic.aq_parent.absolute_url(), "FREQUENCY=hourly")
    assert refused.returncode != 0
    assert "frequency" in refused.stderr
