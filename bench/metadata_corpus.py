"""How closely the archive reads a folder of real image files, with exiftool as the reference.

    .venv/bin/python bench/metadata_corpus.py /work/corpus/images [--details] [--json out.json]

For every image file under the folder (recursively): the fields `captions.images.metadata`
reads, compared field by field with exiftool's reading (tests/exiftool_reference.py): equal,
equal where exiftool shows cp1252 mojibake of UTF-8, different, missing, extra. Prints the
match rate per field and per format (docs/METADATA.md). A file the reader cannot open at all
is listed with its reason, never a crash. Needs exiftool (scripts/install-browser.sh).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from captions.images import metadata
from tests import exiftool_reference as reference

NOT_IMAGES = {"md", "json", "txt", "py", "tsv", "csv", "xmp", "html"}


def image_files(folder: str) -> list[str]:
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.rsplit(".", 1)[-1].lower() not in NOT_IMAGES and not name.startswith("."):
                found.append(os.path.join(root, name))
    return sorted(found)


def measure(folder: str) -> dict:
    paths = image_files(folder)
    tags = reference.run_exiftool(paths)
    rows = []
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        started = time.perf_counter()
        try:
            meta = metadata.read_metadata(data, name=os.path.basename(path))
            got, error = reference.project_fields(meta), ""
        except Exception as exc:  # a refusal is data here: the upload check turns it into a message
            got, error, meta = {}, f"{type(exc).__name__}: {str(exc)[:100]}", None
        elapsed = (time.perf_counter() - started) * 1000
        text, num = tags.get(path, ({}, {}))
        ref = reference.reference_fields(text, num)
        rows.append(
            {
                "path": os.path.relpath(path, folder),
                "family": reference.family(path),
                "error": error,
                "warnings": meta.warnings if meta else [],
                "ms": round(elapsed, 2),
                "outcome": reference.compare(ref, got, path),
                "exiftool": {k: v for k, v in ref.items() if not k.startswith("_")},
                "archive": got,
            }
        )
    return {"folder": folder, "rows": rows}


def rate(counter) -> str:
    read = counter["match"] + counter["match_utf8"] + counter["mismatch"] + counter["missing"]
    ok = counter["match"] + counter["match_utf8"]
    return f"{ok}/{read} = {100 * ok / read:.1f}%" if read else "-"


def report(result: dict, details: bool) -> str:
    per_field = collections.defaultdict(collections.Counter)
    per_format = collections.defaultdict(collections.Counter)
    files = collections.Counter()
    opened = collections.Counter()
    total = collections.Counter()
    for row in result["rows"]:
        files[row["family"]] += 1
        opened[row["family"]] += not row["error"]
        for name, state in row["outcome"].items():
            per_field[name][state] += 1
            per_format[row["family"]][state] += 1
            total[state] += 1
    lines = [f"{len(result['rows'])} files under {result['folder']}", ""]
    lines += ["| field | exiftool reads | equal | UTF-8 (exiftool: cp1252) | differ | missing | extra |"]
    lines += ["| --- | --- | --- | --- | --- | --- | --- |"]
    for name in reference.FIELDS:
        c = per_field[name]
        lines.append(
            f"| {name} | {c['match'] + c['match_utf8'] + c['mismatch'] + c['missing']} | {rate(c)} | "
            f"{c['match_utf8']} | {c['mismatch']} | {c['missing']} | {c['extra']} |"
        )
    lines.append(
        f"| **total** | {total['match'] + total['match_utf8'] + total['mismatch'] + total['missing']} | "
        f"**{rate(total)}** | {total['match_utf8']} | {total['mismatch']} | {total['missing']} | {total['extra']} |"
    )
    lines += ["", "| format | files | opened | fields equal | differ | missing | extra |"]
    lines += ["| --- | --- | --- | --- | --- | --- | --- |"]
    for fam in sorted(files):
        c = per_format[fam]
        lines.append(
            f"| {fam} | {files[fam]} | {opened[fam]} | {rate(c)} | {c['mismatch']} | {c['missing']} | {c['extra']} |"
        )
    refused = [row for row in result["rows"] if row["error"]]
    lines += ["", f"not opened ({len(refused)}):"] + [f"- {row['path']}: {row['error']}" for row in refused]
    if details:
        lines += ["", "differences:"]
        for row in result["rows"]:
            for name, state in row["outcome"].items():
                if state not in ("match", "extra"):
                    lines.append(
                        f"- {row['path']} {name} {state}: exiftool {row['exiftool'].get(name)!r}, "
                        f"archive {row['archive'].get(name)!r}"
                    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--details", action="store_true", help="list every difference")
    parser.add_argument("--json", help="write every file's fields and outcome here")
    args = parser.parse_args()
    if not reference.available():
        sys.exit("exiftool is not installed: run scripts/install-browser.sh")
    result = measure(args.folder)
    print(report(result, args.details))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
