"""The bench's fast fill: the solutions and Documents of ``bench.py`` for
N ≥ 10,000, stored as ``plone.api`` stores them, without its events.

Through ``plone.api`` every object goes through the add and modify events
of Plone and the add-on (CMFEditions' first version, relation and
link-integrity bookkeeping, the container's reindexing, mails) and every
transition through DCWorkflow's (role mappings, a catalog search for the
security of the subtree): 1.2 to 2.8 solutions a second on the shared bench
machine, hours for 10,000. Here an object is built by its type's factory
as ``invokeFactory`` builds it (its ``ObjectCreatedEvent`` gives it its
UUID, ``notifyWorkflowCreated`` its initial state), added with
``_setObject(suppress_events=True)`` (which still makes the creator its
Owner), published by writing the workflow history and role mappings
directly, and catalogued once, complete (the indexing queue merges its
operations). What the subscribers would have
stored is stored by calling the same functions they call: the published
values of pending edits, the licence expression, the catalogue's change
key, the empty content-rule mapping of a container, and CMFEditions' first
version of a Document.

``tests/setup/test_bench_fast_fill.py`` compares an item made here with one made
through ``plone.api`` (fields, stored attributes and annotations, catalog
record, workflow state and history, local roles, catalog queries).
"""

from DateTime import DateTime

import items


def fill_solution(collection, values):
    """``bench.create_solution``: a published solution with a release and
    a distribution."""
    from osor.collection.interop.catalogue import changes
    from osor.collection.licences.expressions import reconcile_licences
    from osor.collection.review import pending_edits

    solution = _add(collection, "software_solution", **items.solution(values))
    reconcile_licences(solution)
    release = _add(solution, "solution_release", **items.release(values))
    distribution = _add(release, "solution_distribution", **items.distribution(values))
    _publish(solution)
    pending_edits.remember_published_values(solution, recursive=True)
    setattr(solution, changes.CHANGED_ATTRIBUTE, max(_now(), changes.changed_time(solution) + 0.000001))
    for obj in (solution, release, distribution):
        _catalog(obj)
    return solution


def fill_documents(folder, batch):
    """``bench.create_document`` for each of ``batch``: published Documents.

    All of them are added before their first versions are made. CMFEditions
    takes a savepoint for each version, which pickles every object changed
    since the savepoint before, among them the list of the folder's ids
    (plone.folder keeps an ordered folder's ids in one ``PersistentList``):
    made one by one, each Document re-pickled the ids of the whole folder,
    and the fill slowed from 15.7 to 8.5 pairs a second between 10,000 and
    57,500 (RESULTS.md, run G). Each Document's own steps keep their order
    (its version is made before it is published, as through ``plone.api``).
    """
    from plone.app.versioningbehavior.subscribers import create_initial_version_after_adding

    documents = [_add(folder, "Document", **items.document(values)) for values in batch]
    for document in documents:
        # CMFEditions' first version, as its add subscriber makes it (the
        # Document page offers its history).
        create_initial_version_after_adding(document, None)
        _publish(document)
        _catalog(document)
    return documents


def _now() -> float:
    import time

    return time.time()


def _add(container, portal_type, id, **fields):
    """``portal_type`` ``id`` in ``container`` with ``fields``, built as
    ``invokeFactory`` builds it (the type's factory, ``ObjectCreatedEvent``
    for the UUID, the initial workflow state), without the add events."""
    from plone.api.portal import get_tool
    from plone.contentrules.engine.interfaces import IRuleAssignmentManager
    from zope.component import getUtility
    from zope.component.interfaces import IFactory
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent

    information = get_tool("portal_types").getTypeInfo(portal_type)
    obj = getUtility(IFactory, information.factory)(id, **fields)
    obj._setPortalTypeName(portal_type)
    notify(ObjectCreatedEvent(obj))
    # Content rules look for rules on the container of what is added (an
    # empty mapping is stored on it the first time).
    IRuleAssignmentManager(container)
    container._setObject(id, obj, suppress_events=True)
    obj = container._getOb(id)
    obj.notifyWorkflowCreated()
    return obj


def _publish(obj):
    """The ``publish`` transition as DCWorkflow records it: the state, the
    history entry, the role mappings of ``obj`` (its children acquire
    theirs)."""
    tool = _workflow_tool(obj)
    for workflow in tool.getWorkflowsFor(obj):
        _record_state(tool, workflow, obj, "publish", "published")


def _record_state(tool, workflow, obj, action, state):
    from plone.api.user import get_current

    tool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "action": action,
            "actor": get_current().getId(),
            "comments": "",
            "review_state": state,
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)


def _workflow_tool(obj):
    from plone.api.portal import get_tool

    return get_tool("portal_workflow")


def _catalog(obj):
    """Every index and metadata column of ``obj``, once: queued, the
    indexing queue merges this with the partial reindexing of the initial
    workflow state into one ``catalog_object`` (``processQueue``, at the end
    of each batch of the bench)."""
    obj.indexObject()
