"""A store at an fsspec URL (``s3://bucket/prefix``, ``memory://name``): the folder's layout and
commit protocol, written through fsspec by the one driver.

A plain path, or a ``file://`` URL, is a store folder and never comes here: the folder keeps its
staging, fsync and lock file (``_writer.py``, ``_lock.py``). At a URL:

- a part is written in one PUT straight to its folder (an object appears whole or not at all, so
  there is no staging folder and nothing to rename); it belongs to the store once a manifest line
  names it, and the next writer deletes the parts no line names, as in a folder;
- ``manifest.jsonl`` is written whole at each commit (object stores have no append): the writer
  keeps its text, adds the commit's line and PUTs it. On S3 that PUT is conditional on the
  manifest being the one this writer last wrote (``If-Match`` on its ETag; ``If-None-Match`` for
  the first), so a commit can never overwrite another writer's;
- the lock is a ``.lock`` object made with an exclusive create (``If-None-Match: *`` on S3),
  holding the writer's host, process, a random token and a heartbeat the writer renews every
  ``HEARTBEAT_SECONDS``; a lock whose heartbeat is older than ``STALE_SECONDS`` is a crashed
  writer's and is taken over. Before every commit the writer checks that the lock still holds its
  token, so a writer that lost its lock (paused past the stale age) stops instead of committing.

Readers list parts from the manifest and read them through the same fsspec filesystem, which
DuckDB queries through ``register_filesystem`` (no httpfs extension needed). S3 needs ``s3fs``
(``pip install 'kipu[s3]'``); credentials and endpoint come from the usual AWS variables
(``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL`` for S3-compatible
servers) or fsspec's configuration.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq

from kipu.errors import StoreError
from kipu.records import Article, Event, RunReport
from kipu.store._lock import _pid_alive
from kipu.store._writer import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PART_FOLDERS,
    RUNS,
    Commit,
    ManifestEntry,
    PlannedPart,
    StoreWriter,
    committed_parts,
)

# Seconds between two heartbeats of the writer's lock object.
HEARTBEAT_SECONDS = 15.0
# A lock whose last heartbeat is this old belongs to a writer that is gone (four missed beats;
# the clocks of the machines that share a store are assumed to agree within a minute).
STALE_SECONDS = 120.0
LOCK_NAME = ".lock"


@dataclass(frozen=True, slots=True)
class Remote:
    """A store at a URL: its fsspec filesystem and its root path in that filesystem."""

    url: str
    fs: Any
    root: str
    conditional: bool  # the filesystem honours If-Match / If-None-Match (S3)

    def path(self, name: str) -> str:
        """The filesystem path of a name inside the store ("events/x.parquet")."""
        return f"{self.root}/{name}" if name else self.root

    def url_of(self, name: str) -> str:
        """The full URL of a name inside the store, as readers and DuckDB open it."""
        return f"{self.url}/{name}"

    def cat(self, name: str) -> bytes | None:
        """The bytes of an object, or None when there is none."""
        try:
            data: bytes = self.fs.cat_file(self.path(name))
        except FileNotFoundError:
            return None
        except Exception as e:  # OSError, and botocore's own (no endpoint, no credentials)
            raise self.error("read", name, e) from e
        return data

    def exists(self, name: str) -> bool:
        try:
            return bool(self.fs.exists(self.path(name)))
        except Exception as e:
            raise self.error("read", name, e) from e

    def put(self, name: str, data: bytes, **conditions: Any) -> Any:
        """Write an object in one PUT; ``conditions`` are passed on (``mode="create"``,
        ``IfMatch=``) where the filesystem honours them. An object that exists where
        ``mode="create"`` was asked raises FileExistsError; a condition that failed otherwise,
        OSError; every other failure StoreError."""
        try:
            return self.fs.pipe_file(self.path(name), data, **conditions)
        except OSError:
            raise
        except Exception as e:
            raise self.error("write", name, e) from e

    def remove(self, name: str) -> bool:
        """Delete an object if it is there; False when that failed (the callers' deletions are
        of objects no commit names, which readers ignore)."""
        try:
            self.fs.rm_file(self.path(name))
        except FileNotFoundError:
            return True
        except Exception:
            return False
        return True

    def names(self, folder: str = "") -> list[str]:
        """Every object under the store's root (or one folder of it), by name relative to the
        root."""
        where = self.path(folder)
        try:
            self.fs.invalidate_cache(where)
            found = self.fs.find(where)
        except FileNotFoundError:
            return []
        except Exception as e:
            raise self.error("list", folder, e) from e
        prefix = self.root.rstrip("/") + "/"
        return sorted(p[len(prefix) :] for p in found if p.startswith(prefix))

    def info(self, name: str) -> dict[str, Any] | None:
        """The object's metadata (size, ETag or modification time), or None when there is none."""
        try:
            self.fs.invalidate_cache(self.path(name))
            info: dict[str, Any] = self.fs.info(self.path(name))
        except FileNotFoundError:
            return None
        except Exception as e:
            raise self.error("read", name, e) from e
        return info

    def error(self, what: str, name: str, error: BaseException) -> StoreError:
        """One line for a failed request: what, where, and the first line of the reason."""
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return StoreError(f"cannot {what} {self.url_of(name) if name else self.url}: {reason}")


_REMOTES: dict[str, Remote] = {}
_REMOTES_LOCK = threading.Lock()


def remote(url: str) -> Remote:
    """The filesystem of a store URL (one per URL and process), or a one-line error saying
    which package to install."""
    with _REMOTES_LOCK:
        found = _REMOTES.get(url)
        if found is not None:
            return found
        scheme = urlsplit(url).scheme.lower()
        try:
            import fsspec
        except ImportError:
            raise StoreError(f"a store at {url} needs fsspec: pip install 'kipu[s3]'") from None
        options: dict[str, Any] = {}
        if scheme in ("s3", "s3a"):
            # every listing fresh: another process commits to the store meanwhile
            options = {"use_listings_cache": False, "skip_instance_cache": True}
        try:
            fs, root = fsspec.core.url_to_fs(url, **options)
        except ImportError:
            if scheme in ("s3", "s3a"):
                raise StoreError(f"a store at {url} needs s3fs: pip install 'kipu[s3]'") from None
            raise StoreError(
                f"a store at {url} needs fsspec's backend for {scheme}:// (not installed)"
            ) from None
        except ValueError as e:
            raise StoreError(f"bad store URL {url}: {e}") from None
        protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
        found = Remote(
            url=url,
            fs=fs,
            root=str(root).rstrip("/"),
            conditional=any(p in ("s3", "s3a") for p in protocols),
        )
        _REMOTES[url] = found
        return found


def parquet_bytes(table: pa.Table) -> bytes:
    """A table as the bytes of a Parquet file, compressed as the store's parts are."""
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


class RemoteLock:
    """The write lock of a store at a URL: an object with a token and a heartbeat."""

    def __init__(self, store: Remote, holder: dict[str, Any]) -> None:
        self.store = store
        self.url = store.url_of(LOCK_NAME)
        self._holder = holder
        self._lost: str | None = None
        self.took_over = False  # the lock was another writer's, stale, and taken over
        self._stop = threading.Event()
        self._beat_lock = threading.Lock()
        self._thread = threading.Thread(target=self._beats, name="kipu-lock", daemon=True)

    @classmethod
    def acquire(cls, store: Remote) -> RemoteLock:
        """Take the lock, taking over a stale one; raise StoreError while another writer has it."""
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "token": uuid.uuid4().hex,
            "heartbeat": time.time(),
        }
        took_over = False
        for _ in range(3):
            try:
                store.put(LOCK_NAME, json.dumps(holder).encode(), mode="create")
            except FileExistsError:
                _check_stale(store)  # raises while the holder is alive
                store.remove(LOCK_NAME)
                took_over = True
                continue
            except OSError as e:
                raise StoreError(f"cannot create lock {store.url_of(LOCK_NAME)}: {e}") from e
            lock = cls(store, holder)
            lock.took_over = took_over
            lock._thread.start()
            return lock
        raise StoreError(
            f"cannot take lock {store.url_of(LOCK_NAME)}: other writers keep taking it"
        )

    def check(self) -> None:
        """Raise StoreError unless the lock still holds this writer's token."""
        with self._beat_lock:
            if (
                self._lost is None
                and _read_holder(self.store).get("token") != self._holder["token"]
            ):
                self._lost = "another writer took it over"
        if self._lost is not None:
            raise StoreError(
                f"lost the lock of store {self.store.url} ({self._lost}); nothing more is "
                "committed: run the same command again"
            )

    def _beats(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            with self._beat_lock:
                if self._lost is not None:
                    return
                try:
                    current = _read_holder(self.store)
                    if current.get("token") != self._holder["token"]:
                        self._lost = "another writer took it over"
                        return
                    self._holder["heartbeat"] = time.time()
                    self.store.put(LOCK_NAME, json.dumps(self._holder).encode())
                except (OSError, StoreError):
                    continue  # a missed beat; the next one tries again

    def release(self) -> None:
        """Stop the heartbeat and remove the lock object, if it is still ours."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        with self._beat_lock:
            if _read_holder(self.store).get("token") == self._holder["token"]:
                if not self.store.remove(LOCK_NAME):
                    raise StoreError(f"cannot remove lock {self.url}")


def _read_holder(store: Remote) -> dict[str, Any]:
    """The lock object's content ({} when there is none or it cannot be parsed)."""
    data = store.cat(LOCK_NAME)
    if data is None:
        return {}
    try:
        holder = json.loads(data)
    except ValueError:
        return {"unreadable": True}
    return holder if isinstance(holder, dict) else {"unreadable": True}


def _check_stale(store: Remote) -> None:
    """Return if the existing lock is stale (or gone); raise StoreError naming its holder if not."""
    holder = _read_holder(store)
    if not holder:
        return
    where = store.url_of(LOCK_NAME)
    if holder.get("unreadable"):
        raise StoreError(
            f"store {store.url} has a lock object kipu cannot read; remove {where} "
            "if no kipu process is writing"
        )
    try:
        age = time.time() - float(holder["heartbeat"])
    except (KeyError, TypeError, ValueError):
        age = STALE_SECONDS + 1
    if age > STALE_SECONDS:
        return
    if holder.get("host") == socket.gethostname() and not _pid_alive(int(holder.get("pid", -1))):
        return  # its writer ran on this machine and is gone: no need to wait for the beat
    raise StoreError(
        f"store {store.url} is being written by process {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')} (started {holder.get('started', '?')}, last heartbeat "
        f"{max(0.0, age):.0f} s ago); wait for it or stop it (a lock without a heartbeat for "
        f"{STALE_SECONDS:g} s is taken over)"
    )


# -- the manifest and the parts, read ------------------------------------------------------------


def manifest_text(store: Remote) -> str:
    """The manifest's text ("" for a new store)."""
    data = store.cat(MANIFEST)
    return "" if data is None else data.decode("utf-8", errors="replace")


def has_format(store: Remote) -> bool:
    """Whether the store's format object exists (every store kipu writes at a URL has it)."""
    return store.exists(FORMAT)


def store_exists(store: Remote) -> bool:
    """Whether a store was ever written at this URL (its format or manifest object exists)."""
    return store.exists(FORMAT) or store.exists(MANIFEST)


def run_reports(store: Remote) -> list[tuple[float, str]]:
    """The run reports of the store as (modification time, name), oldest first."""
    found = []
    for name in store.names():
        if name.startswith(f"{RUNS}/") and name.endswith(".json"):
            info = store.info(name) or {}
            stamp = info.get("LastModified") or info.get("mtime") or info.get("created") or 0
            if isinstance(stamp, datetime):
                stamp = stamp.timestamp()
            found.append((float(stamp), name))
    return sorted(found)


# -- the writer ----------------------------------------------------------------------------------


def open_writer(url: str, run_id: str) -> RemoteStoreWriter:
    """The one writer of the store at ``url`` (see :class:`RemoteStoreWriter`)."""
    store = remote(url)
    lock = RemoteLock.acquire(store)
    try:
        writer = RemoteStoreWriter(store, run_id, lock)
    except BaseException:
        lock.release()
        raise
    return writer


class RemoteStoreWriter(StoreWriter):
    """The single writer of a store at a URL: the local writer's interface and commits."""

    def __init__(self, store: Remote, run_id: str, lock: RemoteLock) -> None:
        self.path = store.url  # type: ignore[assignment]
        self.run_id = run_id
        self._store = store
        self._lock = lock  # type: ignore[assignment]
        self._manifest = ""
        self._etag: str | None = None
        self._prepare()

    def _prepare(self) -> None:
        """Adopt a new store, load the manifest, delete parts no commit names."""
        store = self._store
        names = store.names()
        self._load_manifest()
        if isinstance(self._lock, RemoteLock) and self._lock.took_over and self._manifest:
            # Fence off the writer whose lock this was, should it still be alive: its next
            # commit is conditional on the manifest it last wrote, which this line changes.
            # (Before the deletion below of the parts no commit names, which may be its.)
            self._append_commit(Commit(run_id=self.run_id, parts=(), entries=()))
        if FORMAT not in names:
            parts = tuple(
                n for n in names if n.split("/", 1)[0] in PART_FOLDERS and n.endswith(".parquet")
            )
            if parts:
                self._append_commit(Commit(run_id="adopted", parts=parts, entries=()))
            self._put(FORMAT, (FORMAT_VERSION + "\n").encode())
        visible = committed_parts(self.path) or set()
        highest = -1
        prefix = f"{self.run_id}-"
        for name in names:
            folder, _, file = name.partition("/")
            if folder not in PART_FOLDERS or not file.endswith(".parquet"):
                continue
            if name not in visible:
                store.remove(name)
                continue
            seq = file.removeprefix(prefix).split("-", 1)[0]
            if file.startswith(prefix) and seq.isdigit():
                highest = max(highest, int(seq))
        self._seq = highest + 1

    def _load_manifest(self) -> None:
        """The manifest's text and ETag, read together (again if it changed in between)."""
        for _ in range(3):
            before = self._store.info(MANIFEST)
            text = manifest_text(self._store)
            after = self._store.info(MANIFEST)
            if (before or {}).get("ETag") == (after or {}).get("ETag"):
                break
        # a line cut short cannot happen (the object is written whole), but an older
        # writer's could: cut it, as the folder's writer does
        self._manifest = text if text.endswith("\n") or not text else text[: text.rfind("\n") + 1]
        self._etag = (after or {}).get("ETag") if after is not None else None

    def _put(self, name: str, data: bytes, **conditions: Any) -> Any:
        try:
            return self._store.put(name, data, **conditions)
        except OSError as e:
            raise StoreError(f"cannot write {self._store.url_of(name)}: {e}") from e

    def write(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        completed: Sequence[ManifestEntry] = (),
        *,
        tables: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> None:
        self._check_open()
        staged = self._planned(articles, events, tables)
        parts = self._publish(staged)
        if parts or completed:
            self._commit_or_undo(
                Commit(run_id=self.run_id, parts=parts, entries=tuple(completed)), parts
            )

    def replace_parts(
        self,
        new: Mapping[str, Sequence[dict[str, Any]]],
        old: Sequence[str],
        *,
        revoked: Sequence[ManifestEntry] = (),
    ) -> None:
        self._check_open()
        parts = self._publish(self._planned_rows(new))
        commit = Commit(
            run_id=self.run_id, parts=parts, entries=tuple(revoked), replaces=tuple(old)
        )
        self._commit_or_undo(commit, parts)
        for name in old:
            self._store.remove(name)

    def write_report(self, report: RunReport) -> Any:
        text = self._report_text(report)
        name = f"{RUNS}/{report.run_id}.json"
        self._put(name, text.encode("utf-8"))
        return self._store.url_of(name)

    def close(self) -> None:
        if self._lock is not None:
            lock, self._lock = self._lock, None
            lock.release()

    def _publish(self, staged: Iterable[PlannedPart]) -> tuple[str, ...]:
        """PUT each part in its folder; on failure remove the ones already written."""
        done: list[str] = []
        try:
            for kind, name, rows, schema in staged:
                try:
                    table = pa.Table.from_pylist(rows, schema=schema)
                except (pa.ArrowException, ValueError, TypeError) as e:
                    raise StoreError(f"cannot convert {kind} to the store's schema: {e}") from e
                self._put(f"{kind}/{name}", parquet_bytes(table))
                done.append(f"{kind}/{name}")
        except BaseException:
            for part in done:
                self._store.remove(part)
            raise
        return tuple(done)

    def _commit_or_undo(self, commit: Commit, parts: tuple[str, ...]) -> None:
        try:
            self._append_commit(commit)
        except BaseException:
            for part in parts:  # never committed: not part of the store
                self._store.remove(part)
            raise

    def _append_commit(self, commit: Commit) -> None:
        """The manifest with one more line, PUT whole: on S3 only if it is still the one
        this writer last wrote, so no other writer's commit is ever overwritten."""
        if self._lock is not None:
            self._lock.check()  # type: ignore[attr-defined]
        text = self._manifest + json.dumps(asdict(commit), ensure_ascii=False) + "\n"
        data = text.encode("utf-8")
        conditions: dict[str, Any] = {}
        if self._store.conditional:
            conditions = {"IfMatch": self._etag} if self._etag else {"mode": "create"}
        try:
            result = self._store.put(MANIFEST, data, **conditions)
        except (OSError, StoreError) as e:
            # the PUT may have landed before the error reached us: then it is committed
            if self._store.cat(MANIFEST) == data:
                result = None
            else:
                raise StoreError(
                    f"cannot commit to the manifest of store {self._store.url}: {e} "
                    "(another writer may have committed meanwhile)"
                ) from e
        self._manifest = text
        etag = result.get("ETag") if isinstance(result, dict) else None
        if etag is None and self._store.conditional:
            etag = (self._store.info(MANIFEST) or {}).get("ETag")
        self._etag = etag


def remote_parts(url: str, folder: str) -> list[Path]:
    """Local copies of the committed parts of one folder that exist, sorted by name."""
    store = remote(url)
    visible = committed_parts(url)
    prefix = f"{folder}/"
    present = {n for n in store.names(folder) if n.startswith(prefix)}
    if visible is None:
        return mirror(store, sorted(n for n in present if n.endswith(".parquet")))
    prune_mirror(store, folder, visible)
    return mirror(store, sorted(n for n in visible if n.startswith(prefix) and n in present))


def cache_folder(store: Remote) -> Path:
    """Where this machine keeps copies of a store's parts: ``$KIPU_CACHE`` (else
    ``$XDG_CACHE_HOME/kipu``, else ``~/.cache/kipu``), one folder per store URL."""
    base = os.environ.get("KIPU_CACHE")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = os.path.join(xdg, "kipu")
    digest = hashlib.sha256(store.url.encode("utf-8")).hexdigest()[:16]
    return Path(base) / "stores" / digest


def mirror(store: Remote, names: Sequence[str]) -> list[Path]:
    """Local copies of committed parts, in the order given, fetching those not copied yet.

    A part never changes once written (its name holds the run, a sequence number and a hash of
    its ids), so a copy is fetched once per machine and later reads fetch only new parts; DuckDB
    then reads local files, as in a folder. (Reading through fsspec instead, DuckDB asks for each
    part's size and metadata again at every query: many requests a part.) Copies land under a
    temporary name and are renamed into place, so a killed reader leaves no half part; copies of
    parts the store no longer lists (after ``kipu compact``) are removed.
    """
    root = cache_folder(store)
    targets = [root / name for name in names]
    todo = [
        (name, target) for name, target in zip(names, targets, strict=True) if not target.exists()
    ]
    if todo:
        fetch = root / f".fetch-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            fetch.mkdir(parents=True, exist_ok=True)
            temporary = [str(fetch / name.replace("/", "__")) for name, _ in todo]
            store.fs.get([store.path(name) for name, _ in todo], temporary)
            for (_, target), tmp in zip(todo, temporary, strict=True):
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
        except FileNotFoundError as e:
            raise StoreError(f"a committed part of store {store.url} is missing: {e}") from e
        except Exception as e:  # OSError, and botocore's own
            reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise StoreError(f"cannot copy parts of store {store.url} to {root}: {reason}") from e
        finally:
            shutil.rmtree(fetch, ignore_errors=True)
    return targets


def prune_mirror(store: Remote, folder: str, visible: set[str]) -> None:
    """Remove this machine's copies of one folder's parts that the store no longer lists."""
    for part in (cache_folder(store) / folder).glob("*.parquet"):
        if f"{folder}/{part.name}" not in visible:
            part.unlink(missing_ok=True)


def missing_remote_parts(url: str) -> list[str]:
    """Committed parts whose objects are gone, by name."""
    store = remote(url)
    present = set(store.names())
    return sorted(n for n in committed_parts(url) or () if n not in present)
