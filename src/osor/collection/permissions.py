"""The permissions the add-on checks, by name, in one place.

Code checks permissions, never role names (``api.user.has_permission``);
these are their titles as Zope knows them: ours, declared in
``permissions.zcml`` (and given to roles in ``profiles/default/rolemap.xml``
and the workflows), and Plone's own that we check.
"""

# Ours (permissions.zcml).
ADD_COLLECTION = "osor.collection: Add Collection"
ADD_SOFTWARE_SOLUTION = "osor.collection: Add Software Solution"
ADD_RELEASE = "osor.collection: Add Release"
ADD_DISTRIBUTION = "osor.collection: Add Distribution"
ADD_CASE_STUDY = "osor.collection: Add Case Study"
ADD_EVENT = "osor.collection: Add Event"
ADD_COMPETENCE_CENTRE = "osor.collection: Add Competence Centre"
ADD_LEGAL_REQUEST = "osor.collection: Add Legal Request"
ADD_LEGAL_FAQ_ENTRY = "osor.collection: Add Legal FAQ entry"
ADD_NEWS = "osor.collection: Add News"
ADD_PUBLICATION = "osor.collection: Add Publication"
PUBLISH_DIRECTLY = "osor.collection: Publish directly"
JOIN_COLLECTION = "osor.collection: Join collection"
MANAGE_MEMBERS = "osor.collection: Manage members"
ARCHIVE_CONTENT = "osor.collection: Archive content"
RESTORE_ARCHIVED_CONTENT = "osor.collection: Restore archived content"
FEATURE_CONTENT = "osor.collection: Feature content"
SEND_DIGESTS = "osor.collection: Send digests"

# Plone's.
VIEW = "View"
ADD_PORTAL_CONTENT = "Add portal content"
DELETE_OBJECTS = "Delete objects"
MODIFY_PORTAL_CONTENT = "Modify portal content"
REVIEW_PORTAL_CONTENT = "Review portal content"
MANAGE_PORTAL = "Manage portal"

# What a member adds to a collection: the permissions the collection's
# "content creation" setting hands out (membership/settings.py).
ADD_COMMUNITY_CONTENT = (
    ADD_SOFTWARE_SOLUTION,
    ADD_CASE_STUDY,
    ADD_EVENT,
    ADD_COMPETENCE_CENTRE,
    ADD_LEGAL_REQUEST,
    ADD_NEWS,
    ADD_PUBLICATION,
)
