"""The site-wide comment switch of plone.app.discussion.

Installing us installs plone.app.discussion when the site does not have it
(its default: comments switched on site-wide) and our ``registry.xml``
switches comments on (only our community types allow them). Uninstalling
puts back what the site had: the switch as it was, or off when the site had
no plone.app.discussion before us (which stays installed, as our other
dependencies do).

The value is remembered in an annotation of the site by the profile's
pre-handler, on the first install only (re-applying the profile must not
remember our own value). The pre-handler runs after the dependencies are
installed, so a subscriber notes in the request that plone.app.discussion
was installed just now.
"""

from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest


RECORD = "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled"
ANNOTATION_KEY = "osor.collection.discussion_globally_enabled_before_install"
DISCUSSION_PROFILE = "plone.app.discussion:default"
INSTALLED_NOW = "osor.collection.discussion_installed_now"


def note_discussion_install(event) -> None:
    """Subscriber of GenericSetup's ``IBeforeProfileImportEvent``."""
    profile = (event.profile_id or "").removeprefix("profile-")
    if profile != DISCUSSION_PROFILE or not event.full_import:
        return
    tool = event.tool
    request = getRequest()
    if request is not None and tool.getLastVersionForProfile(DISCUSSION_PROFILE) == "unknown":
        request.set(INSTALLED_NOW, True)


def remember_comment_setting() -> None:
    annotations = IAnnotations(api.portal.get())
    if ANNOTATION_KEY in annotations:
        return
    request = getRequest()
    if request is not None and request.get(INSTALLED_NOW):
        request.set(INSTALLED_NOW, False)
        annotations[ANNOTATION_KEY] = False
    else:
        annotations[ANNOTATION_KEY] = bool(api.portal.get_registry_record(RECORD, default=False))


def restore_comment_setting() -> None:
    annotations = IAnnotations(api.portal.get())
    if ANNOTATION_KEY not in annotations:
        return
    before = annotations.pop(ANNOTATION_KEY)
    if api.portal.get_registry_record(RECORD, default=None) is not None:
        api.portal.set_registry_record(RECORD, before)
