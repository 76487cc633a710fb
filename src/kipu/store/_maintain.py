"""Keep a store healthy: ``compact`` merges parts and drops duplicate ids; ``doctor`` checks it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from kipu.errors import StoreError
from kipu.store._location import location, store_exists
from kipu.store._lock import LOCK_NAME, _pid_alive
from kipu.store._query import _literal
from kipu.store._writer import (
    FORMAT,
    MANIFEST,
    PART_FOLDERS,
    STAGING,
    ManifestEntry,
    StoreWriter,
    committed_parts,
    list_parts,
    read_commits,
)

# id columns by part folder: copies of one id are duplicates (the first by part name is kept).
_KEYS = {
    "documents": "doc_id",
    "events": "event_id",
    "duplicates": "doc_id",
    "signatures": "doc_id",
    "rejected": "item_id, stage, reason",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong with a store, and how to fix it."""

    kind: str  # "unreadable_part", "missing_part", "duplicate_ids", "uncommitted_part" ...
    detail: str
    fix: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CompactResult:
    """What compaction did: parts before and after, rows dropped as duplicate ids, by folder."""

    parts_before: int
    parts_after: int
    dropped: dict[str, int]
    unreadable: tuple[str, ...]


def _part(root: Path | str, name: str) -> Path | None:
    """A committed part as a file to read (for a store at a URL, its local copy), or None
    when it is gone."""
    if isinstance(root, Path):
        path = root / name
        return path if path.exists() else None
    from kipu.store._remote import mirror, remote

    store = remote(root)
    if not store.exists(name):
        return None
    try:
        return mirror(store, [name])[0]
    except StoreError:
        return None


def _readable(part: Path) -> bool:
    """Whether a Parquet part opens and its row groups can be read."""
    try:
        pq.read_table(part)
    except (OSError, pa.ArrowException):
        return False
    return True


def doctor(store: str | os.PathLike[str]) -> list[Problem]:
    """Check a store without changing it; an empty list means healthy."""
    where = location(store)
    if isinstance(where, str):
        return _doctor_remote(where)
    root = where
    if not root.is_dir():
        raise StoreError(f"no kipu store at {root}")
    problems: list[Problem] = []
    visible = committed_parts(root)
    if visible is None:
        problems.append(
            Problem(
                kind="old_format",
                detail="the manifest does not list the store's parts (written before kipu 0.2)",
                fix="run any writing command (kipu compact) once to adopt the existing parts",
            )
        )
    for name in sorted(visible or ()):
        if not (root / name).exists():
            problems.append(
                Problem(
                    kind="missing_part",
                    detail=f"manifest lists {name}, which is gone",
                    fix="run `kipu compact --drop-unreadable`, then the same ingest again",
                )
            )
    for folder in PART_FOLDERS:
        for part in sorted((root / folder).glob("*.parquet")):
            name = f"{folder}/{part.name}"
            if visible is not None and name not in visible:
                problems.append(_uncommitted(name))
            elif not _readable(part):
                problems.append(_unreadable(name))
    problems += _duplicates(root)
    staging = root / STAGING
    if staging.is_dir() and any(staging.iterdir()):
        problems.append(
            Problem(
                kind="staging_leftovers",
                detail=f"{staging} holds files of an interrupted write",
                fix="the next ingest or compact removes them",
            )
        )
    lock = root / LOCK_NAME
    if lock.exists():
        try:
            pid = int(json.loads(lock.read_text(encoding="utf-8"))["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            pid = -1
        if not _pid_alive(pid):
            problems.append(
                Problem(
                    kind="stale_lock",
                    detail=f"{lock} names process {pid}, which is not running",
                    fix="the next ingest takes it over; or remove the file",
                )
            )
    return problems


def _duplicates(root: Path | str) -> list[Problem]:
    """Ids stored in more than one row of the readable committed parts."""
    problems = []
    con = duckdb.connect(":memory:")
    try:
        for folder, key in _KEYS.items():
            parts = [str(p) for p in list_parts(root, folder) if p.exists() and _readable(p)]
            if not parts:
                continue
            row = con.execute(
                f"SELECT count(*) - count(DISTINCT ({key})) FROM read_parquet(?)", [parts]
            ).fetchall()[0]
            extra = int(row[0]) if row else 0
            if extra:
                problems.append(
                    Problem(
                        kind="duplicate_ids",
                        detail=f"{extra} extra copies of ids in {folder}/ (queries show one)",
                        fix="run `kipu compact` to drop them",
                    )
                )
    except duckdb.Error as e:
        raise StoreError(f"cannot check store {root}: {e}") from e
    finally:
        con.close()
    return problems


def compact(
    store: str | os.PathLike[str], *, run_id: str, drop_unreadable: bool = False
) -> CompactResult:
    """Merge each folder's parts into one, keeping one row per id; takes the writer's lock.

    A store at a URL is compacted the same way, from local copies of its parts."""
    root = location(store)
    if isinstance(root, str):
        if not store_exists(root):
            raise StoreError(f"no kipu store at {root}")
    elif not (root / MANIFEST).exists() and not (root / FORMAT).exists() and not root.is_dir():
        raise StoreError(f"no kipu store at {root}")
    with StoreWriter.open(root, run_id=run_id) as writer:
        unreadable: list[str] = []
        old: list[str] = []
        new: dict[str, list[dict[str, object]]] = {}
        dropped: dict[str, int] = {}
        visible = committed_parts(root) or set()
        for name in sorted(visible):
            part = _part(root, name)
            if part is None or not _readable(part):
                unreadable.append(name)
        if unreadable and not drop_unreadable:
            raise StoreError(
                f"{len(unreadable)} parts cannot be read ({unreadable[0]} ...); "
                "run `kipu compact --drop-unreadable`, then the same ingest again"
            )
        # The rows of a lost part's shards are dropped from every table, so a rerun redoes
        # those shards whole (kept documents would pass as already stored, without events).
        lost, revoked = _lost_with(root, set(unreadable))
        con = duckdb.connect(":memory:")
        try:
            for folder, key in _KEYS.items():
                parts = [p for p in list_parts(root, folder) if f"{folder}/{p.name}" not in lost]
                if len(parts) <= 1 and not lost.intersection(_names(root, folder)):
                    continue
                names = [f"{folder}/{p.name}" for p in parts]
                if parts:
                    files = "[" + ", ".join(_literal(str(p)) for p in parts) + "]"
                    table = con.sql(
                        f"SELECT * EXCLUDE (filename) FROM read_parquet({files}, filename = true, "
                        f"union_by_name = true) QUALIFY row_number() OVER (PARTITION BY {key} "
                        "ORDER BY filename) = 1 ORDER BY filename"
                    ).to_arrow_table()
                    n_rows = sum(pq.read_metadata(p).num_rows for p in parts)
                    dropped[folder] = n_rows - table.num_rows
                    new[folder] = table.to_pylist()
                old += names
        except duckdb.Error as e:
            raise StoreError(f"cannot compact store {root}: {e}") from e
        finally:
            con.close()
        old += sorted(lost.difference(old))
        before = len(visible)
        if old:
            writer.replace_parts(new, old, revoked=revoked)
        after = len(committed_parts(root) or ())
    return CompactResult(
        parts_before=before, parts_after=after, dropped=dropped, unreadable=tuple(unreadable)
    )


def _names(root: Path | str, folder: str) -> set[str]:
    """The committed parts of one folder, by name (missing ones included)."""
    return {name for name in committed_parts(root) or () if name.startswith(f"{folder}/")}


def _lost_with(root: Path | str, unreadable: set[str]) -> tuple[set[str], list[ManifestEntry]]:
    """The parts to drop with the unreadable ones, and the manifest entries to revoke.

    A part's rows belong to the shards of the commit that listed it; a part written by
    ``kipu compact`` holds the rows of every commit whose parts it replaced, and so on back.
    Every visible part of those commits goes (their rows would be half a shard), and their
    shards and inputs are revoked, so that the same ingest again redoes them whole.
    """
    if not unreadable:
        return set(), []
    commits = read_commits(root)
    by_part = {part: commit for commit in commits for part in commit.parts}
    todo = [by_part[name] for name in unreadable if name in by_part]
    covered: list[int] = []
    while todo:
        commit = todo.pop()
        if id(commit) in covered:
            continue
        covered.append(id(commit))
        todo.extend(by_part[name] for name in commit.replaces if name in by_part)
    closure = [c for c in commits if id(c) in covered]
    visible = committed_parts(root) or set()
    lost = set(unreadable) | {p for c in closure for p in c.parts if p in visible}
    revoked = [replace(e, status="revoked") for c in closure for e in c.entries]
    hashes = {e.input_hash for e in revoked}
    for commit in commits:  # the inputs those shards belong to are no longer complete
        for entry in commit.entries:
            if entry.input_hash in hashes and entry.shard is None:
                revoked.append(replace(entry, status="revoked"))
    return lost, revoked


def _doctor_remote(url: str) -> list[Problem]:
    """``doctor`` for a store at a URL: the same checks on its objects (no staging folder)."""
    import time

    from kipu.store._remote import LOCK_NAME as REMOTE_LOCK
    from kipu.store._remote import STALE_SECONDS, remote, store_exists

    store = remote(url)
    if not store_exists(store):
        raise StoreError(f"no kipu store at {url}")
    problems: list[Problem] = []
    visible = committed_parts(url) or set()
    present = set(store.names())
    for name in sorted(visible - present):
        problems.append(
            Problem(
                kind="missing_part",
                detail=f"manifest lists {name}, which is gone",
                fix="run `kipu compact --drop-unreadable`, then the same ingest again",
            )
        )
    for name in sorted(present):
        folder = name.split("/", 1)[0]
        if folder not in PART_FOLDERS or not name.endswith(".parquet"):
            continue
        if name not in visible:
            problems.append(_uncommitted(name))
        else:
            part = _part(url, name)
            if part is None or not _readable(part):
                problems.append(_unreadable(name))
    problems += _duplicates(url)
    data = store.cat(REMOTE_LOCK)
    if data is not None:
        try:
            holder = json.loads(data)
            age = time.time() - float(holder["heartbeat"])
        except (ValueError, KeyError, TypeError):
            holder, age = {}, STALE_SECONDS + 1
        if age > STALE_SECONDS:
            problems.append(
                Problem(
                    kind="stale_lock",
                    detail=f"{store.url_of(REMOTE_LOCK)} of process {holder.get('pid', '?')} on "
                    f"{holder.get('host', '?')} has had no heartbeat for {age:.0f} s",
                    fix="the next ingest takes it over; or remove the object",
                )
            )
    return problems


def _uncommitted(name: str) -> Problem:
    """A part no commit lists: left by an interrupted write."""
    return Problem(
        kind="uncommitted_part",
        detail=f"{name} was left by an interrupted write; readers ignore it",
        fix="the next ingest or compact removes it",
    )


def _unreadable(name: str) -> Problem:
    """A committed part that cannot be read."""
    return Problem(
        kind="unreadable_part",
        detail=f"{name} cannot be read",
        fix="run `kipu compact --drop-unreadable`, then the same ingest again",
    )
