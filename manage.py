#!/usr/bin/env python
"""Django's command-line utility for the photo archive."""

import os
import sys

from django.core.management import execute_from_command_line
from django.db import OperationalError

from archive.config import ConfigurationError

# Pure text tools: they sign nothing and touch no database, so they run without a SECRET_KEY
# (an editor can parse a caption file on any machine that has the code).
SECRETLESS_COMMANDS = {"parse_caption", "help", "version", "--help", "-h", "--version"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    if len(sys.argv) < 2 or sys.argv[1] in SECRETLESS_COMMANDS:
        os.environ["ARCHIVE_SECRETLESS_COMMAND"] = "1"
    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as exc:
        # One clear line, not a traceback: the fix is in the environment, not the code.
        sys.stderr.write(f"configuration error: {exc}\n")
        sys.exit(2)
    except OperationalError as exc:
        reason = " ".join(str(exc).split())[:300]
        sys.stderr.write(f"database error: {reason} (check DATABASE_URL and that the server is running)\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
