"""Request parameters read one value each, for every service and view of ours.

Zope turns a parameter given twice (``?inbound=MIT&inbound=GPL-2.0-only``,
or a form field posted twice) into a list; code expecting a string then
fails with a 500. ``single`` refuses it as a ``ParameterError`` naming the
parameter, which a REST service answers with ``bad_request`` (400, JSON)
and a browser view with ``raise_bad_request`` or ``form_value`` (400 page).
"""

from osor.collection import _
from zExceptions import BadRequest
from zope.i18n import translate


REPEATED = _("parameter_repeated", default="The parameter “${parameter}” is given more than once.")
EMPTY = _("parameter_empty", default="The parameter “${parameter}” is empty.")
MISSING = _("parameter_missing", default="The parameter “${parameter}” is missing.")


class ParameterError(ValueError):
    """A query parameter ``parameter`` that cannot be used; ``message`` (a
    message to translate, with ``${parameter}``) says why."""

    def __init__(self, parameter: str, message=REPEATED, mapping: dict | None = None):
        super().__init__(f"{parameter}: {getattr(message, 'default', message)}")
        self.parameter = parameter
        self.message = message
        self.mapping = {"parameter": parameter, **(mapping or {})}

    def as_message(self):
        """The message, with its mapping, ready to translate."""
        if not hasattr(self.message, "default"):
            return self.message
        return _(str(self.message), default=self.message.default, mapping=self.mapping)


def single(form, name: str, default: str = "", required: bool = False) -> str:
    """The one value of parameter ``name`` (stripped), ``default`` when absent.

    Raises ``ParameterError`` when it is repeated, or, when ``required``,
    missing or empty.
    """
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        raise ParameterError(name, REPEATED)
    if value is None:
        if required:
            raise ParameterError(name, MISSING)
        return default
    value = value.strip() if isinstance(value, str) else value
    if required and not value:
        raise ParameterError(name, EMPTY)
    return value


def check_single(form, names) -> None:
    """Refuse (``ParameterError``) any of ``names`` given more than once."""
    for name in names:
        single(form, name)


def message_of(request, error: ParameterError) -> str:
    return translate(error.as_message(), context=request)


def raise_bad_request(request, error: ParameterError):
    """A browser view's 400, naming the parameter."""
    raise BadRequest(message_of(request, error))


def form_value(request, name: str, default: str = "") -> str:
    """For a browser view: the one value of ``name`` in the request's form,
    ``default`` when absent; given twice, a 400 naming it."""
    try:
        return single(request.form, name, default=default)
    except ParameterError as error:
        raise_bad_request(request, error)
