"""scripts/image_corpus/SOURCES.md, the list the real image corpus is rebuilt from
(docs/METADATA.md): every row complete, pinned and unique. The files themselves are not here."""

import re

from scripts.image_corpus import build


def test_every_file_of_the_corpus_is_pinned_and_named_once():
    entries = build.entries()
    sizes = {name: sum(e.set == name for e in entries) for name in ("base", "grown", "fresh")}
    assert sizes == {"base": 160, "grown": 150, "fresh": 103} and len(entries) == 413
    assert len({e.file.lower() for e in entries}) == len(entries)  # one name each, whatever the case
    assert len({e.sha256 for e in entries}) == len(entries)  # no file twice
    for entry in entries:
        assert re.fullmatch(r"[0-9a-f]{40}", entry.commit) and re.fullmatch(r"[0-9a-f]{64}", entry.sha256), entry
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", entry.repository) and entry.path and entry.licence, entry


def test_a_missing_repository_is_named_and_nothing_is_downloaded(tmp_path, capsys):
    problems = build.build(str(tmp_path / "corpus"), str(tmp_path / "no-mirrors"), only_set="base")
    assert problems and all("fetch github:" in p for p in problems)
    assert "0 of 160 files written" in capsys.readouterr().out


def test_the_list_goes_beside_the_corpus_folder_not_into_it(tmp_path):
    # a folder an editor imports holds images only: import_images took SOURCES.md for a refused file
    build.build(str(tmp_path / "corpus"), str(tmp_path / "no-mirrors"), only_set="fresh")
    assert not (tmp_path / "corpus" / "SOURCES.md").exists()
    assert (tmp_path / "corpus.SOURCES.md").read_text(encoding="utf-8").startswith("# The real image corpus")
