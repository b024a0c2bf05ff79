"""``make digest FREQUENCY=weekly``: ask the running site to send its digests (for cron).

POSTs ``{"frequency": …, "dry_run": …}`` to ``<SITE_URL>/@digest`` as
``ADMIN_USER`` (a Manager or Site Administrator: the *Send digests*
permission) and prints one line per member who gets a digest. The site
builds the digests in one request and queues their mails; running it twice
in a row sends nothing new. Exits 1 when the site refused or could not be
reached. Environment: ``SITE_URL`` (default ``http://127.0.0.1:8080/Plone``),
``FREQUENCY`` (daily), ``DRY_RUN`` (1: build, send nothing), ``ADMIN_USER``,
``ADMIN_PASSWORD``.
"""

from urllib.error import HTTPError
from urllib.error import URLError
from urllib.request import Request
from urllib.request import urlopen

import base64
import json
import os
import sys


def main() -> int:
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8080/Plone").rstrip("/")
    frequency = os.environ.get("FREQUENCY", "daily")
    dry_run = os.environ.get("DRY_RUN", "") not in ("", "0", "false", "no")
    credentials = f"{os.environ.get('ADMIN_USER', 'admin')}:{os.environ.get('ADMIN_PASSWORD', 'admin')}"
    request = Request(  # noqa: S310 - the site's own URL, http(s)
        f"{site_url}/@digest",
        data=json.dumps({"frequency": frequency, "dry_run": dry_run}).encode("utf-8"),
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(credentials.encode("utf-8")).decode("ascii"),
        },
        method="POST",
    )
    try:
        with urlopen(request, timeout=3600) as response:  # noqa: S310
            answer = json.load(response)
    except HTTPError as error:
        print(f"{site_url}/@digest answered {error.code}: {error.read().decode('utf-8', 'replace')}", file=sys.stderr)
        return 1
    except URLError as error:
        print(f"{site_url} cannot be reached ({error.reason}): is the site running?", file=sys.stderr)
        return 1
    digests = answer.get("digests", [])
    verb = "would get" if dry_run else "gets"
    for digest in digests:
        print(f"{digest['userid']} {verb} {len(digest['items'])} item(s)")
    print(f"{frequency} digest{' (dry run)' if dry_run else ''}: {len(digests)} member(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
