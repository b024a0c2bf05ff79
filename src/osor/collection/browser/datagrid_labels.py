"""Each cell of our data grids named for assistive technology.

collective.z3cform.datagridfield heads its columns with ``<label>``
elements that point to no control, so every input of a row is unlabelled
(axe: critical). z3c.form takes a widget's attributes from adapters too:
each cell's widget gets its column's title as its ``title`` (registered in
configure.zcml with ``name="title"``).
"""

from osor.collection.behaviors.contact_point import IContactPointRow
from osor.collection.content.community_event import ISpeaker
from osor.collection.content.software_solution import IRepositoryRow
from z3c.form.widget import ComputedWidgetAttribute
from zope.i18n import translate


def _column_title(adapter) -> str:
    return translate(adapter.field.title, context=adapter.request)


def column_title(field):
    """The ``title`` of the widgets of ``field``, a column of a row schema."""
    return ComputedWidgetAttribute(_column_title, field=field)


repository_role = column_title(IRepositoryRow["role"])
repository_url = column_title(IRepositoryRow["url"])
contact_point_name = column_title(IContactPointRow["name"])
contact_point_email = column_title(IContactPointRow["email"])
contact_point_url = column_title(IContactPointRow["url"])
speaker_name = column_title(ISpeaker["name"])
speaker_affiliation = column_title(ISpeaker["affiliation"])
speaker_bio = column_title(ISpeaker["bio"])
