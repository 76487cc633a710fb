"""The store's single-writer lock: a ``.lock`` file naming the writer's process."""

from __future__ import annotations

import json
import os
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

from kipu.errors import StoreError

LOCK_NAME = ".lock"
# A lock file that cannot be parsed may be one another writer is still filling in; after this
# many seconds it is treated as left by a writer that crashed while creating it.
_UNREADABLE_GRACE_SECONDS = 10.0


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when it cannot be told)."""
    if pid <= 0:
        return False
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    except OverflowError:  # not a valid pid at all
        return False
    return True


class StoreLock:
    """The exclusive write lock on one store, held from :meth:`acquire` until :meth:`release`."""

    def __init__(self, path: Path, content: str) -> None:
        self.path = path
        self._content = content

    @classmethod
    def acquire(cls, store: Path) -> StoreLock:
        """Take the lock of ``store``, replacing a stale one; raise StoreError if it is held."""
        path = store / LOCK_NAME
        content = json.dumps(
            {
                "pid": os.getpid(),
                "started": datetime.now(UTC).isoformat(timespec="seconds"),
                "host": socket.gethostname(),
            }
        )
        for _ in range(3):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                _check_stale(store, path)  # raises when the holder is alive
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass  # another writer removed it first; race for the new one
                except OSError as e:
                    raise StoreError(f"cannot remove stale lock {path}: {e}") from e
                continue
            except OSError as e:
                raise StoreError(f"cannot create lock {path}: {e}") from e
            try:
                os.write(fd, content.encode("utf-8"))
                os.fsync(fd)
            except OSError as e:
                os.close(fd)
                path.unlink(missing_ok=True)
                raise StoreError(f"cannot write lock {path}: {e}") from e
            os.close(fd)
            return cls(path, content)
        raise StoreError(f"cannot take lock {path}: other writers keep replacing it")

    def release(self) -> None:
        """Remove the lock file, if it is still ours."""
        try:
            current = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as e:
            raise StoreError(f"cannot read lock {self.path}: {e}") from e
        if current != self._content:
            return  # taken over by someone else: not ours to remove
        try:
            self.path.unlink(missing_ok=True)
        except OSError as e:
            raise StoreError(f"cannot remove lock {self.path}: {e}") from e


def _check_stale(store: Path, path: Path) -> None:
    """Return if the existing lock is stale; raise StoreError naming its holder if not."""
    try:
        text = path.read_text(encoding="utf-8")
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreError(f"cannot read lock {path}: {e}") from e
    try:
        holder = json.loads(text)
        pid = int(holder["pid"])
    except (ValueError, TypeError, KeyError):
        if age > _UNREADABLE_GRACE_SECONDS:
            return
        raise StoreError(
            f"store {store} is being locked by another process; wait for it, "
            f"or remove {path} if no kipu process is writing"
        ) from None
    started = holder.get("started", "?")
    host = holder.get("host")
    if host not in (None, socket.gethostname()):
        raise StoreError(
            f"store {store} is being written by process {pid} on {host} (started {started}); "
            f"wait for it or stop it, or remove {path} if that process is gone"
        )
    if _pid_alive(pid):
        raise StoreError(
            f"store {store} is being written by process {pid} (started {started}); "
            "wait for it or stop it"
        )
