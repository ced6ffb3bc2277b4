"""`manage.py parse_caption`: exact output, exit codes, encodings, and no database.

pytest-django refuses database access to tests not marked for it, so every call_command test
here also proves the command never opens a connection.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
BLOCK = (
    "Ein Containerschiff läuft bei Nebel in den Hamburger Hafen ein.\n"
    "2400 x 1600 px | 25,4 x 21,2 cm | 10 x 6,7 inches | 240dpi\n"
    "Aufnahmedatum:\n3. März 2023\nOrt:\nHamburg, Deutschland\n"
)
EXPECTED = {
    "caption": "Ein Containerschiff läuft bei Nebel in den Hamburger Hafen ein.",
    "width_px": 2400,
    "height_px": 1600,
    "dpi": 240,
    "print_width_cm": 25.4,
    "print_height_cm": 21.2,
    "print_width_in": 10.0,
    "print_height_in": 6.7,
    "date_start": "2023-03-03",
    "date_end": "2023-03-03",
    "date_precision": "day",
    "approximate": False,
    "sublocation": None,
    "city": "Hamburg",
    "region": None,
    "country": "Germany",
    "country_code": "DE",
    "caveats": [],
    "embargo_until": None,
    "credit": None,
    "source_id": None,
    "language": "de",
    "problems": ["print_size_mismatch"],
}
SECOND = "A dog on the beach.\n1200 x 800 px, 300 dpi\nEditorial use only\n"


def run(*paths, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    call_command("parse_caption", *paths, stdout=out, stderr=err, stdin=stdin)
    return out.getvalue(), err.getvalue()


def test_prints_the_exact_json_array(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(BLOCK, encoding="utf-8")
    out, err = run(str(path))
    assert out == json.dumps([EXPECTED], ensure_ascii=False, indent=2) + "\n"
    assert err == ""


def test_blocks_across_several_paths_and_separators(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(BLOCK + "---\n" + SECOND, encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(SECOND, encoding="utf-8")
    records = json.loads(run(str(first), str(second))[0])
    assert [record["caption"] for record in records] == [
        EXPECTED["caption"],
        "A dog on the beach.",
        "A dog on the beach.",
    ]
    assert all(list(record) == list(EXPECTED) for record in records)
    assert records[1]["caveats"] == ["editorial_only"]


def test_dash_reads_standard_input():
    out, _ = run("-", stdin=io.TextIOWrapper(io.BytesIO(BLOCK.encode("utf-8")), encoding="utf-8"))
    assert json.loads(out) == [EXPECTED]


def test_legacy_encodings_are_read_not_refused(tmp_path):
    cp1252 = tmp_path / "legacy.txt"
    cp1252.write_bytes(BLOCK.replace("\n", "\r\n").encode("cp1252"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + BLOCK.encode("utf-8"))
    for path in (cp1252, bom):
        assert json.loads(run(str(path))[0]) == [EXPECTED]


def test_empty_input_is_an_empty_array(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n---\n", encoding="utf-8")
    assert run(str(path))[0] == "[]\n"


def test_unreadable_path_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "missing.txt"
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("parse_caption", str(missing), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue() == f"parse_caption: cannot read {missing}: no such file\n"


def test_directory_is_unreadable(tmp_path):
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("parse_caption", str(tmp_path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == f"parse_caption: cannot read {tmp_path}: is a directory\n"


def _manage(*args, stdin=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.test_settings"}
    return subprocess.run(
        [sys.executable, "manage.py", "parse_caption", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_codes_from_the_command_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BLOCK, encoding="utf-8")
    ok = _manage(str(good))
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == [EXPECTED]
    bad = _manage(str(good), str(tmp_path / "nope.txt"))
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [f"parse_caption: cannot read {tmp_path / 'nope.txt'}: no such file"]
    piped = _manage("-", stdin=BLOCK)
    assert piped.returncode == 0 and json.loads(piped.stdout) == [EXPECTED]
