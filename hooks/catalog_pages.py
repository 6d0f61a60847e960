"""mkdocs-gen-files script: write the catalog's pages and catalog.json into the build's docs."""

from __future__ import annotations

from pathlib import Path

import mkdocs_gen_files

from servicecatalog.cache import load_catalog_cached
from servicecatalog.export import catalog_json_text
from servicecatalog.freshness import review_policy
from servicecatalog.rendering import render_catalog_pages

config = mkdocs_gen_files.config
catalog = load_catalog_cached(Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir))

# hooks/catalog.py has already refused a bad setting, before any page was generated.
for page in render_catalog_pages(catalog, review_policy(config.extra.get("catalog"))):
    with mkdocs_gen_files.open(page.path, "w", encoding="utf-8") as generated:
        generated.write(page.markdown)
    # Edit paths are relative to edit_uri, which points into docs/.
    mkdocs_gen_files.set_edit_path(page.path, f"../{page.edit_path}" if page.edit_path else None)

with mkdocs_gen_files.open("catalog.json", "w", encoding="utf-8") as generated:
    generated.write(catalog_json_text(catalog))
