"""The fuzzer behind `make fuzz` runs, and a short run of it passes (the full 100,000 blocks
are `make fuzz`; a CI-sized slice keeps the fuzzer itself from rotting)."""

import random
from pathlib import Path

from scripts.fuzz_parser import FRAGMENTS, mutate, run, seeds


def test_a_short_fuzz_run_finds_no_failure(capsys):
    assert run(1_500, seed=7) == 0
    assert "1500 blocks" in capsys.readouterr().out


def test_the_fuzzer_reports_a_failure_it_is_shown(monkeypatch, capsys):
    import scripts.fuzz_parser as fuzz

    def broken(text, today=None):
        raise ValueError("boom")

    monkeypatch.setattr(fuzz, "parse_block", broken)
    assert run(3, seed=1) == 3
    shown = capsys.readouterr()
    assert "3 failures" in shown.out and "ValueError: boom" in shown.err


def test_seeds_come_from_dev_and_never_from_holdout():
    texts = seeds()
    assert len(texts) > 200
    holdout = Path(__file__).parent / "data" / "real_captions" / "holdout"
    # Compared by content, without printing anything of holdout.
    held = {path.read_text(encoding="utf-8", errors="replace") for path in holdout.glob("*.txt")}
    assert not held & set(texts)
    text, step = mutate("A caption.\nDate: 2020", random.Random(3), texts)
    assert isinstance(text, str) and step
    assert FRAGMENTS
