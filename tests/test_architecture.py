"""The catalog core stands on its own: no MkDocs inside it, typed, formatted."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

CORE = ROOT / "src" / "servicecatalog"
BIN = Path(sys.executable).parent


def test_architecture_core_imports_nothing_from_mkdocs() -> None:
    offenders = []
    for module in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{module.name}: {name}"
                for name in names
                if name.split(".")[0] in ("mkdocs", "material", "mkdocs_gen_files", "mkdocs_macros")
            ]
    assert offenders == []


def test_architecture_core_loads_without_mkdocs_in_process() -> None:
    modules = sorted(f"servicecatalog.{path.stem}" for path in CORE.glob("*.py"))
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_architecture_core_passes_mypy_strict() -> None:
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", str(CORE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_architecture_python_code_is_formatted() -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), "format", "--check", "src", "hooks", "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
