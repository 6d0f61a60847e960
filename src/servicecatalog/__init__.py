"""The service catalog behind the platform handbook.

Nothing here imports MkDocs: the build hooks in `hooks/` adapt these functions to it.
"""

from __future__ import annotations

from .catalog import Catalog
from .loading import load_catalog
from .models import Service, Team
from .problems import CatalogError, Problem

__all__ = ["Catalog", "CatalogError", "Problem", "Service", "Team", "load_catalog"]
