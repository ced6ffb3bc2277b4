"""import_captions in batches (issue 11, item 6): what a file does to the archive does not depend
on how its blocks fall into batches, a batch is written whole or not at all, and an interrupted
import can be run again, on SQLite and PostgreSQL alike."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from captions import ingest
from captions.models import FacetCount, Photo, Place
from captions.services import facet_summary, imports, records

pytestmark = pytest.mark.django_db

HAMBURG = "4000 x 3000 px | 300dpi\nDate taken: 3 May 2019\nLocation: Hamburg, Germany"


def boats(n: int, extra: str = "") -> str:
    """A block of one series: same pixels, date and place, captions >= 90% alike."""
    return f"Fishing boats return to the harbour of Hamburg at dawn after the storm, number {n}.{extra}\n{HAMBURG}"


# Near-duplicates of earlier blocks (2, 3 of 1), a caption unlike the series at the same place
# and size (4), the first block again (5), other pixels (6), a series with image ids of one
# supplier (7, 8: two photos) and the same id under another supplier (9: a near-duplicate of 7).
FILE = [
    boats(1),
    boats(2),
    boats(3),
    f"A container ship leaves the port in the morning fog.\n{HAMBURG}",
    boats(1),
    boats(1).replace("4000 x 3000", "3000 x 2000"),
    f"Cranes at the container terminal, picture 1.\nImage ID: HH0001\nContributor: A / Alamy Stock Photo\n{HAMBURG}",
    f"Cranes at the container terminal, picture 2.\nImage ID: HH0002\nContributor: A / Alamy Stock Photo\n{HAMBURG}",
    f"Cranes at the container terminal, picture 1.\nEditorial #: HH0001\nCredit: B / Getty Images\n{HAMBURG}",
]


FILE_LABEL = "Fishing boats return to the harbour of Hamburg at dawn after…"


def run(tmp_path, blocks, *args, name="blocks.txt"):
    path = tmp_path / name
    path.write_text("\n---\n".join(blocks), encoding="utf-8")
    out = StringIO()
    call_command("import_captions", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def archive() -> list[tuple]:
    """The archive as a reader sees it, without ids."""
    return sorted(
        (p.supplier, p.source_id, p.caption, p.width_px, p.history.count() > 0, p.history.first().caption == p.caption)
        for p in Photo.objects.all()
    )


def without_ids(lines: list[str]) -> list[str]:
    """Output lines with each '#<id>' named by the caption of the record it points to."""
    captions = dict(Photo.objects.values_list("pk", "caption"))
    out = []
    for line in lines:
        if "matches #" in line:
            head, rest = line.split("matches #", 1)
            pk, tail = rest.split(":", 1)
            line = f"{head}matches [{captions.get(int(pk), 'gone')}]:{tail}"
        out.append(line)
    return out


def forget_everything():
    Photo.history.all().delete()
    Photo.objects.all().delete()
    Place.objects.all().delete()


def facet_counts() -> Counter:
    return Counter({(r.filter_key, r.facet_key): r.n for r in FacetCount.objects.exclude(filter_key="~") if r.n})


@pytest.mark.parametrize("action", imports.NEAR_DUPLICATE_ACTIONS)
def test_a_file_does_the_same_in_one_batch_as_block_by_block(tmp_path, action):
    outcomes = []
    for batch_size in (1, 4, 1000):
        forget_everything()
        lines = run(tmp_path, FILE, f"--near-duplicates={action}", "--batch-size", str(batch_size))
        outcomes.append((without_ids(lines), archive()))
    assert outcomes[0] == outcomes[1] == outcomes[2]


def test_near_duplicates_within_one_batch_are_skipped_by_default_and_named(tmp_path):
    lines = run(tmp_path, FILE)
    assert lines[0] == "created 5, updated 0, unchanged 1, flagged 0, skipped 3"
    first = Photo.objects.get(caption__endswith="number 1.", width_px=4000).pk
    cranes = Photo.objects.get(source_id="HH0001").pk
    label = "Fishing boats return to the harbour of Hamburg at dawn after…"
    assert [line for line in lines if "matches" in line] == [
        f"block 2 ({label}): matches #{first}: skipped, not saved",
        f"block 3 ({label}): matches #{first}: skipped, not saved",
        f"block 9 (Getty Images HH0001): matches #{cranes}: skipped, not saved",
    ]
    assert Photo.objects.filter(source_id__in=["HH0001", "HH0002"]).count() == 2  # one supplier's two ids


def test_near_duplicates_updated_within_one_batch_are_one_photo_with_its_history(tmp_path):
    lines = run(tmp_path, FILE[:3], "--near-duplicates=update")
    assert lines[0] == "created 1, updated 2, unchanged 0, flagged 0"
    photo = Photo.objects.get()
    assert photo.caption.endswith("number 3.")
    assert [h.caption for h in photo.history.all()] == [photo.caption]  # written once, with its last values
    # the same file again: the first block matches the photo the third made of it, and so on
    assert run(tmp_path, FILE[:3])[0] == "created 0, updated 0, unchanged 1, flagged 0, skipped 2"


def test_near_duplicates_kept_within_one_batch_are_each_a_photo_with_a_history_row(tmp_path):
    lines = run(tmp_path, FILE[:3], "--near-duplicates=keep")
    assert lines[0] == "created 3, updated 0, unchanged 0, flagged 0"
    assert all(p.history.count() == 1 for p in Photo.objects.all()) and Photo.objects.count() == 3
    assert run(tmp_path, FILE[:3], "--near-duplicates=keep")[0] == "created 0, updated 0, unchanged 3, flagged 0"
    assert Photo.history.count() == 3  # unchanged writes no history row


def test_same_block_twice_in_one_batch_is_one_photo_then_unchanged(tmp_path):
    lines = run(tmp_path, [boats(1), boats(1, " ")])  # the same photo with other spacing
    assert lines[0] == "created 1, updated 0, unchanged 1, flagged 0"
    assert Photo.objects.count() == 1 and Photo.history.count() == 1


class Crash(BaseException):
    """What stops a process: not an error the import catches and retries."""


def test_an_import_stopped_mid_batch_leaves_that_batch_unwritten_and_can_be_run_again(tmp_path, monkeypatch):
    blocks = [boats(n).replace("number", f"series {n * 7919}, number") for n in range(10)]
    real = records.create_in_bulk
    calls = []

    def stops_in_the_second_batch(photos, **kwargs):
        calls.append(len(photos))
        real(photos, **kwargs)  # the rows are written ... and then the process stops
        if len(calls) == 2:
            raise Crash()

    monkeypatch.setattr(records, "create_in_bulk", stops_in_the_second_batch)
    with pytest.raises(Crash):
        run(tmp_path, blocks, "--near-duplicates=keep", "--batch-size", "4")
    assert Photo.objects.count() == 4 and Photo.history.count() == 4  # the first batch, whole
    counts = facet_counts()
    facet_summary.rebuild()
    assert facet_counts() == counts and counts[("*", "n")] == 4

    monkeypatch.setattr(records, "create_in_bulk", real)
    lines = run(tmp_path, blocks, "--near-duplicates=keep", "--batch-size", "4")
    assert lines[0] == "created 6, updated 0, unchanged 4, flagged 0"
    assert Photo.objects.count() == 10 and Photo.history.count() == 10


def test_a_database_error_after_the_rows_are_written_retries_the_batch_block_by_block(monkeypatch):
    blocks = ingest.parse_blocks("\n---\n".join(FILE))
    real = records.create_in_bulk

    def fails_after_writing(photos, **kwargs):
        real(photos, **kwargs)
        from django.db import IntegrityError

        raise IntegrityError("simulated, after the COPY")

    monkeypatch.setattr(records, "create_in_bulk", fails_after_writing)
    result = imports.import_blocks(blocks=blocks, near_duplicates=imports.SKIP, match_earlier_blocks=True)
    # block by block: each block in its own transaction, so each sees the ones before it
    assert (result.created, result.unchanged, result.skipped, result.failed) == (5, 1, 3, 0)
    assert Photo.objects.count() == 5 and Photo.history.count() == 5


def test_facet_counts_after_a_batched_import_equal_a_recount(tmp_path):
    run(tmp_path, FILE, "--near-duplicates=update", "--batch-size", "4")
    run(tmp_path, [boats(n) for n in range(20, 30)], "--near-duplicates=keep")
    counts = facet_counts()
    facet_summary.rebuild()
    assert facet_counts() == counts
    assert counts[("*", "n")] == Photo.objects.count()


def test_the_service_leaves_blocks_of_one_run_apart_unless_asked():
    # match_earlier_blocks is the callers' choice (import_captions and the paste page set it)
    result = imports.import_blocks(blocks=ingest.parse_blocks("\n---\n".join(FILE[:3])), near_duplicates=imports.UPDATE)
    assert (result.created, result.matches) == (3, [])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored tsvector is PostgreSQL's")
def test_photos_written_by_a_batch_are_found_by_their_words(tmp_path):
    run(tmp_path, FILE[:4], "--near-duplicates=update")  # one photo created then updated in the batch
    run(tmp_path, [boats(7, " Trawler.")], "--near-duplicates=update")  # ... and updated from the archive
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE search_document @@ plainto_tsquery('english', 'trawler')), "
            "count(*) FILTER (WHERE search_document @@ plainto_tsquery('english', 'container ship')), "
            "count(*) FILTER (WHERE search_document IS NULL) FROM captions_photo"
        )
        assert cursor.fetchone() == (1, 1, 0)


def test_the_imports_field_checks_raise_what_full_clean_raises():
    from django.core.exceptions import ValidationError

    [block] = ingest.parse_blocks(boats(1))
    values = imports.photo_values_from_parsed(block)
    broken = [
        {},
        {"language": "x" * 50},
        {"dpi": 0},
        {"width_px": -3, "date_precision": "fortnight"},
        {"date_start": values["date_end"].replace(year=2020), "date_end": values["date_end"]},
        {},
    ]
    checks = imports.FieldChecks()
    for _ in range(2):  # the second time every passing value is remembered
        for change in broken:
            photo = Photo(**{**values, **change})
            messages = []
            for check in (
                lambda p: p.full_clean(exclude=["place"], validate_unique=False, validate_constraints=False),
                checks.full_clean,
            ):
                try:
                    check(photo)
                    messages.append(None)
                except ValidationError as exc:
                    messages.append(exc.message_dict)
            assert messages[0] == messages[1], change
            assert (messages[0] is None) == (not change)


def test_near_duplicates_of_more_keys_than_one_statement_can_take():
    blocks = [
        f"Harbour cranes at dusk, frame {n}.\n{2000 + n} x 1000 px | 300dpi\nDate taken: 3 May 2019\n"
        "Location: Hamburg, Germany"
        for n in range(300)  # 300 keys x 8 parameters: three statements on SQLite
    ]
    imports.import_blocks(blocks=ingest.parse_blocks("\n---\n".join(blocks)))
    edited = ingest.parse_blocks("\n---\n".join(b.replace("Harbour cranes", "The harbour cranes") for b in blocks))
    matches = imports.match_blocks(edited)
    by_width = dict(Photo.objects.values_list("width_px", "pk"))
    assert [m.near.photo_id if m.near else None for m in matches] == [by_width[2000 + n] for n in range(300)]


@pytest.mark.parametrize("action", ["skip", "update", "keep"])
def test_a_dry_run_counts_what_the_run_then_does_with_the_files_own_near_duplicates(tmp_path, action):
    dry = run(tmp_path, FILE, f"--near-duplicates={action}", "--dry-run")
    assert Photo.objects.count() == 0 and dry[-1] == "dry run: nothing was saved"
    real = run(tmp_path, FILE, f"--near-duplicates={action}")
    assert dry[0] == real[0]  # the summary line: the same counts
    # the matches named alike: the earlier block in a dry run (no id yet), its photo after
    first = {"skip": "skipped, not saved", "update": "updated it", "keep": "kept both"}[action]
    assert f"block 2 ({FILE_LABEL}): matches block 1: {first}" in dry
    assert len([line for line in dry if "matches" in line]) == len([line for line in real if "matches" in line])
