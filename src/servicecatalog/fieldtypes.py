"""Value types shared by catalog models: slugs, labels, links and dates.

Each type validates the text the author wrote and keeps it exactly as written; a value that
cannot be shown or followed safely is an error with a message saying what to write instead.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator

SLUG_MAX_LENGTH = 63
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LABEL = re.compile(r"[\w][\w &,.'()/-]*", re.UNICODE)
_CHAT = re.compile(r"#[a-z0-9][a-z0-9._-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_REVIEW_HANDLE = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9][A-Za-z0-9_.-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")
_DOCS_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*\.md(?:#[A-Za-z0-9_-]+)?")


def _require_text(value: object) -> object:
    # Scalars reach models as the text typed; only a list or mapping is the wrong shape here.
    if isinstance(value, str) and not value.strip():
        raise ValueError("is empty; write a value")
    return value


def check_slug(value: str) -> str:
    if len(value) > SLUG_MAX_LENGTH:
        raise ValueError(f"is {len(value)} characters long; the limit is {SLUG_MAX_LENGTH}")
    if not _SLUG.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a slug: use lowercase letters a-z, digits and single hyphens, "
            "for example 'job-api'"
        )
    return value


def check_label(value: str) -> str:
    if not _LABEL.fullmatch(value) or value != value.strip():
        raise ValueError(
            f"{value!r} is used as a heading: use letters, digits, spaces and & , . ' ( ) / - only"
        )
    return value


def check_web_url(value: str) -> str:
    if _URL_FORBIDDEN.search(value):
        raise ValueError("contains spaces, quotes or control characters; encode them (%20)")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise ValueError(f"has {shown}; only http:// and https:// links are allowed")
    if not parts.hostname:
        raise ValueError("has no host name; write a full link such as https://example.com/x")
    if parts.username is not None or parts.password is not None:
        raise ValueError("contains credentials (user:password@); remove them from the link")
    return value


def check_url_or_docs_path(value: str) -> str:
    if ":" in value.split("/", 1)[0] or value.startswith("//"):
        return check_web_url(value)
    if not _DOCS_PATH.fullmatch(value) or ".." in value.split("/"):
        raise ValueError(
            "is neither an http(s) link nor a page under docs/ such as 'runbooks/payments.md'"
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


def parse_date(value: object) -> object:
    if isinstance(value, str):
        if not _DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


Text = Annotated[str, BeforeValidator(_require_text)]
Slug = Annotated[str, BeforeValidator(_require_text), AfterValidator(check_slug)]
Label = Annotated[str, BeforeValidator(_require_text), AfterValidator(check_label)]
WebUrl = Annotated[str, BeforeValidator(_require_text), AfterValidator(check_web_url)]
UrlOrDocsPath = Annotated[
    str, BeforeValidator(_require_text), AfterValidator(check_url_or_docs_path)
]
ChatChannel = Annotated[str, AfterValidator(check_chat_channel)]
Email = Annotated[str, AfterValidator(check_email)]
ReviewHandle = Annotated[str, AfterValidator(check_review_handle)]
IsoDate = Annotated[datetime.date, BeforeValidator(parse_date)]
