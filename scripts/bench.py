"""Catalog build benchmark: `make bench`.

For each size N it copies the repository into a temporary folder, adds N valid synthetic
services, and measures three things:

- catalog build: `mkdocs build --strict` with the catalog hooks generating the pages;
- plain build: the same pages written to docs/ as ordinary Markdown, built with the same
  configuration minus the catalog hook and the page generator;
- check: `scripts/check_catalog.py`, what `make check` runs.

It prints a table with the ratio catalog/plain and the growth from 1000 to 4000 services.
Targets on 2 cores: ratio <= 1.15 at N=1000, t(4000)/t(1000) <= 4.4, check of 1000 <= 1.0 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from servicecatalog import load_catalog
from servicecatalog.export import catalog_json_text
from servicecatalog.rendering import render_catalog_pages
from servicecatalog.synthetic import copy_site_sources, write_synthetic_catalog

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}\n{result.stderr}")
    return elapsed


def make_plain_copy(catalog_copy: Path, plain: Path) -> None:
    """The same site with every generated page written to docs/ and the generators removed."""
    copy_site_sources(ROOT, plain)
    shutil.rmtree(plain / "catalog")
    shutil.copytree(catalog_copy / "catalog", plain / "catalog")
    catalog = load_catalog(plain, docs_dir=plain / "docs")
    for page in render_catalog_pages(catalog):
        target = plain / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    (plain / "docs" / "catalog.json").write_text(catalog_json_text(catalog), encoding="utf-8")

    with (plain / "mkdocs.yml").open(encoding="utf-8") as config_file:
        config = yaml_load(config_file)
    config.pop("hooks", None)
    config["plugins"] = [
        plugin
        for plugin in config["plugins"]
        if not (isinstance(plugin, dict) and "gen-files" in plugin)
    ]
    config["watch"] = []
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def measure(size: int, repeat: int, workdir: Path) -> dict[str, float]:
    catalog_copy = workdir / f"catalog-{size}"
    plain_copy = workdir / f"plain-{size}"
    copy_site_sources(ROOT, catalog_copy)
    write_synthetic_catalog(catalog_copy, size)
    make_plain_copy(catalog_copy, plain_copy)

    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    check = [sys.executable, str(ROOT / "scripts" / "check_catalog.py")]
    results: dict[str, list[float]] = {"catalog": [], "plain": [], "check": []}
    for _ in range(repeat):
        results["catalog"].append(timed([*build, str(workdir / "site-a")], catalog_copy))
        results["plain"].append(timed([*build, str(workdir / "site-b")], plain_copy))
        results["check"].append(timed(check, catalog_copy))
    return {name: statistics.median(times) for name, times in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; medians shown")
    args = parser.parse_args()

    print(f"{'services':>8} {'catalog s':>10} {'plain s':>8} {'ratio':>6} {'check s':>8}")
    rows = {}
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        for size in args.sizes:
            row = measure(size, args.repeat, Path(folder))
            rows[size] = row
            ratio = row["catalog"] / row["plain"]
            print(
                f"{size:>8} {row['catalog']:>10.2f} {row['plain']:>8.2f} {ratio:>6.2f} "
                f"{row['check']:>8.2f}",
                flush=True,
            )
    if 1000 in rows and 4000 in rows:
        growth = rows[4000]["catalog"] / rows[1000]["catalog"]
        print(f"catalog build t(4000)/t(1000) = {growth:.2f} (target <= 4.4)")
    if 1000 in rows:
        ratio = rows[1000]["catalog"] / rows[1000]["plain"]
        print(
            f"ratio at 1000 = {ratio:.2f} (target <= 1.15); check of 1000 = "
            f"{rows[1000]['check']:.2f} s (target <= 1.0 s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
