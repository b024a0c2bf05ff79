"""The publiccode.yml a solution was imported from, kept on the solution.

Nothing the publisher wrote is lost: the original text (as sent) and the
validated data (normalised to v0.7.0) are stored in an annotation of the
solution, with the file name and the date of the import. What our fields
cannot hold (platforms, logo URL, screenshots, phone numbers, fundedBy…) is
read from here, by the export among others.
"""

from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations

import copy


ANNOTATION_KEY = "osor.collection.interop.publiccode"


def publiccode_record(*, text: str, data: dict, filename: str | None) -> PersistentMapping:
    """What is kept of an import: ``text``, ``data``, the file name and the date."""
    return PersistentMapping(
        text=text,
        data=copy.deepcopy(data),
        filename=filename or "",
        imported=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def store_publiccode(solution, *, text: str, data: dict, filename: str | None) -> None:
    """Keep ``text`` and ``data`` on ``solution`` (replacing an earlier import)."""
    IAnnotations(solution)[ANNOTATION_KEY] = publiccode_record(text=text, data=data, filename=filename)


def stored_publiccode(solution) -> dict | None:
    """``{"text", "data", "filename", "imported"}`` of the last import, or None."""
    stored = IAnnotations(solution).get(ANNOTATION_KEY)
    if stored is None:
        return None
    return {key: copy.deepcopy(value) for key, value in stored.items()}
