"""Value types shared by catalog models: slugs, labels, links and dates.

Each type validates the text the author wrote and keeps it exactly as written; a value that
cannot be shown or followed safely is an error with a message saying what to write instead.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema
from slugify import slugify

from .problems import UNSEEN_CHARACTERS

SLUG_MAX_LENGTH = 63
TEXT_MAX_LENGTH = 2000
"""Free text is a sentence or a paragraph; the bound also bounds the time to render a page."""
LABEL_MAX_LENGTH = 80
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LABEL_PUNCTUATION = frozenset(" &,.'()/-")
# Control and unseen characters are refused in text; tab and newline are ordinary there.
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{UNSEEN_CHARACTERS}]")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
DECIMAL_MAX_DIGITS = 12
"""Enough for any objective (99.9999999999); a float holds it exactly, so JSON keeps it."""
_CHAT = re.compile(r"#[a-z0-9][a-z0-9._-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_REVIEW_HANDLE = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9][A-Za-z0-9_.-]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")
_HOST = re.compile(r"[A-Za-z0-9.-]+")
_HOST_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_DOCS_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*\.md")


def _require_text(value: object) -> object:
    # Scalars reach models as the text typed; only a list or mapping is the wrong shape here.
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("is empty; write a value")
        if len(value) > TEXT_MAX_LENGTH:
            raise ValueError(
                f"is {len(value)} characters long; the limit is {TEXT_MAX_LENGTH}, so link a "
                "longer document instead"
            )
        if control := _CONTROL.search(value):
            code = f"U+{ord(control.group()):04X}"
            raise ValueError(f"contains the control character {code}; remove it")
    return value


def check_slug(value: str) -> str:
    if len(value) > SLUG_MAX_LENGTH:
        raise ValueError(f"is {len(value)} characters long; the limit is {SLUG_MAX_LENGTH}")
    if not _SLUG.fullmatch(value):
        rule = f"{value!r} is not a slug: use lowercase letters a-z, digits and single hyphens"
        # `Scheduling` or `job_api` is almost always the slug the author meant, written loosely.
        # Only Latin script (below U+0250) spells a slug this way; transliterating other
        # scripts would guess a word the author never wrote.
        latin = all(ord(character) < 0x250 for character in value)
        meant = slugify(value, max_length=SLUG_MAX_LENGTH, word_boundary=True) if latin else ""
        hint = f"did you mean {meant!r}?" if meant else "for example 'job-api'"
        raise ValueError(f"{rule}; {hint}")
    return value


def check_label(value: str) -> str:
    if len(value) > LABEL_MAX_LENGTH:
        raise ValueError(f"is {len(value)} characters long; the limit is {LABEL_MAX_LENGTH}")
    for character in value:
        if character not in _LABEL_PUNCTUATION and unicodedata.category(character)[0] not in "LNM":
            raise ValueError(
                f"{value!r} contains {character!r}, which a heading cannot show: use letters, "
                "digits, spaces and & , . ' ( ) / - only"
            )
    if value != value.strip() or not any(unicodedata.category(c)[0] in "LN" for c in value):
        raise ValueError(f"{value!r} needs a letter or digit and no space at either end")
    return value


def check_web_url(value: str) -> str:
    if _URL_FORBIDDEN.search(value):
        raise ValueError("contains spaces, quotes or control characters; encode them (%20)")
    if not value.isascii():
        raise ValueError(
            "contains characters outside ASCII (lookalike or invisible letters hide where a link "
            "goes); percent-encode them, and write an international host name in punycode"
        )
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise ValueError(f"has {shown}; only http:// and https:// links are allowed")
    if not parts.hostname:
        raise ValueError("has no host name; write a full link such as https://example.com/x")
    if not _HOST.fullmatch(parts.hostname):
        raise ValueError(
            f"host name {parts.hostname!r} may hold only letters a-z, digits, dots and hyphens"
        )
    if parts.username is not None or parts.password is not None:
        raise ValueError("contains credentials (user:password@); remove them from the link")
    labels = parts.hostname.removesuffix(".").split(".")
    if not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise ValueError(
            f"host name {parts.hostname!r} is not a host: write names such as 'example.com', "
            "each part starting and ending with a letter or digit"
        )
    try:
        port = parts.port
    except ValueError:  # letters, or beyond 65535
        port = -1
    if port is not None and not 1 <= port <= 65535:
        raise ValueError("has a port that is not a number from 1 to 65535")
    return value


def check_url_or_docs_path(value: str) -> str:
    if ":" in value.split("/", 1)[0] or value.startswith("//"):
        return check_web_url(value)
    hidden = any(part.startswith(".") for part in value.split("/"))
    if not _DOCS_PATH.fullmatch(value) or hidden:
        raise ValueError(
            "is neither an http(s) link nor a page under docs/ such as 'runbooks/payments.md' "
            "(a page, without #section)"
        )
    return value


def check_chat_channel(value: str) -> str:
    if not _CHAT.fullmatch(value):
        raise ValueError(f"{value!r} is not a channel name such as '#team-scheduling'")
    return value


def check_email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"{value!r} is not an email address such as 'team@example.com'")
    return value


def check_review_handle(value: str) -> str:
    if not _REVIEW_HANDLE.fullmatch(value):
        raise ValueError(f"{value!r} is not a GitHub team handle such as '@example/payments'")
    return value


def parse_decimal(value: object) -> object:
    """A number written as plain digits: `99.9`, not `9_9.9`, `1e2`, `nan` or `.inf`.

    It is kept as a Decimal, so `99.90` stays `99.90` on the page and `99.99999` is compared
    with 100 exactly.
    """
    if not isinstance(value, str):
        return value
    if not _DECIMAL.fullmatch(value):
        raise ValueError(f"{value!r} is not a number; write digits such as 99.9")
    if len(value) > 1 and value[0] == "0" and value[1] != ".":
        raise ValueError(f"{value!r} starts with a zero; write {value.lstrip('0') or '0'}")
    if sum(character.isdigit() for character in value) > DECIMAL_MAX_DIGITS:
        raise ValueError(f"{value!r} has more than {DECIMAL_MAX_DIGITS} digits; round it")
    return Decimal(value)


def parse_date(value: object) -> object:
    if isinstance(value, str):
        if not _DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")
        try:
            written = datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
        # A day of slack for time zones; a later date would keep an entry from ever being due.
        if written > datetime.date.today() + datetime.timedelta(days=1):
            raise ValueError(f"{value!r} is in the future; write the date of the last review")
        return written
    return value


Text = Annotated[str, BeforeValidator(_require_text)]
Slug = Annotated[str, BeforeValidator(_require_text), AfterValidator(check_slug)]
Label = Annotated[str, AfterValidator(check_label)]
WebUrl = Annotated[str, BeforeValidator(_require_text), AfterValidator(check_web_url)]
UrlOrDocsPath = Annotated[
    str, BeforeValidator(_require_text), AfterValidator(check_url_or_docs_path)
]
ChatChannel = Annotated[str, AfterValidator(check_chat_channel)]
Email = Annotated[str, AfterValidator(check_email)]
ReviewHandle = Annotated[str, AfterValidator(check_review_handle)]
IsoDate = Annotated[datetime.date, BeforeValidator(parse_date)]
Percent = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    PlainSerializer(float, return_type=float, when_used="json"),
    WithJsonSchema({"type": "number"}),
]
