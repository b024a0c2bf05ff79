"""An event or webinar, built on plone.app.event's behaviors.

Dates, recurrence, the physical location and the contact come from
plone.app.event (listed in the type's FTI); this schema adds what a
community webinar needs on top.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from osor.collection import _
from osor.collection.fields import rows_need
from osor.collection.fields import WebAddress
from osor.collection.interfaces import ICommunityContent
from osor.collection.vocabularies.taxonomies import EVENT_SCOPE
from osor.collection.vocabularies.taxonomies import field_vocabulary
from plone.app.multilingual.dx.directives import languageindependent
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


class ISpeaker(Interface):
    """One speaker of an event."""

    # Needed in every row, checked by the list (fields.rows_need).
    name = schema.TextLine(title=_("label_speaker_name", default="Name"), required=False)
    affiliation = schema.TextLine(
        title=_("label_speaker_affiliation", default="Affiliation"),
        required=False,
    )
    bio = schema.Text(
        title=_("label_speaker_bio", default="Short biography"),
        required=False,
    )


class ICommunityEvent(model.Schema):
    """What a community event adds to plone.app.event's fields."""

    # Shared by all translations (plone.app.multilingual).
    languageindependent("online", "virtual_location", "registration_url", "organiser", "organiser_type", "scope")

    online = schema.Bool(
        title=_("label_online", default="Online event (webinar)"),
        description=_(
            "help_online",
            default="Check when the event takes place online, fully or in part.",
        ),
        required=False,
        default=False,
    )

    virtual_location = WebAddress(
        title=_("label_virtual_location", default="Virtual location"),
        description=_(
            "help_virtual_location",
            default="The address of the online meeting or live stream.",
        ),
        required=False,
    )

    registration_url = WebAddress(
        title=_("label_registration_url", default="Registration"),
        description=_(
            "help_registration_url",
            default="Where attendees register.",
        ),
        required=False,
    )

    directives.widget("speakers", DataGridFieldFactory, allow_reorder=True)
    speakers = schema.List(
        title=_("label_speakers", default="Speakers"),
        description=_("help_speakers", default="Who speaks, in order of appearance."),
        value_type=DictRow(title=_("Speaker"), schema=ISpeaker),
        required=False,
        default=[],
        missing_value=[],
        constraint=rows_need(
            "name",
            _(
                "error_speaker_without_name",
                default="Each speaker needs a name: fill in the name of the row, or remove the row.",
            ),
        ),
    )

    organiser = schema.TextLine(
        title=_("label_organiser", default="Organiser"),
        description=_("help_organiser", default="The organisation running the event."),
        required=False,
    )

    organiser_type = schema.Choice(
        title=_("label_organiser_type", default="Type of organiser"),
        vocabulary="osor.collection.vocabularies.OrganiserType",
        required=False,
    )

    scope = schema.Choice(
        title=_("label_event_scope", default="Scope"),
        description=_("help_event_scope", default="The audience the event addresses."),
        vocabulary=field_vocabulary(EVENT_SCOPE),
        required=False,
    )

    recording_notice = schema.Text(
        title=_("label_recording_notice", default="Recording notice"),
        description=_(
            "help_recording_notice",
            default="Shown to attendees, for example: “This webinar will be recorded. "
            "By attending, you consent to being recorded.”",
        ),
        required=False,
    )

    @invariant
    def online_needs_virtual_location_or_registration(data):
        if getattr(data, "online", False) and not (
            getattr(data, "virtual_location", None) or getattr(data, "registration_url", None)
        ):
            raise Invalid(
                _(
                    "error_online_without_link",
                    default="An online event needs a virtual location or a registration address.",
                )
            )


@implementer(ICommunityEvent, ICommunityContent)
class CommunityEvent(Item):
    """An event or webinar of the community."""
