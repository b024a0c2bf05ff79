"""The parameters of a faceted search, read from a request's form and checked.

The page and the REST service take the same parameters; anything they cannot
use is a ``SearchInputError`` naming the parameter, which the page shows as a
message and the service answers with a 400, never a server error.
"""

from dataclasses import dataclass
from dataclasses import field
from osor.collection import _
from osor.collection.discovery.facets import all_facets
from osor.collection.discovery.facets import facet_named
from osor.collection.discovery.facets import ValueTitles
from osor.collection.parameters import ParameterError
from osor.collection.parameters import single
from zope.i18nmessageid import Message


DEFAULT_BATCH_SIZE = 20
MAX_BATCH_SIZE = 100
MAX_TEXT_LENGTH = 500
MAX_VALUES_PER_FACET = 50
MAX_QUERY_STRING_LENGTH = 4096

# Sort names offered to visitors -> (catalog index, descending by default).
SORTS = {
    "relevance": (None, False),
    "effective": ("effective", True),
    "modified": ("modified", True),
    "sortable_title": ("sortable_title", False),
    # The most alive first (usage/vitality.py RANK).
    "vitality": ("osor_vitality_rank", True),
}
SORT_ORDERS = ("ascending", "descending", "reverse")

# Parameters of Plone's own machinery a form, a client or the language
# switcher (``set_language``) may add.
IGNORED = frozenset({"_", "ajax_load", "ajax_include_head", "submit", "set_language"})


class SearchInputError(ValueError):
    """A parameter the search cannot use; ``parameter`` names it."""

    def __init__(self, parameter: str, message: Message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass
class SearchParameters:
    text: str = ""
    selections: dict = field(default_factory=dict)  # index -> [tokens], in URL order
    sort_on: str = "relevance"
    sort_order: str = ""  # "" = the sort's natural order
    b_start: int = 0
    b_size: int = DEFAULT_BATCH_SIZE
    facets: tuple = ()  # facet indexes to count; () = all
    types: tuple = ()  # portal types searched; () = those of facets.yaml

    @property
    def descending(self) -> bool:
        default = SORTS[self.sort_on][1]
        if self.sort_order in ("descending", "reverse"):
            return not default if self.sort_order == "reverse" else True
        if self.sort_order == "ascending":
            return False
        return default

    def query_items(self, without=None) -> list[tuple[str, str]]:
        """The parameters as (name, value) pairs for a URL; ``without`` =
        (index, token) leaves one selected value out (a chip's link)."""
        items = []
        if self.text:
            items.append(("SearchableText", self.text))
        for index, tokens in self.selections.items():
            for token in tokens:
                if (index, token) != without:
                    items.append((index, token))
        if self.sort_on != "relevance":
            items.append(("sort_on", self.sort_on))
        if self.sort_order:
            items.append(("sort_order", self.sort_order))
        if self.b_size != DEFAULT_BATCH_SIZE:
            items.append(("b_size", str(self.b_size)))
        if self.facets:
            items.append(("facets", ",".join(self.facets)))
        return items


def _values(form, name) -> list[str]:
    value = form.get(name)
    if value is None:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    if not all(isinstance(v, str) for v in values):
        raise SearchInputError(name, _("search_error_not_text", default="Expected text."))
    return [v.strip() for v in values if v.strip()]


def _one(form, name) -> str | None:
    try:
        single(form, name)
    except ParameterError as error:
        raise SearchInputError(name, error.as_message()) from None
    values = _values(form, name)
    return values[0] if values else None


def _choice(form, name, allowed) -> str | None:
    value = _one(form, name)
    if value is not None and value not in allowed:
        raise SearchInputError(
            name,
            _(
                "search_error_not_a_choice",
                default="Expected one of: ${names}.",
                mapping={"names": ", ".join(allowed)},
            ),
        )
    return value


def _integer(form, name, default: int, minimum: int, maximum: int | None) -> int:
    raw = _one(form, name)
    if raw is None:
        return default
    try:
        number = int(raw)
    except ValueError:
        raise SearchInputError(name, _("search_error_not_integer", default="Expected a whole number.")) from None
    if number < minimum or (maximum is not None and number > maximum):
        raise SearchInputError(
            name,
            _(
                "search_error_out_of_range",
                default="Expected a number from ${minimum} to ${maximum}.",
                mapping={"minimum": minimum, "maximum": maximum if maximum else "∞"},
            ),
        )
    return number


def parse_parameters(form, context, request, query_string: str = "") -> SearchParameters:
    """The checked parameters of ``form`` (a request's form)."""
    _check_length(query_string)
    _check_names(form)
    parameters = SearchParameters()
    parameters.text = _text(form)
    parameters.selections = _selections(form, ValueTitles(context, request))
    parameters.sort_on = _choice(form, "sort_on", tuple(SORTS)) or "relevance"
    parameters.sort_order = _choice(form, "sort_order", SORT_ORDERS) or ""
    parameters.b_start = _integer(form, "b_start", 0, 0, None)
    parameters.b_size = _integer(form, "b_size", DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE)
    parameters.facets = _facets_shown(form)
    return parameters


def _check_length(query_string: str) -> None:
    if len(query_string) > MAX_QUERY_STRING_LENGTH:
        raise SearchInputError(
            "QUERY_STRING",
            _(
                "search_error_query_too_long",
                default="The search is too long (more than ${limit} characters).",
                mapping={"limit": MAX_QUERY_STRING_LENGTH},
            ),
        )


def _check_names(form) -> None:
    known = {"SearchableText", "sort_on", "sort_order", "b_start", "b_size", "facets"}
    known |= {facet.index for facet in all_facets()}
    for name in form:
        if name not in known and name not in IGNORED:
            raise SearchInputError(
                name,
                _(
                    "search_error_unknown_parameter",
                    default="Unknown search parameter “${name}”.",
                    mapping={"name": name[:100]},
                ),
            )


def _text(form) -> str:
    text = " ".join(_values(form, "SearchableText"))
    if len(text) > MAX_TEXT_LENGTH:
        raise SearchInputError(
            "SearchableText",
            _(
                "search_error_text_too_long",
                default="Search for at most ${limit} characters.",
                mapping={"limit": MAX_TEXT_LENGTH},
            ),
        )
    return text


def _selections(form, titles) -> dict[str, list[str]]:
    """The values chosen per facet, each a known value of its facet."""
    selections = {}
    for facet in all_facets():
        tokens = list(dict.fromkeys(_values(form, facet.index)))
        if not tokens:
            continue
        if len(tokens) > MAX_VALUES_PER_FACET:
            raise SearchInputError(
                facet.index,
                _("search_error_too_many_values", default="Too many values selected."),
            )
        for token in tokens:
            if not _is_known_value(facet, token, titles):
                raise SearchInputError(
                    facet.index,
                    _(
                        "search_error_unknown_value",
                        default="“${value}” is not a value of ${facet}.",
                        mapping={"value": token[:100], "facet": facet.index},
                    ),
                )
        selections[facet.index] = tokens
    return selections


def _is_known_value(facet, token: str, titles) -> bool:
    try:
        facet.parse_value(token)
    except ValueError:
        return False
    return titles.is_known(facet, token)


def _facets_shown(form) -> tuple[str, ...]:
    """The facets a client asks to see (``facets=a,b``), each one we have."""
    chosen = [name for value in _values(form, "facets") for name in value.split(",") if name]
    for name in chosen:
        if facet_named(name) is None:
            raise SearchInputError(
                "facets",
                _(
                    "search_error_unknown_facet",
                    default="Unknown facet “${name}”.",
                    mapping={"name": name[:100]},
                ),
            )
    return tuple(dict.fromkeys(chosen))
