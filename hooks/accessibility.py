"""MkDocs hook: accessibility fixes to the theme's HTML for which the theme has no setting."""

from __future__ import annotations

from typing import Any

# Material's search dialog has no accessible name (axe-core: aria-dialog-name, serious).
# Drop this hook when the theme's partials/search.html labels the dialog itself; the
# accessibility browser tests then keep passing without it.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG.removesuffix(">") + ' aria-label="Search">'


def on_post_page(output: str, **_: Any) -> str:
    """Give the search dialog its accessible name."""
    return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
