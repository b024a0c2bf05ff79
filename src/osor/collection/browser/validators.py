"""Form validation of URL fields we do not define.

Our own URL fields are ``WebAddress`` fields, which validate their scheme
themselves. Behaviors of other packages on our types (plone.app.event's
``event_url``) use ``zope.schema.URI``, which accepts ``javascript:``;
in our forms every URL field gets the same scheme rule. (REST applies it
in ``content/validation.py``.)
"""

from osor.collection.fields import is_safe_url
from osor.collection.fields import UnsafeURL
from osor.collection.fields import WEB_SCHEMES
from z3c.form.validator import SimpleFieldValidator


class WebAddressValidator(SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        schemes = getattr(self.field, "schemes", WEB_SCHEMES)
        if value and not is_safe_url(value, schemes):
            raise UnsafeURL(value)
