"""Give existing solutions a licence expression (issue #18).

Solutions now carry ``licence_expression`` (what editors write) and keep
``licences`` (the ids, derived from it). A solution made before has only
the list; it gets the expression "id OR id…", which names the same ids,
so nothing is reindexed and the edit form shows what the solution had.
"""

from osor.collection.licences.expressions import expression_of_licences
from plone import api

import logging


logger = logging.getLogger(__name__)


def add_licence_expressions(context=None):
    """Set ``licence_expression`` of every solution that has licences and
    no expression to their " OR " join. Idempotent: a solution with an
    expression is left alone."""
    catalog = api.portal.get_tool("portal_catalog")
    updated = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="software_solution"):
        solution = brain._unrestrictedGetObject()
        if getattr(solution, "licence_expression", None) or not solution.licences:
            continue
        solution.licence_expression = expression_of_licences(solution.licences)
        updated += 1
    logger.info("Licence expressions set on %d solutions", updated)
