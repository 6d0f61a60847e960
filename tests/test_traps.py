"""Every trap in tests/cases/ gives exactly its expected problems, and `make site` agrees."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from catalog_helpers import CHECK_SCRIPT, fixture_catalog, run_check
from sitebuild import ROOT, copy_repository, run_mkdocs_build

from servicecatalog import load_catalog

CASES = ROOT / "tests" / "cases"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def _with_case(root: Path, case: str) -> Path:
    fixture_catalog(root)
    shutil.copytree(CASES / case / "catalog", root / "catalog", dirs_exist_ok=True)
    return root


def _expected(case: str) -> list[str]:
    return (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_trap_cases_cover_every_family() -> None:
    families = ("duplicate-key", "implicit-typing", "top-level", "tab-", "utf", "name", "url-")
    for family in families:
        assert any(family in name for name in CASE_NAMES), family
    assert len(CASE_NAMES) >= 50


@pytest.mark.parametrize("case", CASE_NAMES)
def test_trap_case_prints_expected_problems(tmp_path: Path, case: str) -> None:
    run = run_check(_with_case(tmp_path, case))

    assert run.lines == _expected(case)
    assert run.status == (1 if _expected(case) else 0)
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize(
    ("case", "name"), [("utf8-bom-accepted", "bom"), ("crlf-accepted", "crlf")]
)
def test_trap_accepted_encoding_loads_text_unchanged(tmp_path: Path, case: str, name: str) -> None:
    catalog = load_catalog(_with_case(tmp_path, case))

    service = catalog.services[name]
    assert service.description == "Creates and updates jobs."
    assert service.owner == "field-ops"


def _limited_memory() -> None:
    # One GiB of address space is several times what the check needs; an expansion of the
    # file's aliases or a read of the whole file into nodes would not fit.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _check_with_limited_memory(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited_memory,  # no threads run in the child before exec
        check=False,
    )


def test_trap_huge_file_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    root = fixture_catalog(tmp_path)
    huge = root / "catalog" / "services" / "huge.yaml"
    huge.write_text("name: huge\ndescription: " + "x" * (10 * 1024 * 1024) + "\n")

    result = _check_with_limited_memory(root)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "catalog/services/huge.yaml:1: file: is 10240 KiB; a catalog entry must stay under "
        "256 KiB, so this is not an entry written by hand"
    ]


def test_trap_billion_laughs_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    root = _with_case(tmp_path, "billion-laughs")

    result = _check_with_limited_memory(root)

    assert result.returncode == 1
    assert result.stdout.splitlines() == _expected("billion-laughs")


# One case per family: the site build must print the same lines as the check.
SITE_CASES = [
    "duplicate-key",
    "implicit-typing-area-no",
    "several-documents",
    "tab-indentation",
    "latin1-bytes",
    "duplicate-service-name",
    "url-javascript-mixed-case",
    "unknown-owner",
    "billion-laughs",
]


@pytest.mark.parametrize("case", SITE_CASES)
def test_trap_site_build_prints_same_problems_as_check(tmp_path: Path, case: str) -> None:
    repository = copy_repository(tmp_path / "repo")
    shutil.rmtree(repository / "catalog")
    _with_case(repository, case)

    result = run_mkdocs_build(repository, tmp_path / "site")

    output = result.stdout + result.stderr
    errors = [line.split("  -  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 1
    assert errors[:-1] == _expected(case)
    assert errors[-1].endswith("; the site was not built")
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_trap_dependency_cycle_fails_strict_build_naming_services(tmp_path: Path) -> None:
    repository = copy_repository(tmp_path / "repo")
    runners = repository / "catalog" / "services" / "ci-runners.yaml"
    text = runners.read_text(encoding="utf-8")
    text = text.replace("dependencies:\n", "dependencies:\n  - platform-handbook\n", 1)
    runners.write_text(text, encoding="utf-8")

    result = run_mkdocs_build(repository, tmp_path / "site")
    check = run_check(repository)

    warnings = [line for line in result.stderr.splitlines() if "dependency cycle" in line]
    assert result.returncode == 1
    assert len(warnings) == 1
    assert "ci-runners -> platform-handbook -> ci-runners" in warnings[0]
    assert warnings[0].startswith("WARNING -  catalog/services/")
    assert check.status == 1
    assert check.lines == [warnings[0].split(" -  ", 1)[1]]
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_trap_guide_shows_messages_the_check_really_prints() -> None:
    guide = (ROOT / "docs" / "guides" / "add-a-service.md").read_text(encoding="utf-8")
    printed = "\n".join(
        (CASES / case / "expected.txt").read_text(encoding="utf-8") for case in CASE_NAMES
    )

    rows = [line for line in guide.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) >= 20
    for row in rows:
        shown = row.rstrip(" |").rsplit(" | ", 1)[1].strip("`").split("`")[0]
        for part in shown.split("..."):
            assert part.strip(" ;") in printed, row


def test_trap_github_annotations_cannot_be_forged_from_a_key(tmp_path: Path) -> None:
    run = run_check(_with_case(tmp_path, "key-with-control-characters"), "--format", "github")

    commands = [line for line in run.lines if line.startswith("::")]
    assert len(commands) == 2
    assert all(line.startswith("::error file=catalog/services/keys.yaml,") for line in commands)
    assert "\x1b" not in run.stdout


def test_trap_symbolic_link_is_refused_not_followed(tmp_path: Path) -> None:
    root = fixture_catalog(tmp_path / "repo")
    outside = tmp_path / "outside.yaml"
    outside.write_text((root / "catalog" / "services" / "job-api.yaml").read_text())
    (root / "catalog" / "services" / "linked.yaml").symlink_to(outside)

    run = run_check(root)

    assert run.lines == [
        "catalog/services/linked.yaml:1: file: is a symbolic link; an entry must be a file of "
        "its own"
    ]
