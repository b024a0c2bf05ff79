"""Field groups shared by several types, one behavior each."""

# Imported for its effect: plone.app.event's fields an event's translations share.
from osor.collection.behaviors import event_facts  # noqa: F401
