"""Reuse one loaded catalog across the consumers of a single build.

A site build asks for the catalog several times (the check before the build, the page
generator, the macros on hand-written pages). Loading is repeated only when a catalog file was
added, removed or changed, which also keeps live preview correct.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog
from .checks import runbook_page
from .loading import entry_files, load_catalog

_Fingerprint = tuple[tuple[str, int, int], ...]
_last: tuple[tuple[Path, Path | None, _Fingerprint], Catalog] | None = None


def load_catalog_cached(root: Path, *, docs_dir: Path | None = None) -> Catalog:
    """`load_catalog`, answered from memory while no catalog file has changed."""
    global _last
    key = (root.resolve(), docs_dir, _fingerprint(root))
    if _last is not None and _last[0] == key and _runbook_pages_exist(_last[1], docs_dir):
        return _last[1]
    catalog = load_catalog(root, docs_dir=docs_dir)
    _last = (key, catalog)
    return catalog


def _fingerprint(root: Path) -> _Fingerprint:
    files = entry_files(root, "teams") + entry_files(root, "services")
    return tuple(
        (str(path), stat.st_mtime_ns, stat.st_size) for path in files for stat in [path.lstat()]
    )


def _runbook_pages_exist(catalog: Catalog, docs_dir: Path | None) -> bool:
    # Runbooks may be pages under docs/, which are not catalog files: a page deleted during
    # live preview must be reported as the catalog problem it is.
    if docs_dir is None:
        return True
    pages = (runbook_page(service) for service in catalog.services.values())
    return all((docs_dir / page).is_file() for page in pages if page is not None)
