"""Where a user starts her work in a collection: what she may add, and the
lists that wait for her.

A member must not need to know Plone's *Add new…* menu, nor an URL: the
collection homepage, a solution and a release offer the add forms the
current user may open there, and the collection lists the work waiting
for whoever runs it. Everything is decided by permissions on the
container (its allowed types and each type's add permission, which the
collection's settings grant: ``settings.participation_permissions``),
never by role names, so a setting changed takes effect at once.
"""

from osor.collection import _
from osor.collection.content.community_collection import ICommunityCollection
from osor.collection.permissions import MANAGE_MEMBERS
from osor.collection.permissions import MODIFY_PORTAL_CONTENT
from osor.collection.review.pending_edits import waiting_for_review as pending_changes
from osor.collection.review.queue import waiting_for_review
from plone import api
from plone.supermodel.interfaces import FIELDSETS_KEY


# The call to action of each type, in the order a collection shows them.
ADD_LABELS = {
    "software_solution": _("cta_add_software_solution", default="Add a solution"),
    "case_study": _("cta_add_case_study", default="Add a case study"),
    "community_event": _("cta_add_community_event", default="Add an event"),
    "community_news": _("cta_add_community_news", default="Add a news item"),
    "publication": _("cta_add_publication", default="Add a publication"),
    "competence_centre": _("cta_add_competence_centre", default="Add a competence centre"),
    "legal_request": _("cta_add_legal_request", default="Ask a legal question"),
    "solution_release": _("cta_add_solution_release", default="Add a release"),
    "solution_distribution": _("cta_add_solution_distribution", default="Add a download"),
}

# A line of help under the call to action of the types whose place is not obvious.
ADD_HELP = {
    "solution_release": _(
        "help_add_solution_release",
        default="A release is a version of this solution (number, date, notes); "
        "its downloads are added on the release's page.",
    ),
    "solution_distribution": _(
        "help_add_solution_distribution",
        default="A download is a file or an address of this release: source code, installer, container image.",
    ),
}

OPEN_LEGAL_STATES = ["submitted", "in_review"]


def add_links(container) -> list[dict]:
    """The add forms the current user may open in ``container``:
    ``{"portal_type", "title", "help", "url"}``, in the order of ``ADD_LABELS``.

    ``allowedContentTypes`` applies the container's allowed types and the
    add permission of each type for the current user."""
    allowed = {fti.getId(): fti for fti in container.allowedContentTypes()}
    url = container.absolute_url()
    return [
        {
            "portal_type": portal_type,
            "title": label,
            "help": ADD_HELP.get(portal_type),
            "url": f"{url}/++add++{portal_type}",
        }
        for portal_type, label in ADD_LABELS.items()
        if portal_type in allowed
    ]


def add_link(container, portal_type: str) -> dict | None:
    """The add form of ``portal_type`` in ``container`` if the current user may open it."""
    return next((link for link in add_links(container) if link["portal_type"] == portal_type), None)


def work_links(collection) -> list[dict]:
    """The lists of ``collection`` that wait for the current user:
    ``{"id", "title", "url", "count"}`` (count None when not counted).

    Those who moderate (*Manage members*: facilitators, owners, site
    moderators) get the review list, the pending changes and the members;
    those who may edit the collection its participation settings; whoever
    sees open legal requests (experts all, requesters their own) the list."""
    url = collection.absolute_url()
    links = []
    if api.user.has_permission(MANAGE_MEMBERS, obj=collection):
        links.append({
            "id": "review",
            "title": _("link_waiting_for_review", default="Waiting for review"),
            "url": f"{url}/@@review",
            "count": len(waiting_for_review(collection)),
        })
        links.append({
            "id": "pending-changes",
            "title": _("link_pending_changes", default="Changes waiting for review"),
            "url": f"{url}/@@pending-changes",
            "count": len(pending_changes(collection)),
        })
        links.append({
            "id": "manage-members",
            "title": _("link_manage_members", default="Manage members"),
            "url": f"{url}/@@manage-members",
            "count": None,
        })
    if api.user.has_permission(MODIFY_PORTAL_CONTENT, obj=collection):
        links.append({
            "id": "participation-settings",
            "title": _("link_participation_settings", default="Participation settings"),
            "url": participation_settings_url(collection),
            "count": None,
        })
    open_requests = open_legal_requests(collection)
    if open_requests:
        links.append({
            "id": "legal-requests",
            "title": _("link_open_legal_requests", default="Open legal requests"),
            "url": f"{api.portal.get().absolute_url()}/@@legal-requests",
            "count": len(open_requests),
        })
    return links


def open_legal_requests(collection) -> list:
    """Catalog brains of the legal requests of ``collection`` not yet
    answered that the current user may see."""
    return list(
        api.content.find(
            portal_type="legal_request",
            osor_collection=collection.UID(),
            review_state=OPEN_LEGAL_STATES,
        )
    )


def participation_settings_url(collection) -> str:
    """The edit form of ``collection`` opened on its *Participation* tab.

    Plone's tabs (pat-autotoc) open the tab named in the address as
    ``#autotoc-item-autotoc-<n>``, n counting the default tab first and then
    the fieldsets of the type's own schema, which come before the behaviors'."""
    names = [fieldset.__name__ for fieldset in ICommunityCollection.queryTaggedValue(FIELDSETS_KEY, [])]
    tab = 1 + names.index("participation")
    return f"{collection.absolute_url()}/@@edit#autotoc-item-autotoc-{tab}"
