"""Turn pydantic's validation errors into problems an author can act on."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .problems import Problem
from .yamlsource import Loc, SourceDocument, format_loc

ModelT = TypeVar("ModelT", bound=BaseModel)

_SHAPES = {type(None): "empty", str: "text", list: "a list", dict: "a mapping"}


def validate_document(
    model: type[ModelT], document: SourceDocument
) -> tuple[ModelT | None, list[Problem]]:
    """Validate one file's values against `model`, or return every problem in it."""
    try:
        entry = model.model_validate(document.values)
    except ValidationError as error:
        errors = [d for d in error.errors() if not _inside(d["loc"], document.broken)]
        # A misspelt key is reported once, as the typo, not also as the field it misses.
        meant = {_meant_key(model, details) for details in errors}
        problems = [
            _to_problem(model, document, details)
            for details in errors
            if not (details["type"] == "missing" and tuple(details["loc"]) in meant)
        ]
        return None, document.problems + problems
    return (None if document.problems else entry), document.problems


def _inside(loc: tuple[str | int, ...], broken: set[Loc]) -> bool:
    return any(loc[: len(place)] == place for place in broken)


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice `word` is most likely a typo of, if any.

    Only names that start like `word` count: typos rarely hit the first letter, and names
    sharing a suffix (`file-service`, `invoice-service`) are not typos of each other.
    """
    text = str(word)
    options = [option for option in choices if text and option[:1] == text[:1]]
    prefixed = [option for option in options if len(text) > 2 and option.startswith(text)]
    close = prefixed or difflib.get_close_matches(text, options, n=1, cutoff=0.7)
    return close[0] if close else None


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`; did you mean 'owner'?` when `word` is close to one of `choices`, else ``."""
    match = closest(word, choices)
    return f"; did you mean '{match}'?" if match else ""


def _meant_key(model: type[BaseModel], details: ErrorDetails) -> tuple[str | int, ...] | None:
    if details["type"] != "extra_forbidden":
        return None
    parent = tuple(details["loc"][:-1])
    match = closest(details["loc"][-1], _allowed_keys(model, parent))
    return (*parent, match) if match else None


def _to_problem(model: type[BaseModel], document: SourceDocument, details: ErrorDetails) -> Problem:
    loc = _author_loc(details)
    message = _message(model, loc, details)
    return Problem(document.path, document.line_of(loc), format_loc(loc), message)


def _author_loc(details: ErrorDetails) -> Loc:
    """The place of the error as the author wrote it.

    Pydantic marks an error in a mapping's key by appending the text `[key]` after the key.
    A key the author wrote as `[key]` looks the same, so the marker is dropped only where it
    is one: at the end, after the very key that failed, and never for an unknown field.
    """
    loc: Loc = tuple(details["loc"])
    marks_key = (
        details["type"] != "extra_forbidden"
        and len(loc) >= 2
        and loc[-1] == "[key]"
        and details.get("input") == loc[-2]
    )
    return loc[:-1] if marks_key else loc


def _message(model: type[BaseModel], loc: Loc, details: ErrorDetails) -> str:
    kind = details["type"]
    given = details.get("input")
    context: dict[str, Any] = dict(details.get("ctx") or {})
    shape = _SHAPES.get(type(given), type(given).__name__)

    if kind == "missing":
        description = _field_description(model, loc)
        return "required field is missing" + (f" ({description})" if description else "")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        listed = f"; allowed: {', '.join(allowed)}" if len(allowed) <= 8 else ""
        reference = "; the handbook's field reference lists the fields"
        return f"unknown field{did_you_mean(loc[-1], allowed) or listed or reference}"
    if kind == "value_error":
        return str(context.get("error", details["msg"]))
    if kind == "literal_error":
        options = [option.strip("'") for option in str(context["expected"]).split(", ")]
        options = [part for option in options for part in option.split("' or '")]
        return f"{given!r} is not one of: {', '.join(options)}{did_you_mean(given, options)}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list"}.get(kind, "a mapping of fields")
        if given is None:
            empty = "[] for none" if kind == "list_type" else "a value"
            return f"is empty; it must be {wanted}: write {empty}"
        return f"must be {wanted}, not {shape}"
    if kind in ("float_parsing", "float_type"):
        return f"{given!r} is not a number; write digits such as 99.9"
    if kind in ("greater_than", "less_than"):
        relation = "greater" if kind == "greater_than" else "less"
        bound = context.get("gt", context.get("lt"))
        return f"{given} must be {relation} than {bound}"
    if kind == "too_short":
        return "is empty; list at least one entry"
    if kind == "string_pattern_mismatch" and loc[-1] == "window":
        if re.fullmatch(r"[1-9][0-9]*[dw]", str(given)):
            return f"{given!r} is more than 999 days or weeks; write a window such as '28d'"
        return f"{given!r} is not a window such as '28d' (days) or '4w' (weeks)"
    return str(details["msg"])


def _field_description(model: type[BaseModel], loc: Loc) -> str:
    owner = _model_at(model, loc[:-1])
    field = owner.model_fields.get(str(loc[-1])) if owner else None
    if field is None or not field.description:
        return ""
    return field.description.split(". ")[0].rstrip(".")


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    owner = _model_at(model, loc)
    return list(owner.model_fields) if owner else []


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping found at `loc`, if any."""
    current: Any = model
    parts = list(loc)
    while parts:
        current = _unwrap_optional(current)
        origin = typing.get_origin(current)
        if origin is list:
            parts.pop(0)
            current = typing.get_args(current)[0]
        elif origin is dict:
            parts.pop(0)
            current = typing.get_args(current)[1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(parts.pop(0)))
            if field is None:
                return None
            current = field.annotation
        else:
            return None
    current = _unwrap_optional(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(members) == 1:
            annotation = members[0]
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation
