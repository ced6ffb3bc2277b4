"""scripts/output_hash.py: the hash that proves a refactoring output-identical moves with any field."""

from __future__ import annotations

import re

from scripts.output_hash import corpus_hash

BLOCK = "Children play in front of the town hall of Exampleton, Norway, on 4 July 2021. Photo: Jane Roe\n"


def _corpus(tmp_path, text):
    (tmp_path / "dev").mkdir(parents=True, exist_ok=True)
    (tmp_path / "dev" / "a-en-01.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_same_records_give_the_same_hash(tmp_path):
    first = corpus_hash(_corpus(tmp_path / "one", BLOCK))
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    assert corpus_hash(_corpus(tmp_path / "two", BLOCK)) == first
    # the record keeps the block's raw text, so even a trailing blank line is a change
    assert corpus_hash(_corpus(tmp_path / "three", BLOCK + "\n")) != first


def test_a_changed_field_changes_the_hash(tmp_path):
    first = corpus_hash(_corpus(tmp_path, BLOCK))
    assert corpus_hash(_corpus(tmp_path, BLOCK.replace("2021", "2022"))) != first
    assert corpus_hash(_corpus(tmp_path, BLOCK.replace("Jane Roe", "John Doe"))) != first
