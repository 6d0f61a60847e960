"""MkDocs adapter for the service catalog: check it before anything is built.

The pages and `catalog.json` are written by `hooks/catalog_pages.py` (a mkdocs-gen-files
script) and catalog facts on hand-written pages come from `hooks/macros.py`; all three read the
same loaded catalog through `servicecatalog.cache`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from servicecatalog import CatalogError
from servicecatalog.cache import load_catalog_cached
from servicecatalog.freshness import review_policy

log = logging.getLogger("mkdocs.hooks.catalog")


# Runs before the other plugins' on_config so that nothing reads an invalid catalog.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        catalog = load_catalog_cached(
            Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir)
        )
    except CatalogError as error:
        for problem in error.problems:
            (log.warning if problem.severity == "warning" else log.error)(str(problem))
        raise PluginError(f"{error.summary()}; the site was not built") from None

    try:
        review_policy(config.extra.get("catalog"))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None

    for warning in catalog.warnings:
        log.warning(str(warning))
    log.info(f"Catalog: {len(catalog.services)} services, {len(catalog.teams)} teams")
    return config
