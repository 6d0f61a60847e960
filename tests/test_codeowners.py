""".github/CODEOWNERS, generated from the catalog: current, and giving each team its files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from minimal_catalog import write_minimal_catalog, write_service

from servicecatalog.codeowners import render_codeowners_file
from servicecatalog.generated import stale_files

ROOT = Path(__file__).resolve().parents[1]
GENERATE = ROOT / "scripts" / "generate_codeowners.py"


def run_generator(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), "--root", str(root), *options],
        capture_output=True,
        text=True,
        check=False,
    )


def rules(text: str) -> list[str]:
    """The pattern lines of a CODEOWNERS file, without comments and blank lines."""
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_codeowners_committed_copy_is_current() -> None:
    stale = stale_files(ROOT, render_codeowners_file(ROOT))

    assert stale == [], "run `make codeowners` and commit .github/CODEOWNERS"


def test_codeowners_check_fails_when_a_handle_changed(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    (tmp_path / ".github").mkdir()
    shutil.copy2(ROOT / ".github" / "CODEOWNERS", tmp_path / ".github" / "CODEOWNERS")
    team = tmp_path / "catalog" / "teams" / "platform.yaml"
    lines = team.read_text(encoding="utf-8").splitlines()
    lines = [
        'code_review_handle: "@example/handbook-editors"'
        if line.startswith("code_review_handle:")
        else line
        for line in lines
    ]
    team.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_generator(tmp_path, "--check")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        ".github/CODEOWNERS: is out of date; run `make codeowners` and commit it"
    ]


def test_codeowners_gives_each_team_its_files_and_the_rest_to_platform(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    write_service(tmp_path, "payout-worker", "payments")

    result = run_generator(tmp_path)

    assert result.returncode == 0, result.stderr
    text = (tmp_path / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert rules(text) == [
        "*       @example/platform",
        "/docs/  @example/platform",
        "/catalog/teams/payments.yaml @example/payments",
        "/catalog/services/card-api.yaml @example/payments",
        "/catalog/services/payout-worker.yaml @example/payments",
        "/catalog/teams/platform.yaml @example/platform",
    ]
    assert "# Payments\n/catalog/teams/payments.yaml" in text


def test_codeowners_check_fails_for_a_new_service(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    assert run_generator(tmp_path).returncode == 0
    write_service(tmp_path, "payout-worker", "payments")

    result = run_generator(tmp_path, "--check")

    assert result.returncode == 1
    assert ".github/CODEOWNERS: is out of date" in result.stderr


def test_codeowners_without_platform_team_names_the_missing_file(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path, with_platform=False)

    result = run_generator(tmp_path)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalog/teams/platform.yaml: file: no team 'platform' in the catalog; CODEOWNERS gives "
        "it every path that no other team owns, so add catalog/teams/platform.yaml",
        "1 catalog problem in 1 file; nothing was generated",
    ]
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()


def test_codeowners_with_invalid_catalog_reports_its_problems(tmp_path: Path) -> None:
    write_minimal_catalog(tmp_path)
    service = tmp_path / "catalog" / "services" / "card-api.yaml"
    service.write_text(service.read_text().replace("owner: payments", "owner: paymnts"))

    result = run_generator(tmp_path)

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "catalog/services/card-api.yaml:7: owner: no team 'paymnts' in catalog/teams/; "
        "did you mean 'payments'?"
    )
