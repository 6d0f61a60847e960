"""The whole validated catalog as JSON, for tools other than the handbook."""

from __future__ import annotations

import json
from typing import Any

from .catalog import Catalog


def catalog_to_json(catalog: Catalog) -> dict[str, Any]:
    """Teams and services as plain JSON values, with each service's computed dependents."""
    return {
        "teams": [
            {**team.model_dump(mode="json"), "file": catalog.team_files.get(name)}
            for name, team in catalog.teams.items()
        ],
        "services": [
            {
                **service.model_dump(mode="json"),
                "dependents": catalog.dependents[name],
                "file": catalog.service_files.get(name),
            }
            for name, service in catalog.services.items()
        ],
    }


def catalog_json_text(catalog: Catalog) -> str:
    """`catalog_to_json` as indented UTF-8 JSON text."""
    return json.dumps(catalog_to_json(catalog), indent=2, ensure_ascii=False) + "\n"
