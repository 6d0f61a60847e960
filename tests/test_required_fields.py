"""Removing any required field makes `make check` and `make site` fail on that file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from catalog_helpers import first_key_line, remove_key, run_check
from sitebuild import ROOT, copy_repository, run_mkdocs_build

from servicecatalog.models import Service, Team

SERVICE = "catalog/services/dispatch-api.yaml"
TEAM = "catalog/teams/scheduling.yaml"
REQUIRED_SERVICE_FIELDS = [name for name, f in Service.model_fields.items() if f.is_required()]
REQUIRED_TEAM_FIELDS = [name for name, f in Team.model_fields.items() if f.is_required()]


def test_required_fields_cover_the_platform_minimum() -> None:
    minimum = {
        "name", "business_capability", "product_area", "owner", "repository", "runtime",
        "dependencies", "data_stores", "external_integrations", "pipeline", "environments",
        "dashboards", "alerts", "runbook", "slo", "data_classification", "security_notes",
    }  # fmt: skip
    assert minimum <= set(REQUIRED_SERVICE_FIELDS)
    assert {"description", "lifecycle"} <= set(REQUIRED_SERVICE_FIELDS)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_repository(tmp_path_factory.mktemp("repo"))


def _without(repository: Path, entry: str, field: str) -> tuple[str, int]:
    original = (ROOT / entry).read_text(encoding="utf-8")
    changed = remove_key(original, field)
    assert changed != original, f"{field} not found in {entry}"
    (repository / entry).write_text(changed, encoding="utf-8")
    return original, first_key_line(changed)


def _expected_start(entry: str, line: int, field: str) -> str:
    return f"{entry}:{line}: {field}: required field is missing"


@pytest.mark.parametrize(
    ("entry", "field"),
    [(SERVICE, field) for field in REQUIRED_SERVICE_FIELDS]
    + [(TEAM, field) for field in REQUIRED_TEAM_FIELDS],
)
def test_check_missing_required_field_names_file_line_and_field(
    repository: Path, entry: str, field: str
) -> None:
    original, line = _without(repository, entry, field)
    try:
        run = run_check(repository)
    finally:
        (repository / entry).write_text(original, encoding="utf-8")

    assert run.status == 1
    assert any(out.startswith(_expected_start(entry, line, field)) for out in run.lines), run.stdout
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize(
    ("entry", "field"),
    [(SERVICE, field) for field in REQUIRED_SERVICE_FIELDS]
    + [(TEAM, field) for field in REQUIRED_TEAM_FIELDS],
)
def test_site_missing_required_field_fails_build_with_same_message(
    repository: Path, tmp_path: Path, entry: str, field: str
) -> None:
    original, line = _without(repository, entry, field)
    try:
        result = run_mkdocs_build(repository, tmp_path / "site")
    finally:
        (repository / entry).write_text(original, encoding="utf-8")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"ERROR   -  {_expected_start(entry, line, field)}" in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()
