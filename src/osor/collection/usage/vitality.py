"""Is a solution alive? The vitality indicator (#29 §3).

Computed from what the site knows, by a nightly job (``make vitality``,
``POST <site>/@vitality``), never while a page is viewed: the verdict and
its inputs are stored on the solution and indexed (``osor_vitality`` for
the facet, ``osor_vitality_rank`` for the sort order).

Inputs: the date of the last release, the releases of the last two years,
the maintenance type and contacts of the imported publiccode.yml, the date
of the last confirmed update (the later of ``modified`` and a facilitator's
or the owner's "Still accurate") and the approved usage declarations.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from osor.collection.interop.publiccode.storage import stored_publiccode
from osor.collection.review.outdated import last_confirmed
from osor.collection.usage import declarations
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "osor.collection.vitality"
ACTIVE = "active"
SLOWING_DOWN = "slowing_down"
INACTIVE = "inactive"
UNKNOWN = "unknown"
# Higher is more alive: the sort order "vitality" (descending).
RANK = {ACTIVE: 3, SLOWING_DOWN: 2, INACTIVE: 1, UNKNOWN: 0}
ACTIVE_WITHIN = timedelta(days=365)
SLOWING_WITHIN = timedelta(days=2 * 365)
FREQUENCY_WINDOW = timedelta(days=2 * 365)
MAINTAINED = ("internal", "contract", "community")


def vitality_inputs(solution, today: date) -> dict:
    """What the verdict is made of, as plain data (shown on the page)."""
    dates = sorted(
        release.release_date
        for release in solution.objectValues()
        if getattr(release, "portal_type", None) == "solution_release" and release.release_date
    )
    maintenance = ((stored_publiccode(solution) or {}).get("data") or {}).get("maintenance") or {}
    return {
        "last_release": dates[-1].isoformat() if dates else None,
        "releases_in_two_years": sum(1 for day in dates if today - day <= FREQUENCY_WINDOW),
        "maintenance_type": maintenance.get("type") or None,
        "maintenance_contacts": len(maintenance.get("contacts") or ()),
        "last_update": last_confirmed(solution).asdatetime().date().isoformat(),
        "usage_declarations": len(declarations.approved(solution)),
    }


def verdict(inputs: dict, today: date) -> str:
    """active / slowing_down / inactive / unknown from ``inputs``."""
    if inputs["maintenance_type"] == "none":
        return INACTIVE
    last_release = date.fromisoformat(inputs["last_release"]) if inputs["last_release"] else None
    last_update = date.fromisoformat(inputs["last_update"])
    maintained = inputs["maintenance_type"] in MAINTAINED and inputs["maintenance_contacts"] > 0
    if last_release is None and not maintained:
        return UNKNOWN
    if last_release is not None and (today - last_release <= ACTIVE_WITHIN or inputs["releases_in_two_years"] >= 3):
        return ACTIVE
    if maintained and today - last_update <= ACTIVE_WITHIN:
        return ACTIVE
    recent = [day for day in (last_release, last_update) if day is not None]
    if any(today - day <= SLOWING_WITHIN for day in recent):
        return SLOWING_DOWN
    return INACTIVE


def compute_vitality(solution, today: date | None = None) -> str:
    """Store the verdict and its inputs on ``solution`` and index them."""
    today = today or date.today()
    inputs = vitality_inputs(solution, today)
    state = verdict(inputs, today)
    IAnnotations(solution)[ANNOTATION_KEY] = PersistentMapping(
        state=state, inputs=inputs, computed=datetime.now(UTC).isoformat(timespec="seconds")
    )
    solution.reindexObject(idxs=["osor_vitality", "osor_vitality_rank"])
    return state


def stored_vitality(solution) -> dict | None:
    """``{"state", "inputs", "computed"}`` of the last run, or None."""
    stored = IAnnotations(solution).get(ANNOTATION_KEY)
    return None if stored is None else dict(stored)


def compute_all(today: date | None = None) -> dict:
    """The nightly job: every solution of the site; the count of each verdict."""
    counts = dict.fromkeys(RANK, 0)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="software_solution"):
        counts[compute_vitality(brain._unrestrictedGetObject(), today)] += 1
    return counts
