"""Search words: stems shared by the threads of a gthread worker."""

import sys
import threading

from captions.selectors import search

WORDS = ["Treffens", "meetings", "Kreml", "Verhandlungen", "firefighters", "demonstrators", "Bundestag", "running"]


def test_stemming_from_many_threads_at_once_gives_each_word_its_own_stems():
    expected = {word: search.substring_for(word) for word in WORDS}
    found: list[tuple[str, str]] = []
    failures: list[BaseException] = []

    def stem_all():
        try:
            for _ in range(300):
                for word in WORDS:
                    found.append((word, search.substring_for(word)))
        except BaseException as exc:  # an IndexError here was a server error on a search page
            failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: mid-word, if it can happen
    try:
        threads = [threading.Thread(target=stem_all) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert {(word, stem) for word, stem in found} == set(expected.items())
