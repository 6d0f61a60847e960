"""Write schemas/*.schema.json from the catalog models, or check that they are current.

Usage: python scripts/generate_schemas.py [--root DIR] [--check]
"""

from __future__ import annotations

import sys

from servicecatalog.generated import generator_main
from servicecatalog.schemas import render_schemas

if __name__ == "__main__":
    sys.exit(generator_main(render_schemas, "schemas", description=__doc__))
