"""The REST deserializer of our types: plone.restapi's, after a shape check.

A body whose values have the wrong shape for their fields (``json_errors``)
is refused as a whole with 400 naming each field, before anything is
written.

A PATCH that changes only the display (``layout``) is an edit too:
plone.restapi notifies no modification then, so moderation (a member's
change of published content waits for a facilitator) would not see it.
"""

from osor.collection import _
from osor.collection.content.validation import json_errors
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from zExceptions import BadRequest
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent


class DeserializeOsorContentFromJson(DeserializeFromJson):
    def __call__(self, validate_all=False, data=None, create=False, mask_validation_errors=True):
        if data is None:
            data = json_body(self.request)
        if not isinstance(data, dict):
            raise BadRequest(
                translate(
                    _("error_body_not_object", default="The request body must be a JSON object."),
                    context=self.request,
                )
            )
        errors = json_errors(self.context, data)
        if errors:
            for error in errors:
                error["message"] = translate(error["message"], context=self.request)
                error["error"] = "ValidationError"
            raise BadRequest(errors)
        layout = self.context.getLayout()
        context = super().__call__(
            validate_all=validate_all,
            data=data,
            create=create,
            mask_validation_errors=mask_validation_errors,
        )
        if not create and not self.modified and self.context.getLayout() != layout:
            notify(ObjectModifiedEvent(self.context))
        return context
