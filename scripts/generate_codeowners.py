"""Write .github/CODEOWNERS from the catalog, or check that it is current.

Usage: python scripts/generate_codeowners.py [--root DIR] [--check]
"""

from __future__ import annotations

import sys

from servicecatalog.codeowners import render_codeowners_file
from servicecatalog.generated import generator_main

if __name__ == "__main__":
    sys.exit(generator_main(render_codeowners_file, "codeowners", description=__doc__))
