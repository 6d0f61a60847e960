"""Check every catalog file and print each problem as `path:line: field: problem`.

Usage: python scripts/check_catalog.py [--root DIR] [--format text|github]
"""

import sys

from servicecatalog.cli import main

if __name__ == "__main__":
    sys.exit(main())
