"""The parser on real caption blocks no one here wrote (issue 15, item 1): a floor CI holds.

tests/data/real_captions/ holds blocks copied verbatim from public sources (SOURCES-*.md name
each one's address), with expectations written by the SPEC's conventions before the parser was
run on them. `dev` is the tuning half; `holdout` is never tuned on and is reported only as its
one figure (the assertion below says no more than that, whatever fails). scripts/score_corpus.py
does the scoring; docs/CAPTIONS.md gives the figures by layout, language and field and the
command that reproduces them.

The floors sit a little under today's figures (dev 17368/17641 = 98.5%, holdout 8787/9384 =
93.6%, at the end of the session of 2026-12-01, on the corpus of 1,175 blocks in 416 layouts; holdout
holds three blind batches never tuned on: fresh batch 10, 72 blocks, 1494/1656 = 90.2%, blind batch
13, 62 blocks in 40 new layouts, 1311/1426 = 91.9%, and blind batch 15, 63 blocks in 50 new layouts,
1325/1449 = 91.4%, 91.4% as gathered) so that a block added to the corpus does not fail CI by itself;
a change to the parser that loses fields does.
Raise them as the parser gets better.
"""

from datetime import date
from pathlib import Path

import pytest

from scripts.perturb_corpus import PERTURBATIONS, changes, read_all, texts_of
from scripts.score_corpus import same, score_folder

CORPUS = Path(__file__).parent / "data" / "real_captions"
# dev lowered from 98.0 by batch 14 (65 new blocks, 88.8% as gathered): 15910/16330 = 97.43%
# holdout lowered from 93.3 by blind batch 13 (62 new blocks, 91.2% as gathered): 7402/7935 = 93.28% on fe6169c
# holdout lowered from 93.5 by blind batch 15 (63 new blocks, 91.4% as gathered): 8760/9384 = 93.35% on 583f891
# dev lowered from 98.0 by batch 16 (57 new dev blocks, 90.2% as gathered): 17244/17641 = 97.75% on a6cf8fc
# dev lowered from 98.2 by batch 18 (60 new dev blocks, 94.6% as gathered): 18674/19021 = 98.18% on 5b63a31
# holdout lowered from 93.4 by blind batch 19 (60 new blocks, 46 wire, 90.6% as gathered):
# 11321/12144 = 93.22% on 6911965
# dev lowered from 98.1 by batch 20 (33 new dev blocks, 24 wire, 93.3% as gathered): 19382/19780 = 97.99%
# dev raised to 98.1 at the end of the session of 2026-12-01 05:52-08:52: 19437/19780 = 98.27% on 7828c72
# dev lowered from 98.1 by batch 22 (60 new dev blocks, 95.7% as gathered): 20759/21160 = 98.10% on 050c8f6
# dev lowered from 98.2 by batch 31 (17 new dev record dumps, 72.1% as gathered): 24366/24886 = 97.91% on ba5fbc6
# dev raised back to 98.2 at the end of the session of 2026-12-01 18:55-21:55: 24496/24886 = 98.43% on 6596bc4
# (holdout 17611/18607 = 94.65%)
# dev lowered from 98.2 by batches 32/33/35 (65 new dev blocks, 92.6/97.1/95.9% as gathered): 25929/26381 = 98.29% on
# 62c4b1a's parser; lowered to leave room for batch 34 before the parser work on them lands
# dev lowered to 97.9 by batch 34 (11 new dev archive records, 72.3% as gathered): 26112/26634 = 98.04% on
# 62c4b1a's parser
# dev raised to 98.3 at the end of the session of 2026-12-01 22:05-01:05: 26238/26634 = 98.51% on 8e8c03a
FLOORS = {"dev": 98.3, "holdout": 94.2}
TODAY = date(2026, 11, 30)  # the corpus' future_date expectations were written on this day


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_the_parser_gets_the_fields_of_real_blocks_right(half):
    folder = CORPUS / half
    # The corpus is part of the repository: a missing folder is a failure, not a reason to skip.
    assert any(folder.glob("*.expected.json")), f"no corpus in {folder}"
    score = score_folder(folder, today=TODAY)
    assert score.blocks >= 50
    # Only the figure: holdout's mismatches are not for reading (see the module docstring).
    assert score.percent >= FLOORS[half], f"{half}: {score.right}/{score.total} fields ({score.percent:.1f}%)"


def test_the_scorer_compares_by_the_spec_conventions():
    assert same("caption", "A  dog.", "a dog.")
    assert same("print_width_cm", 31.8, 31.8004) and not same("print_width_cm", 31.8, None)
    assert same("problems", ["missing_dpi", "truncated_text"], ["truncated_text", "missing_dpi"])
    assert same("embargo_until", "2025-05-06T18:00:00+02:00", "2025-05-06T16:00:00+00:00")
    assert not same("width_px", 3000, 3001)


def test_the_scorer_counts_a_wrong_block_count_as_every_field_wrong(tmp_path):
    (tmp_path / "two-en-01.txt").write_text("A dog.\n---\nA cat.", encoding="utf-8")
    (tmp_path / "two-en-01.expected.json").write_text('{"caption": "A dog."}', encoding="utf-8")
    score = score_folder(tmp_path, today=TODAY)
    assert (score.right, score.total) == (0, 1)
    assert score.by_layout["two"] == [0, 1] and score.by_language["en"] == [0, 1]


# What a paste, a page, a mail or a listing adds to a text changes no field of a real block
# (captions/ingest/surface.py; a page's gallery counter and buttons on lines of their own:
# boilerplate in caption_labels.json, layout._is_page_control; scripts/perturb_corpus.py prints
# the same counts and the changes).
# Left out: curled quotes (8 dev blocks at 38e0e7b, dump maps and names with an apostrophe) and
# a blank line after every line (which makes paragraphs of the lines: structure, not surface).
SURFACE = sorted(set(PERTURBATIONS) - {"smart_quotes", "blank_line_after_each"})


@pytest.fixture(scope="module")
def dev_texts():
    texts = texts_of(CORPUS / "dev")
    return texts, read_all(texts)


@pytest.mark.parametrize("name", SURFACE)
def test_how_a_real_block_travelled_changes_none_of_its_fields(dev_texts, name):
    texts, base = dev_texts
    blocks, fields, details = changes(texts, PERTURBATIONS[name], base)
    assert (blocks, fields) == (0, 0), "\n".join(details[:20])


def test_the_tuning_checks_refuse_holdout_however_it_is_named(tmp_path, capsys):
    from scripts._probe import DEV, tuning_folder

    link = tmp_path / "blocks"
    link.symlink_to(CORPUS / "holdout")
    for path in (CORPUS / "holdout", CORPUS / "dev" / ".." / "holdout", link):
        assert tuning_folder([str(path)]) is None, path
    assert "holdout is not for tuning" in capsys.readouterr().out
    assert tuning_folder([]) == DEV and tuning_folder([str(tmp_path)]) == tmp_path
