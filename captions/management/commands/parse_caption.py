"""`manage.py parse_caption PATH [PATH ...]`: caption blocks in, SPEC JSON out.

A thin wrapper over captions.ingest. It touches no database — not even a connection
(no system checks, no migration check) — so it runs on a laptop without one. Problems found in
a block are data in the JSON; only an unreadable input is an error (exit 2, one line on
stderr).
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from captions.ingest import parse_blocks

# Legacy agency files are often Windows-1252; Latin-1 decodes any byte, so it is the last resort.
FALLBACK_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


class UnreadableInput(Exception):
    pass


def read_input(path: str, stdin=None) -> str:
    """The text of PATH ('-' is standard input), decoded as UTF-8 or a legacy encoding."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except IsADirectoryError:
        raise UnreadableInput("is a directory") from None
    except FileNotFoundError:
        raise UnreadableInput("no such file") from None
    except PermissionError:
        raise UnreadableInput("permission denied") from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc)) from None
    if isinstance(data, str):
        return data
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput("cannot be decoded")  # pragma: no cover - latin-1 decodes any byte


class Command(BaseCommand):
    help = "Parse caption blocks (separated by a line '---') and print them as a JSON array."

    requires_system_checks = []
    requires_migrations_checks = False
    stealth_options = ("stdin",)  # tests pass a stream in place of sys.stdin

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="a text file, or - for standard input")

    def handle(self, *args, paths, **options):
        stdin = options.get("stdin")
        records = []
        for path in paths:
            try:
                text = read_input(path, stdin)
            except UnreadableInput as exc:
                self.stderr.write(f"parse_caption: cannot read {path}: {exc}")
                sys.exit(2)
            records.extend(record.as_spec_dict() for record in parse_blocks(text))
        self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
