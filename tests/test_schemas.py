"""The editor schemas in schemas/: current, referenced by every catalog file, and agreeing with
the catalog (an editor must not mark a valid entry as wrong)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from minimal_catalog import SERVICE, write_service

from servicecatalog.generated import stale_files
from servicecatalog.loading import entry_files
from servicecatalog.schemas import render_schemas, schema_comment, schema_path

ROOT = Path(__file__).resolve().parents[1]
GENERATE = ROOT / "scripts" / "generate_schemas.py"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
KINDS = ("services", "teams")


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )


def test_schemas_committed_copies_are_current() -> None:
    stale = stale_files(ROOT, render_schemas())

    assert stale == [], f"run `make schemas` and commit: {', '.join(stale)}"


def test_schemas_check_fails_when_a_schema_is_stale(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    stale = tmp_path / "schemas" / "service.schema.json"
    stale.write_text(stale.read_text().replace('"Service name:', '"The old name rule:'))

    result = run(sys.executable, GENERATE, "--root", tmp_path, "--check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "schemas/service.schema.json: is out of date; run `make schemas` and commit it"
    ]


def test_schemas_generator_rewrites_stale_schema(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "team.schema.json").write_text("{}\n")

    written = run(sys.executable, GENERATE, "--root", tmp_path)
    checked = run(sys.executable, GENERATE, "--root", tmp_path, "--check")

    assert written.returncode == 0
    assert "wrote schemas/team.schema.json" in written.stderr.splitlines()
    assert checked.returncode == 0, checked.stderr
    assert (tmp_path / "schemas" / "team.schema.json").read_text() == (
        ROOT / "schemas" / "team.schema.json"
    ).read_text()


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_every_catalog_file_names_its_schema_first(kind: str) -> None:
    expected = schema_comment(kind)
    files = entry_files(ROOT, kind)
    wrong = [
        path.relative_to(ROOT).as_posix()
        for path in files
        if path.read_text(encoding="utf-8").split("\n", 1)[0] != expected
    ]

    assert files, f"no files in catalog/{kind}/"
    assert wrong == [], f"first line must be `{expected}` in: {', '.join(wrong)}"


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_comment_points_at_the_committed_schema(kind: str) -> None:
    relative = schema_comment(kind).split("$schema=", 1)[1]

    target = (ROOT / "catalog" / kind / relative).resolve()

    assert target == (ROOT / schema_path(kind)).resolve()
    assert target.is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_accept_every_catalog_file(kind: str) -> None:
    files = entry_files(ROOT, kind)

    result = run(CHECK_JSONSCHEMA, "--schemafile", ROOT / schema_path(kind), *files)

    assert result.returncode == 0, result.stdout + result.stderr


def test_schemas_reject_unknown_key_and_unknown_word(tmp_path: Path) -> None:
    body = SERVICE.replace("owner: {owner}", "ownr: {owner}").replace(
        "lifecycle: production", "lifecycle: live"
    )
    entry = write_service(tmp_path, "card-api", "payments", body)

    result = run(CHECK_JSONSCHEMA, "--schemafile", ROOT / schema_path("services"), entry)

    assert result.returncode == 1
    assert "Additional properties are not allowed ('ownr' was unexpected)" in result.stdout
    assert "'owner' is a required property" in result.stdout
    assert "'live' is not one of ['experimental', 'production', 'deprecated']" in result.stdout


def test_schemas_accept_dependency_written_as_bare_name(tmp_path: Path) -> None:
    body = SERVICE.replace(
        "dependencies: []", "dependencies:\n  - ledger-api\n  - external: Stripe"
    )
    entry = write_service(tmp_path, "card-api", "payments", body)

    result = run(CHECK_JSONSCHEMA, "--schemafile", ROOT / schema_path("services"), entry)

    assert result.returncode == 0, result.stdout
