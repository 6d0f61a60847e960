"""JSON Schema of the catalog files, generated from the models, for editors to validate with.

Each catalog file starts with a `# yaml-language-server: $schema=...` line naming its schema, so
an editor with the YAML language server marks a missing field or a misspelt key while the
author types. The schema covers the shape of an entry; `make check` stays the authority for the
rules no schema can express (names match files, owners exist, runbook pages exist).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .generated import Rendered
from .models import Service, Team

SCHEMA_DIR = "schemas"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Catalog folder -> the model of its files and the schema file generated from it.
CATALOG_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "services": (Service, "service.schema.json"),
    "teams": (Team, "team.schema.json"),
}


def schema_path(kind: str) -> str:
    """Where the schema of `catalog/<kind>/` files is committed, relative to the root."""
    return f"{SCHEMA_DIR}/{CATALOG_KINDS[kind][1]}"


def schema_comment(kind: str) -> str:
    """The first line of every `catalog/<kind>/` file: it points editors at the schema."""
    return f"# yaml-language-server: $schema=../../{schema_path(kind)}"


def catalog_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of one catalog file validated by `model`."""
    schema = model.model_json_schema()
    definitions: dict[str, Any] = schema.get("$defs", {})

    # A dependency may be written as a bare service name. The model accepts it in a "before"
    # validator, which pydantic cannot describe; without this, editors would flag valid files.
    if "Dependency" in definitions:
        mapping = definitions["Dependency"]
        definitions["Dependency"] = {
            "title": mapping["title"],
            "description": mapping["description"],
            "anyOf": [
                {"type": "string", "description": "Name of a catalog service."},
                {key: value for key, value in mapping.items() if key != "title"},
            ],
        }

    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def render_schemas(root: Path | None = None) -> Rendered:
    """Every schema file as `{path: JSON text}`; `root` is unused, as schemas need no catalog."""
    return {
        schema_path(kind): json.dumps(catalog_schema(model), indent=2, ensure_ascii=False) + "\n"
        for kind, (model, _) in CATALOG_KINDS.items()
    }
