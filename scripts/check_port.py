"""Exit 1 with a hint when the live preview's address is taken: `make serve` runs this first.

Usage: python scripts/check_port.py HOST:PORT
"""

import socket
import sys

address = sys.argv[1]
host, _, port = address.rpartition(":")
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, int(port)))
    except OSError as error:
        sys.exit(
            f"{address} is not free ({error.strerror}): stop the other preview, or choose "
            "another address, for example `make serve SERVE_ADDR=127.0.0.1:8001`"
        )
