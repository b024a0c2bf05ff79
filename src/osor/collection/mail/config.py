"""Where the mail queue lives and whether this process sends from it.

Set in ``zope.conf`` (``<product-config osor.collection>`` with
``mail-queue-dir`` and ``mail-queue-worker on|off``) or in the environment
(``OSOR_MAIL_QUEUE_DIR``, ``OSOR_MAIL_QUEUE_WORKER``, which win). The
default queue is ``mail-queue`` in the instance's ``clienthome`` (``var/``
for ``make start``): on disk, next to the database it belongs to.
"""

from pathlib import Path

import os


def _product_config() -> dict:
    from App.config import getConfiguration

    return (getattr(getConfiguration(), "product_config", None) or {}).get("osor.collection", {})


def queue_directory() -> Path:
    configured = os.environ.get("OSOR_MAIL_QUEUE_DIR") or _product_config().get("mail-queue-dir")
    if configured:
        return Path(configured)
    from App.config import getConfiguration

    clienthome = getattr(getConfiguration(), "clienthome", None) or os.path.join(os.getcwd(), "var")
    return Path(clienthome) / "mail-queue"


def worker_enabled() -> bool:
    value = os.environ.get("OSOR_MAIL_QUEUE_WORKER") or _product_config().get("mail-queue-worker") or "on"
    return value.strip().lower() not in ("off", "false", "no", "0")
