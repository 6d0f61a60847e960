"""The catalog field reference, read from the models so that it cannot drift from them."""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.functional_validators import AfterValidator, BeforeValidator

from . import fieldtypes
from .models import Service, Team

_CHECK_NAMES = {
    fieldtypes.check_slug: "slug",
    fieldtypes.check_label: "name",
    fieldtypes.check_web_url: "http(s) URL",
    fieldtypes.check_url_or_docs_path: "URL or docs page",
    fieldtypes.check_chat_channel: "chat channel",
    fieldtypes.check_email: "email address",
    fieldtypes.check_review_handle: "GitHub team",
    fieldtypes.parse_date: "date",
    fieldtypes.parse_decimal: "number",
}


@dataclass(frozen=True)
class FieldDoc:
    """One row of the reference."""

    name: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class ModelDoc:
    """One table of the reference: a file kind or a nested mapping."""

    title: str
    summary: str
    fields: list[FieldDoc]


def field_reference() -> list[ModelDoc]:
    """Tables for the team file, the service file and every mapping nested in them."""
    documented: list[ModelDoc] = []
    queue: list[tuple[str, type[BaseModel]]] = [("Team file", Team), ("Service file", Service)]
    seen: set[type[BaseModel]] = set()
    while queue:
        title, model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        rows = []
        for name, info in model.model_fields.items():
            kind = _check_label(info.metadata) or _kind(info.annotation)
            rows.append(FieldDoc(name, kind, info.is_required(), info.description or ""))
            queue.extend((f"`{name}`", nested) for nested in _nested_models(info.annotation))
        summary = (model.__doc__ or "").strip()
        documented.append(ModelDoc(title, summary, rows))
    return documented


def _kind(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_kind(arg) for arg in arguments if arg is not type(None))
    if origin is typing.Annotated:
        return _check_label(arguments[1:]) or _kind(arguments[0])
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{value}`" for value in arguments)
    if origin is list:
        return f"list of {_kind(arguments[0])}"
    if origin is dict:
        return f"mapping of {_kind(arguments[0])} to {_kind(arguments[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    names = {str: "text", float: "number", bool: "true or false", datetime.date: "date"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _check_label(metadata: typing.Iterable[Any]) -> str | None:
    """The reference's name for a field type, from the validator that checks it."""
    for marker in metadata:
        if isinstance(marker, AfterValidator | BeforeValidator):
            label = _CHECK_NAMES.get(marker.func)  # type: ignore[arg-type]
            if label:
                return label
    return None


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _nested_models(arg)]
