"""plone.app.multilingual's copying of language-independent fields, under our rules.

When an item is edited, plone.app.multilingual copies its language-independent
fields (licences, topics, URLs…) into each of its translations, without
checking any permission. A member's edit of her English solution so rewrote
its published French translation, which she may not edit; in a moderated
collection the edit even failed (a server error), because the French copy
could not be sent for moderation in her name.

Copying into a translation is an edit of that translation: it is made only
where the editor may modify the translation, and then the modified event
that plone.app.multilingual notifies on the translation has moderation
treat the change by the translation's own rules (``moderation``). A
translation the editor may not modify keeps its values until someone who
may edits it or its original. The site-wide pam option "bypass language
independent field permission check" still applies: pam then copies as a
user who may modify every translation.
"""

from plone import api
from plone.app.multilingual.dx.cloner import LanguageIndependentFieldsManager


class PermissionCheckingFieldsManager(LanguageIndependentFieldsManager):
    """pam's fields manager, for our translatable types (``translations.zcml``)."""

    def copy_fields(self, translation):
        if not api.user.has_permission("Modify portal content", obj=translation):
            return False
        return super().copy_fields(translation)
