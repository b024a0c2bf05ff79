"""The text of an uploaded publiccode.yml: size cap and decoding.

Shared by the REST endpoint, the form and the command, so that they refuse
the same files with the same located message.
"""

from osor.collection import _
from osor.collection.interop.results import problem


# A real publiccode.yml is a few kilobytes; the largest in the wild are
# well under 100 KB.
MAX_BODY_BYTES = 1024 * 1024


class UndecodableText(ValueError):
    """The bytes are not UTF-8 text; ``problem`` says on which line."""

    def __init__(self, located):
        super().__init__(located.message)
        self.problem = located


def decoded(data) -> str:
    """``data`` (bytes or str) as text, without a byte-order mark."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UndecodableText(
            problem(
                "",
                line,
                _(
                    "publiccode_error_not_utf8",
                    default="The file is not UTF-8 text (line ${line}).",
                    mapping={"line": line},
                ),
                _("publiccode_hint_save_as_utf8", default="Save the file with the UTF-8 encoding."),
            )
        ) from None
