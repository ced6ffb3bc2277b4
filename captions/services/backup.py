"""The archive backup: the whole archive out to a folder and back, identical
(`manage.py export_archive PATH`, `manage.py import_archive PATH`), and one photo back from
such a folder (`import_archive PATH --photo ID`).

The folder:

    PATH/archive.jsonl      one JSON object per line:
                            {"type": "archive", "format": "photo-archive/1", ...}   first
                            {"type": "place" | "article" | "photo" | ..., "row": {...}}
                            {"type": "end", "counts": {...}}                        last
    PATH/files/ab/<sha256>.<ext>   every image file and rendition, named by its content hash

A row holds every column of its table (selectors.backup), values as JSON: dates and times in
ISO 8601 (times in UTC, to the microsecond), files by their storage name; a photo line adds
the ids of its articles and the SHA-256 of each of its files. History is optional
(`--history`). Users and the audit trail are not part of it (see docs/OPERATIONS.md).

A restore goes into an empty archive only, in one transaction, and is refused whole, with the
line at fault, when anything is wrong: an unknown format or field, a value that does not read,
a missing or altered file, a missing last line (a file cut short), an unsafe file name. Rows
keep their ids, so every address (/photos/123/) still leads to the same photo.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from captions.core.vocabulary import change_reason
from captions.models import Article, Photo, Place
from captions.selectors import backup as tables
from captions.selectors.backup import HISTORY_TABLES, TABLES
from captions.selectors.photos import find_duplicate, find_existing_photo
from captions.services import records

FORMAT = "photo-archive/1"
ARCHIVE_FILE = "archive.jsonl"
FILES_DIR = "files"
FILE_FIELDS = ("image", "thumbnail", "preview")
ORDER = ("place", "article", "photo", *HISTORY_TABLES)
BATCH_SIZE = 1000
READ_BLOCK = 1 << 20

SHA256 = re.compile(r"^[0-9a-f]{64}$")
# A storage name is relative, in plain segments: no "..", no leading "/" or ".", no backslash.
SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")
SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")


class ArchiveError(Exception):
    """The archive cannot be written or read; the message says where and why."""


def safe_storage_name(name: str) -> bool:
    parts = PurePosixPath(name).parts if name else ()
    return bool(parts) and len(name) <= 100 and "\\" not in name and all(SAFE_SEGMENT.match(p) for p in parts)


def _extension(name: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    return ext if SAFE_EXTENSION.match(ext) else ""


def _file_path(root: Path, sha: str, name: str) -> Path:
    return root / FILES_DIR / sha[:2] / f"{sha}{_extension(name)}"


def _encode(value):
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def _sha256_of(handle) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while block := handle.read(READ_BLOCK):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


# --- out ----------------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    missing: list[str] = field(default_factory=list)  # storage names a photo names but storage lacks

    @property
    def line(self) -> str:
        parts = [f"{table} {n}" for table, n in self.counts.items()]
        return f"wrote {self.path}: " + ", ".join(parts) + f", files {self.files} ({self.bytes:,} bytes)"


def _copy_out(root: Path, name: str, summary: ExportSummary, seen: set[str]) -> str | None:
    """Copy one stored file into the archive under its hash; None when storage lacks it."""
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        summary.missing.append(name)
        return None
    with handle, tempfile.NamedTemporaryFile(dir=root / FILES_DIR, delete=False) as out:
        digest, size = hashlib.sha256(), 0
        while block := handle.read(READ_BLOCK):
            digest.update(block)
            out.write(block)
            size += len(block)
    sha = digest.hexdigest()
    target = _file_path(root, sha, name)
    if sha in seen or target.exists():
        os.unlink(out.name)
    else:
        target.parent.mkdir(exist_ok=True)
        os.replace(out.name, target)
        summary.files += 1
        summary.bytes += size
    seen.add(sha)
    return sha


def export_archive(path, *, history: bool = False) -> ExportSummary:
    """Write the whole archive to the folder `path` (created; it must be empty if it exists).
    archive.jsonl appears only once complete (written under another name until then)."""
    root = Path(path)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ArchiveError(f"{root} exists and is not an empty folder: give a new or empty folder")
    (root / FILES_DIR).mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(path=root)
    seen: set[str] = set()
    partial = root / (ARCHIVE_FILE + ".partial")
    wanted = [t for t in ORDER if history or t not in HISTORY_TABLES]
    with transaction.atomic(), open(partial, "w", encoding="utf-8") as out:  # one consistent snapshot
        out.write(
            _dumps(
                {
                    "type": "archive",
                    "format": FORMAT,
                    "exported_at": _encode(timezone.now()),
                    "history": history,
                    "tables": wanted,
                }
            )
        )
        for table in wanted:
            count = 0
            for row in tables.table_rows(table):
                line = {"type": table}
                if table == "photo":
                    line["articles"] = row.pop("articles")
                    files = {}
                    for name_field in FILE_FIELDS:
                        if row[name_field]:
                            files[name_field] = _copy_out(root, row[name_field], summary, seen)
                    line["files"] = files
                line["row"] = {key: _encode(value) for key, value in row.items()}
                out.write(_dumps(line))
                count += 1
            summary.counts[table] = count
        out.write(_dumps({"type": "end", "counts": summary.counts, "files": summary.files}))
    os.replace(partial, root / ARCHIVE_FILE)
    return summary


# --- reading an archive -------------------------------------------------------------------------


def archive_file(path) -> Path:
    root = Path(path)
    candidate = root / ARCHIVE_FILE if root.is_dir() else root
    if not candidate.is_file():
        raise ArchiveError(f"{candidate} is not there: give the folder export_archive wrote")
    return candidate


def read_lines(path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every line, the first checked to be an archive of this
    format, the last to be its end line with counts that match (a file cut short is refused)."""
    counts: dict[str, int] = {}
    ended = False
    with open(archive_file(path), encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if ended:
                raise ArchiveError(f"line {number}: text after the end line")
            try:
                line = json.loads(text)
            except ValueError as exc:
                raise ArchiveError(f"line {number}: not JSON ({exc.msg})") from None
            if not isinstance(line, dict) or not isinstance(line.get("type"), str):
                raise ArchiveError(f'line {number}: not an archive line (no "type")')
            kind = line["type"]
            if number == 1:
                if kind != "archive" or line.get("format") != FORMAT:
                    raise ArchiveError(f"line 1: not a {FORMAT} archive (found {line.get('format')!r})")
            elif kind == "end":
                if line.get("counts") != counts:
                    raise ArchiveError(
                        f"line {number}: the end line counts {line.get('counts')}, the file holds {counts}"
                    )
                ended = True
            elif kind not in TABLES:
                raise ArchiveError(f"line {number}: unknown type {kind!r}")
            else:
                if not isinstance(line.get("row"), dict):
                    raise ArchiveError(f'line {number}: no "row"')
                counts[kind] = counts.get(kind, 0) + 1
            yield number, line
    if not ended:
        raise ArchiveError("the archive ends without its end line: it was cut short; nothing was restored")


def decode_row(number: int, table: str, row: dict, user_ids: dict[str, int]) -> dict:
    """{attname: Python value} for one row, every value read by its model field."""
    model = TABLES[table]
    known = {}
    for model_field in tables.columns(model):
        known[model_field.name if tables.names_user(model_field) else model_field.attname] = model_field
    unknown = sorted(set(row) - set(known))
    if unknown:
        raise ArchiveError(f"line {number}: {table} has no field {', '.join(unknown)}")
    values = {}
    for key, value in row.items():
        model_field = known[key]
        if tables.names_user(model_field):
            values[model_field.attname] = user_ids.get(value) if value is not None else None
            continue
        try:
            values[model_field.attname] = None if value is None else model_field.to_python(value)
        except ValidationError as exc:
            raise ArchiveError(f"line {number}: {table} {key}={value!r}: {' '.join(exc.messages)}") from None
        if model_field.attname in FILE_FIELDS and value and not safe_storage_name(value):
            raise ArchiveError(f"line {number}: {key}={value!r} is not a safe file name")
    return values


def _restore_file(root: Path, number: int, name: str, sha, storage_names: set[str]) -> bool:
    """Put one archived file into storage under `name`, checking its hash. False when the
    archive says storage lacked it when the backup was made."""
    if sha is None:
        return False
    if not isinstance(sha, str) or not SHA256.match(sha):
        raise ArchiveError(f"line {number}: {sha!r} is not a SHA-256")
    if not safe_storage_name(name):
        raise ArchiveError(f"line {number}: {name!r} is not a safe file name")
    source = _file_path(root, sha, name)
    if not source.is_file():
        raise ArchiveError(f"line {number}: the file {source.relative_to(root)} for {name} is missing from the archive")
    with open(source, "rb") as handle:
        found, _ = _sha256_of(handle)
        if found != sha:
            raise ArchiveError(f"line {number}: {source.relative_to(root)} has been altered (its SHA-256 is {found})")
        if name in storage_names:
            return True
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as present:
                if _sha256_of(present)[0] == sha:
                    storage_names.add(name)
                    return True
            default_storage.delete(name)
        handle.seek(0)
        saved = default_storage.save(name, File(handle))
    if saved != name:
        raise ArchiveError(f"line {number}: storage put {name} at {saved}")
    storage_names.add(name)
    return True


# --- in -----------------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    counts: dict[str, int] = field(default_factory=dict)
    links: int = 0
    files: int = 0
    exported_at: str = ""

    @property
    def line(self) -> str:
        parts = [f"{table} {n}" for table, n in self.counts.items()]
        return (
            f"restored the archive of {self.exported_at}: "
            + ", ".join(parts)
            + f", links {self.links}, files {self.files}"
        )


def _insert(model, objects: list) -> None:
    """Insert rows exactly as given: ids, and `created_at`/`updated_at` too. `bulk_create`
    would stamp auto_now fields with the time of the restore; the raw insert Django's own
    `loaddata` relies on keeps them (QuerySet._insert with raw=True, in batches)."""
    if not objects:
        return
    fields = list(model._meta.local_concrete_fields)
    batch = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    for start in range(0, len(objects), batch):
        model._base_manager._insert(objects[start : start + batch], fields=fields, raw=True)


class _Batches:
    """Rows waiting to be inserted, table by table, in the order the archive gives them."""

    def __init__(self, summary: ImportSummary):
        self.summary = summary
        self.table: str | None = None
        self.first_line = 0
        self.rows: list = []
        self.links: list = []

    def add(self, number: int, table: str, values: dict, articles=()):
        if table != self.table or len(self.rows) >= BATCH_SIZE:
            self.flush()
            self.table, self.first_line = table, number
        self.rows.append(TABLES[table](**values))
        self.links += [tables.PhotoLink(photo_id=values["id"], article_id=a) for a in articles]
        self.summary.counts[table] = self.summary.counts.get(table, 0) + 1

    def flush(self):
        if not self.rows:
            return
        try:
            with transaction.atomic():
                _insert(TABLES[self.table], self.rows)
                if self.links:
                    tables.PhotoLink.objects.bulk_create(self.links)
        except (IntegrityError, DatabaseError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ArchiveError(
                f"lines {self.first_line}-{self.first_line + len(self.rows) - 1} ({self.table}): {first}"
            )
        self.summary.links += len(self.links)
        self.rows, self.links = [], []


def _articles_of(number: int, line: dict) -> list[int]:
    articles = line.get("articles", [])
    if not isinstance(articles, list) or not all(isinstance(a, int) and not isinstance(a, bool) for a in articles):
        raise ArchiveError(f'line {number}: "articles" is not a list of ids')
    return articles


def _files_of(number: int, line: dict) -> dict:
    files = line.get("files", {})
    if not isinstance(files, dict) or set(files) - set(FILE_FIELDS):
        raise ArchiveError(f'line {number}: "files" names something other than {", ".join(FILE_FIELDS)}')
    return files


def import_archive(path) -> ImportSummary:
    """Restore a whole archive folder into an empty archive, in one transaction."""
    root = archive_file(path).parent
    present = tables.holds_rows(TABLES)
    if present:
        held = ", ".join(f"{n} {table}" for table, n in present.items())
        raise ArchiveError(
            f"this database already holds {held}: import_archive restores into an empty archive only "
            "(to bring back one photo, use --photo ID)"
        )
    summary = ImportSummary()
    user_ids = tables.user_ids_by_name()
    storage_names: set[str] = set()
    with transaction.atomic():
        batches = _Batches(summary)
        for number, line in read_lines(path):
            kind = line["type"]
            if kind == "archive":
                summary.exported_at = str(line.get("exported_at", ""))
                continue
            if kind == "end":
                continue
            values = decode_row(number, kind, line["row"], user_ids)
            articles = _articles_of(number, line) if kind == "photo" else ()
            if kind == "photo":
                for name_field, sha in _files_of(number, line).items():
                    if values.get(name_field) and _restore_file(root, number, values[name_field], sha, storage_names):
                        summary.files += 1
            batches.add(number, kind, values, articles)
        batches.flush()
        try:  # links and places are checked at commit (deferred): check them here, with a message
            connection.check_constraints()
        except IntegrityError as exc:
            raise ArchiveError(f"the archive points at rows it does not hold: {str(exc).splitlines()[0]}") from None
        _reset_sequences()
    return summary


def _reset_sequences() -> None:
    """Rows came with their ids: PostgreSQL's sequences must move past them (SQLite needs
    nothing)."""
    models = [*TABLES.values(), tables.PhotoLink]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# --- one photo ------------------------------------------------------------------------------------


@dataclass
class PhotoRestore:
    photo_id: int
    recreated: bool
    articles_linked: int = 0
    articles_recreated: int = 0
    place_recreated: bool = False
    files: int = 0
    exported_at: str = ""

    @property
    def line(self) -> str:
        how = "recreated" if self.recreated else "restored over the current record"
        parts = [f"photo {self.photo_id} {how} from the archive of {self.exported_at}"]
        plural = "" if self.articles_linked == 1 else "s"
        parts.append(f"{self.articles_linked} article{plural} linked ({self.articles_recreated} recreated)")
        if self.place_recreated:
            parts.append("its place recreated")
        parts.append(f"files {self.files}")
        return ", ".join(parts)


def _find_lines(path, photo_id: int) -> tuple[str, tuple[int, dict], dict, dict]:
    """The archive's header date, the photo's line, and the lines of its place and articles
    (two passes: places and articles come before the photos that need them)."""
    exported_at, found = "", None
    for number, line in read_lines(path):
        if line["type"] == "archive":
            exported_at = str(line.get("exported_at", ""))
        elif line["type"] == "photo" and line["row"].get("id") == photo_id:
            found = (number, line)
    if found is None:
        raise ArchiveError(f"photo {photo_id} is not in this archive")
    number, line = found
    place_id = line["row"].get("place_id")
    wanted_articles = set(_articles_of(number, line))
    places, articles = {}, {}
    for other_number, other in read_lines(path):
        if other["type"] == "place" and other["row"].get("id") == place_id:
            places[place_id] = (other_number, other)
        elif other["type"] == "article" and other["row"].get("id") in wanted_articles:
            articles[other["row"]["id"]] = (other_number, other)
    return exported_at, found, places, articles


def restore_photo(path, photo_id: int, *, user=None) -> PhotoRestore:
    """Bring one photo back from an archive folder into the live archive: recreated when it
    was deleted, its archived values written over it when it was damaged. Its place and
    articles are linked (and recreated when they are gone too); its files are put back. The
    save leaves a history record ("Restored from the archive of …") and a new version, so an
    editor with the photo open is told rather than overwriting it. Written, like every photo,
    through `records.save_photo`: validated, versioned, in history."""
    root = archive_file(path).parent
    exported_at, (number, line), places, articles = _find_lines(path, photo_id)
    values = decode_row(number, "photo", line["row"], {})
    result = PhotoRestore(photo_id=photo_id, recreated=False, exported_at=exported_at)
    try:
        with transaction.atomic():
            values["place_id"], result.place_recreated = _restored_place(values.get("place_id"), places)
            linked = []
            for article_id in _articles_of(number, line):
                article, recreated = _restored_article(article_id, articles)
                if article is not None:
                    linked.append(article)
                    result.articles_recreated += recreated
            result.articles_linked = len(linked)
            for name_field, sha in _files_of(number, line).items():
                if values.get(name_field) and _restore_file(root, number, values[name_field], sha, set()):
                    result.files += 1
            current = Photo.objects.select_for_update().filter(pk=photo_id).first()
            result.recreated = current is None
            _refuse_clash(photo_id, values)
            photo = Photo(**values)
            photo.version = current.version if current else values.get("version", 1)  # save_photo bumps it
            photo._state.adding = current is None  # so its own row is no clash for the unique checks
            records.save_photo(photo=photo, user=user, reason=change_reason("restored", exported_at=exported_at))
            if current is None and values.get("created_at"):  # auto_now_add stamped the restore time
                Photo.objects.filter(pk=photo_id).update(created_at=values["created_at"])
            photo.articles.set(linked)
    except ValidationError as exc:
        raise ArchiveError(f"photo {photo_id} cannot be restored: {' '.join(exc.messages)}") from None
    except IntegrityError as exc:
        raise ArchiveError(f"photo {photo_id} cannot be restored: {str(exc).splitlines()[0]}") from None
    return result


def _refuse_clash(photo_id: int, values: dict) -> None:
    """Name the record that now holds what the photo's identity needs (its supplier and image
    id, its text fingerprint, its image file), rather than a constraint's name."""
    same = find_existing_photo(
        supplier=values.get("supplier", ""),
        source_id=values.get("source_id", ""),
        fingerprint=values.get("fingerprint", ""),
    )
    if same is not None and same.pk != photo_id:
        what = "supplier and image id" if values.get("source_id") else "caption block (fingerprint)"
        raise ArchiveError(f"photo {photo_id} cannot be restored: photo {same.pk} now holds its {what}")
    if values.get("content_hash"):
        duplicate = find_duplicate(content_hash=values["content_hash"], exclude_pk=photo_id)
        if duplicate is not None:
            raise ArchiveError(f"photo {photo_id} cannot be restored: photo {duplicate.pk} now holds its image file")


def _restored_place(place_id, places: dict) -> tuple[int | None, bool]:
    if place_id is None or Place.objects.filter(pk=place_id).exists():
        return place_id, False
    if place_id not in places:
        return None, False
    number, line = places[place_id]
    values = decode_row(number, "place", line["row"], {})
    same = Place.objects.filter(
        sublocation=values["sublocation"],
        city=values["city"],
        region=values["region"],
        country_code=values["country_code"],
    ).first()
    if same is not None:
        return same.pk, False
    _insert(Place, [Place(**values)])
    _reset_sequences()
    return place_id, True


def _restored_article(article_id: int, articles: dict) -> tuple[Article | None, bool]:
    current = Article.objects.filter(pk=article_id).first()
    if current is not None:
        return current, False
    if article_id not in articles:
        return None, False
    number, line = articles[article_id]
    values = decode_row(number, "article", line["row"], {})
    if values.get("url"):
        same = Article.objects.filter(url=values["url"]).first()
        if same is not None:
            return same, False
    _insert(Article, [Article(**values)])
    _reset_sequences()
    return Article.objects.get(pk=article_id), True
