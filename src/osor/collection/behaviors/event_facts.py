"""The facts of an event that every translation shares.

plone.app.multilingual marks the dates of plone.app.event's ``IEventBasic``
language-independent (its ``dx/languageindependent.py``), but neither the
recurrence, the place nor the contact: a French or German event lost its
organiser's name and e-mail. We mark the rest of plone.app.event's facts
the same way, so that a new translation starts with them and an edit of
any translation copies them to the others (``membership/language_independent``
copies only into the translations the editor may modify).
"""

from plone.app.event.dx.behaviors import IEventContact
from plone.app.event.dx.behaviors import IEventLocation
from plone.app.event.dx.behaviors import IEventRecurrence
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from zope.interface import alsoProvides


SHARED_EVENT_FIELDS = (
    (IEventRecurrence, "recurrence"),
    (IEventLocation, "location"),
    (IEventContact, "contact_name"),
    (IEventContact, "contact_email"),
    (IEventContact, "contact_phone"),
    (IEventContact, "event_url"),
)


def mark_event_facts_language_independent() -> None:
    for schema, name in SHARED_EVENT_FIELDS:
        alsoProvides(schema[name], ILanguageIndependentField)


mark_event_facts_language_independent()
