"""`manage.py parse_caption PATH [PATH ...]`: caption blocks in, SPEC JSON out.

A thin wrapper over captions.ingest (files read by captions.core.textfiles, as import_captions
and the paste page read them). It touches no database — not even a connection
(no system checks, no migration check) — so it runs on a laptop without one. Problems found in
a block are data in the JSON; only an unreadable input is an error (exit 2, one line on
stderr).
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from captions.core.textfiles import UnreadableInput, read_text
from captions.ingest import parse_blocks


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
                text = read_text(path, stdin=stdin)
            except UnreadableInput as exc:
                self.stderr.write(f"parse_caption: {exc}")
                sys.exit(2)
            records.extend(record.as_spec_dict() for record in parse_blocks(text))
        self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
