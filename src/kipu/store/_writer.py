"""The one writer of a store: Parquet parts through ``.staging/``, the manifest, run reports."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pyarrow as pa
import pyarrow.parquet as pq

from kipu.errors import StoreError
from kipu.records import Article, Event, RunReport
from kipu.store._location import location
from kipu.store._lock import StoreLock
from kipu.store._schema import DOCUMENT_SCHEMA, EVENT_SCHEMA, article_to_row, event_to_row
from kipu.store._tables import TABLE_SCHEMAS

DEFAULT_STORE = Path("kipu-data")
DOCUMENTS = "documents"
EVENTS = "events"
RUNS = "runs"
STAGING = ".staging"
MANIFEST = "manifest.jsonl"
# The store's own tables besides documents and events (see _tables.py): one folder of parts each.
DUPLICATES = "duplicates"
SIGNATURES = "signatures"
REJECTED = "rejected"
PART_FOLDERS = (DOCUMENTS, EVENTS, DUPLICATES, SIGNATURES, REJECTED)
# Present in stores whose manifest lists every part it committed (kipu 0.2 on); readers and the
# writer then ignore parts no manifest line names (leftovers of a write a crash cut short).
FORMAT = "format"
FORMAT_VERSION = "2"

_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestEntry:
    """One input (or one shard of an input) the store holds completely."""

    input_hash: str  # ids.content_hash of the input's bytes
    input_id: str
    n_documents: int
    n_events: int
    run_id: str
    completed: str  # ISO timestamp
    shard: int | None = None  # None: the whole input is done; else this shard of it
    n_rejected: int = 0
    status: str = "complete"  # "complete", or "rejected" when nothing in it could be read


@dataclass(frozen=True, slots=True, kw_only=True)
class Commit:
    """One line of ``manifest.jsonl``: parts made visible together, and the inputs they complete."""

    run_id: str
    parts: tuple[str, ...]  # "events/<name>.parquet" ... relative to the store
    entries: tuple[ManifestEntry, ...]
    replaces: tuple[str, ...] = ()  # parts this commit supersedes (kipu compact)


def _now() -> str:
    """The current UTC time as an ISO timestamp."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fsync_dir(path: Path) -> None:
    """Make a rename or new file inside ``path`` durable (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _short_hash(ids: Iterable[str]) -> str:
    """Eight hex digits naming a part by the ids it holds."""
    digest = hashlib.sha256()
    for i in ids:
        digest.update(i.encode("utf-8") + b"\x1f")
    return digest.hexdigest()[:8]


def _repair_manifest(path: Path) -> None:
    """Cut a torn last line (no final newline) left by a crash, so appends start clean."""
    try:
        with path.open("rb+") as f:
            size = f.seek(0, os.SEEK_END)
            if size == 0:
                return
            f.seek(size - 1)
            if f.read(1) == b"\n":
                return
            end = size
            while end > 0:
                start = max(0, end - 65536)
                f.seek(start)
                newline = f.read(end - start).rfind(b"\n")
                if newline >= 0:
                    end = start + newline + 1
                    break
                end = start
            f.truncate(end)
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreError(f"cannot repair manifest {path}: {e}") from e


def read_manifest(store: str | os.PathLike[str]) -> list[ManifestEntry]:
    """The entries of a store's manifest, ignoring a torn last line."""
    return [entry for commit in read_commits(store) for entry in commit.entries]


def read_commits(store: str | os.PathLike[str]) -> list[Commit]:
    """Every line of a store's manifest as a Commit (older one-entry lines included)."""
    root = location(store)
    if isinstance(root, str):
        from kipu.store._remote import manifest_text, remote

        return _parse_commits(manifest_text(remote(root)), f"{root}/{MANIFEST}")
    path = root / MANIFEST
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    except OSError as e:
        raise StoreError(f"cannot read manifest {path}: {e}") from e
    return _parse_commits(text, path)


def _parse_commits(text: str, path: object) -> list[Commit]:
    """The commits of a manifest's text; a last line without its newline (cut short by a
    crash) is ignored."""
    lines = text.split("\n")
    lines.pop()  # "" after a final newline; else a line cut short by a crash: ignored
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entries.append(_commit(json.loads(line)))
        except (ValueError, TypeError, KeyError) as e:
            raise StoreError(f"{path}:{number}: bad manifest line: {e}") from e
    return entries


def _commit(data: dict[str, Any]) -> Commit:
    """A manifest line as a Commit: either a commit object or an older single entry."""
    if "parts" not in data:
        entry = ManifestEntry(**data)
        return Commit(run_id=entry.run_id, parts=(), entries=(entry,))
    return Commit(
        run_id=data["run_id"],
        parts=tuple(data["parts"]),
        entries=tuple(ManifestEntry(**e) for e in data.get("entries", ())),
        replaces=tuple(data.get("replaces", ())),
    )


def latest_entries(store: str | os.PathLike[str]) -> dict[tuple[str, int | None], ManifestEntry]:
    """The newest entry per (input, shard) that is not revoked: what the store holds."""
    latest: dict[tuple[str, int | None], ManifestEntry] = {}
    for entry in read_manifest(store):
        if not entry.input_hash:
            continue
        key = (entry.input_hash, entry.shard)
        if entry.status == "revoked":
            latest.pop(key, None)
        else:
            latest[key] = entry
    return latest


def committed_parts(store: str | os.PathLike[str]) -> set[str] | None:
    """The parts the manifest makes visible, or None for an older store (every part counts)."""
    root = location(store)
    if isinstance(root, str):
        from kipu.store._remote import has_format, remote

        if not has_format(remote(root)):
            return None
    elif not (root / FORMAT).exists():
        return None
    visible: set[str] = set()
    for commit in read_commits(store):
        visible.difference_update(commit.replaces)
        visible.update(commit.parts)
    return visible


def list_parts(store: str | os.PathLike[str], folder: str) -> list[Path]:
    """The committed Parquet parts of one folder of the store that exist, sorted by name.

    Taken from the manifest, not from the folder: a part the folder does not hold yet, or no
    longer, cannot be half-seen while ``kipu compact`` replaces parts (see ``missing_parts``).
    For a store at a URL, local copies of its parts (``kipu.store._remote.mirror``).
    """
    root = location(store)
    if isinstance(root, str):
        from kipu.store._remote import remote_parts

        return remote_parts(root, folder)
    visible = committed_parts(root)
    if visible is None:
        return sorted((root / folder).glob("*.parquet"))
    prefix = f"{folder}/"
    return sorted(
        root / name for name in visible if name.startswith(prefix) and (root / name).exists()
    )


def missing_parts(store: str | os.PathLike[str]) -> list[str]:
    """Committed parts whose files are gone (deleted under the store), by name."""
    root = location(store)
    if isinstance(root, str):
        from kipu.store._remote import missing_remote_parts

        return missing_remote_parts(root)
    return sorted(name for name in committed_parts(root) or () if not (root / name).exists())


# The schema of each folder's parts.
SCHEMAS: dict[str, pa.Schema] = {DOCUMENTS: DOCUMENT_SCHEMA, EVENTS: EVENT_SCHEMA, **TABLE_SCHEMAS}
# A part to write: its folder, its file name, its rows and their schema.
PlannedPart = tuple[str, str, list[dict[str, Any]], pa.Schema]


class StoreWriter:
    """The single writer of a store; open with :meth:`open`, use as a context manager."""

    def __init__(self, path: Path, run_id: str, lock: StoreLock) -> None:
        self.path = path
        self.run_id = run_id
        self._lock: StoreLock | None = lock
        self._seq = _next_seq(path, run_id)

    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULT_STORE, *, run_id: str) -> StoreWriter:
        """Create the store's folders if needed, take its lock and clear ``.staging/``."""
        if not _RUN_ID.fullmatch(run_id):
            raise StoreError(
                f"bad run id {run_id!r}: use letters, digits, '.', '_' and '-' (no slashes)"
            )
        root = location(path)
        if isinstance(root, str):  # a store at a URL, written through fsspec
            from kipu.store._remote import open_writer

            return open_writer(root, run_id)
        store = root
        try:
            store.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create store {store}: {e}") from e
        lock = StoreLock.acquire(store)
        try:
            _prepare(store)
        except BaseException:
            lock.release()
            raise
        return cls(store, run_id, lock)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the lock; the writer cannot write after this."""
        if self._lock is not None:
            lock, self._lock = self._lock, None
            lock.release()

    def _check_open(self) -> None:
        """Raise StoreError if the writer was closed."""
        if self._lock is None:
            raise StoreError(f"the writer of store {self.path} is closed")

    def completed_inputs(self) -> set[str]:
        """The hashes of the inputs the manifest records as complete."""
        return {e.input_hash for e in latest_entries(self.path).values() if e.shard is None}

    def known_doc_ids(self) -> set[str]:
        """The doc_ids already stored in the document parts."""
        ids: set[str] = set()
        for part in list_parts(self.path, DOCUMENTS):
            try:
                column = pq.read_table(part, columns=["doc_id"]).column("doc_id")
            except (OSError, pa.ArrowException) as e:
                raise StoreError(f"cannot read document part {part}: {e}") from e
            ids.update(column.to_pylist())
        return ids

    def write(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        completed: Sequence[ManifestEntry] = (),
        *,
        tables: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> None:
        """Store articles, events and rows of the store's own ``tables`` as new parts.

        The parts and the ``completed`` entries become visible together, in one manifest line
        appended after the parts are in place: a crash at any moment leaves either all or none.
        """
        self._check_open()
        planned = self._planned(articles, events, tables)
        staged: list[tuple[Path, Path]] = []
        try:
            for part in planned:
                staged.append(self._stage(*part))
            self._publish(staged)
        finally:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
        parts = tuple(f"{final.parent.name}/{final.name}" for _, final in staged)
        if parts or completed:
            commit = Commit(run_id=self.run_id, parts=parts, entries=tuple(completed))
            try:
                self._append_commit(commit)
            except StoreError:
                for _, final in staged:  # never committed: not part of the store
                    final.unlink(missing_ok=True)
                raise

    def replace_parts(
        self,
        new: Mapping[str, Sequence[dict[str, Any]]],
        old: Sequence[str],
        *,
        revoked: Sequence[ManifestEntry] = (),
    ) -> None:
        """Write ``new`` rows by table as parts that supersede the parts ``old`` (compaction)."""
        self._check_open()
        planned = self._planned_rows(new)
        staged: list[tuple[Path, Path]] = []
        try:
            for part in planned:
                staged.append(self._stage(*part))
            self._publish(staged)
        finally:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
        parts = tuple(f"{final.parent.name}/{final.name}" for _, final in staged)
        self._append_commit(
            Commit(run_id=self.run_id, parts=parts, entries=tuple(revoked), replaces=tuple(old))
        )
        for name in old:
            (self.path / name).unlink(missing_ok=True)

    def write_report(self, report: RunReport) -> Path:
        """Write (or replace) ``runs/<run_id>.json`` for a run report."""
        text = self._report_text(report)
        tmp = self.path / STAGING / f"{report.run_id}.json"
        final = self.path / RUNS / f"{report.run_id}.json"
        try:
            with tmp.open("w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write run report {final}: {e}") from e
        return final

    def _planned(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        tables: Mapping[str, Sequence[dict[str, Any]]] | None,
    ) -> list[PlannedPart]:
        """The parts one ``write`` commits: a folder, a part name, rows and their schema each
        (the same for a folder store and a store at a URL, which differ in how they put them)."""
        ingested = _now()
        seq = self._seq
        self._seq += 1
        planned: list[PlannedPart] = []
        if articles:
            rows = [article_to_row(a, ingested=ingested, run_id=self.run_id) for a in articles]
            name = self._part_name(seq, (a.doc_id for a in articles))
            planned.append((DOCUMENTS, name, rows, DOCUMENT_SCHEMA))
        if events:
            rows = [event_to_row(e, run_id=self.run_id) for e in events]
            name = self._part_name(seq, (e.event_id for e in events))
            planned.append((EVENTS, name, rows, EVENT_SCHEMA))
        for kind, table_rows in (tables or {}).items():
            if table_rows:
                key = TABLE_SCHEMAS[kind].names[0]
                name = self._part_name(seq, (str(r[key]) for r in table_rows))
                planned.append((kind, name, list(table_rows), TABLE_SCHEMAS[kind]))
        return planned

    def _planned_rows(self, new: Mapping[str, Sequence[dict[str, Any]]]) -> list[PlannedPart]:
        """The parts of rows already in the store's schemas, by folder (compaction)."""
        seq = self._seq
        self._seq += 1
        planned: list[PlannedPart] = []
        for kind, rows in new.items():
            if rows:
                schema = SCHEMAS[kind]
                name = self._part_name(seq, (str(r[schema.names[0]]) for r in rows))
                planned.append((kind, name, list(rows), schema))
        return planned

    def _report_text(self, report: RunReport) -> str:
        """The JSON of a run report, checked for a run id that names a file."""
        self._check_open()
        if not _RUN_ID.fullmatch(report.run_id):
            raise StoreError(f"bad run id {report.run_id!r} in report")
        return json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n"

    def _part_name(self, seq: int, ids: Iterable[str]) -> str:
        """The file name of a new part: ``<run_id>-<seq:05d>-<short hash>.parquet``."""
        return f"{self.run_id}-{seq:05d}-{_short_hash(ids)}.parquet"

    def _stage(
        self, kind: str, name: str, rows: list[dict[str, Any]], schema: pa.Schema
    ) -> tuple[Path, Path]:
        """Write rows as a Parquet file in ``.staging/``, flushed and fsynced."""
        tmp = self.path / STAGING / f"{kind}-{name}"
        try:
            table = pa.Table.from_pylist(rows, schema=schema)
        except (pa.ArrowException, ValueError, TypeError) as e:
            raise StoreError(f"cannot convert {kind} to the store's schema: {e}") from e
        try:
            with tmp.open("wb") as f:
                pq.write_table(table, f, compression="zstd")
                f.flush()
                os.fsync(f.fileno())
        except (OSError, pa.ArrowException) as e:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"cannot write {kind} part {tmp}: {e}") from e
        return tmp, self.path / kind / name

    def _publish(self, staged: list[tuple[Path, Path]]) -> None:
        """Move staged parts into place; on failure remove the ones already moved."""
        done: list[Path] = []
        try:
            for tmp, final in staged:
                os.replace(tmp, final)
                done.append(final)
            for final in done:
                _fsync_dir(final.parent)
        except OSError as e:
            for final in done:
                final.unlink(missing_ok=True)
            raise StoreError(f"cannot move parts into store {self.path}: {e}") from e

    def _append_commit(self, commit: Commit) -> None:
        """Append one commit line to ``manifest.jsonl``, flushed and fsynced."""
        path = self.path / MANIFEST
        text = json.dumps(asdict(commit), ensure_ascii=False) + "\n"
        try:
            with path.open("a", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            raise StoreError(f"cannot append to manifest {path}: {e}") from e


def _prepare(store: Path) -> None:
    """Create the folders, remove staging leftovers and uncommitted parts, repair the manifest."""
    staging = store / STAGING
    try:
        if staging.exists():
            shutil.rmtree(staging)
        for name in (*PART_FOLDERS, RUNS, STAGING):
            (store / name).mkdir(exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot prepare store {store}: {e}") from e
    _repair_manifest(store / MANIFEST)
    if not (store / FORMAT).exists():
        _adopt(store)
    visible = committed_parts(store) or set()
    for folder in PART_FOLDERS:
        for part in (store / folder).glob("*.parquet"):
            if f"{folder}/{part.name}" not in visible:
                part.unlink(missing_ok=True)


def _adopt(store: Path) -> None:
    """Turn an older store (or a new one) into one whose manifest lists its parts."""
    parts = tuple(
        f"{folder}/{p.name}"
        for folder in PART_FOLDERS
        for p in sorted((store / folder).glob("*.parquet"))
    )
    path = store / MANIFEST
    try:
        if parts:
            commit = Commit(run_id="adopted", parts=parts, entries=())
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(asdict(commit), ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
        tmp = store / STAGING / FORMAT
        tmp.write_text(FORMAT_VERSION + "\n", encoding="utf-8")
        os.replace(tmp, store / FORMAT)
        _fsync_dir(store)
    except OSError as e:
        raise StoreError(f"cannot record the parts of store {store}: {e}") from e


def _next_seq(store: Path, run_id: str) -> int:
    """The next part sequence number for ``run_id`` (one past the highest already stored)."""
    prefix = f"{run_id}-"
    highest = -1
    for kind in PART_FOLDERS:
        for part in (store / kind).glob("*.parquet"):
            rest = part.name.removeprefix(prefix)
            if rest == part.name:
                continue
            seq = rest.split("-", 1)[0]
            if seq.isdigit():
                highest = max(highest, int(seq))
    return highest + 1
