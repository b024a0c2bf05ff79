"""A solution's licences as an SPDX expression and as a list of ids.

Editors write ``licence_expression`` ("MIT OR Apache-2.0"); the list
``licences`` (SPDX ids) stays, because faceted search indexes it as
``osor_licences`` and importers, exporters and the EUPL hint read it.
Whenever the expression is set, ``licences`` is exactly the licence ids
it names (exceptions are not licences). A client that changes only the
list (an older REST client, an importer of plain ids) gets the
expression "id OR id…" instead, so the two never disagree.
"""

from osor.collection.licences.spdx import InvalidLicenceExpression
from osor.collection.licences.spdx import parse_licence_expression
from zope.lifecycleevent.interfaces import IAttributes


EXPRESSION = "licence_expression"
LICENCES = "licences"


def expression_of_licences(licences) -> str | None:
    """The expression that stands for a plain list of ids: any of them."""
    return " OR ".join(licences or ()) or None


def reconcile_licences(obj, changed: set[str] | None = None) -> bool:
    """Make ``obj.licences`` and ``obj.licence_expression`` agree.

    ``changed`` names the fields just edited (None when unknown, as on
    creation): the edited one wins; otherwise the expression does.
    Returns whether ``licences`` changed (its index must then be updated).
    """
    expression = getattr(obj, EXPRESSION, None)
    licences = list(getattr(obj, LICENCES, None) or [])
    list_edited_alone = changed is not None and LICENCES in changed and EXPRESSION not in changed
    if list_edited_alone or (not expression and changed is None):
        obj.licence_expression = expression_of_licences(licences)
        return False
    if changed is not None and EXPRESSION not in changed:
        return False
    if not expression:
        obj.licences = []
        return bool(licences)
    try:
        parsed = parse_licence_expression(expression)
    except InvalidLicenceExpression:
        # Only a value stored around the schema's constraint gets here:
        # keep the ids that were there rather than guess.
        return False
    obj.licence_expression = parsed.expression
    obj.licences = list(parsed.licence_ids)
    return obj.licences != licences


def changed_fields(event) -> set[str] | None:
    """The field names an ObjectModifiedEvent says were edited, or None."""
    names = set()
    found = False
    for description in getattr(event, "descriptions", ()) or ():
        if IAttributes.providedBy(description):
            found = True
            names.update(name.split(".")[-1] for name in description.attributes)
    return names if found else None


def licences_added(obj, event):
    """Subscriber: a new solution's licences agree with its expression."""
    if reconcile_licences(obj):
        obj.reindexObject(idxs=["osor_licences"])


def licences_modified(obj, event):
    """Subscriber: an edited solution's licences agree with its expression."""
    if reconcile_licences(obj, changed_fields(event)):
        obj.reindexObject(idxs=["osor_licences"])
