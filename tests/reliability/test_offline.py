"""No stage opens a network connection: the whole pipeline runs with every non-loopback socket
refused, and, where the machine allows it, in a network namespace with no network at all.

pytest-socket guards the test process only; kipu runs its stages in spawned worker processes
and DuckDB and spaCy in C code, so the guard here is an audit hook that every Python process of
the run installs at start-up (``sitecustomize``, inherited by spawned workers through
``PYTHONPATH``), and a namespace without network for whatever does not pass through Python's
``socket`` module.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from tests.reliability.harness import LONG

pytestmark = pytest.mark.model

# Installed in every Python process of the run: refuse and record any socket use that could
# leave the machine (Unix sockets and loopback addresses are local).
SITECUSTOMIZE = """
import os, sys

_LOG = os.environ["KIPU_NETWORK_LOG"]
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


def _remote(host):
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return not (host is None or str(host).startswith(_LOCAL))


def _hook(event, args):
    if event in ("socket.connect", "socket.sendto"):
        address = args[1] if event == "socket.connect" else args[-1]
        if isinstance(address, tuple) and _remote(address[0]):
            where = address
        else:
            return
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        if not _remote(args[0]):
            return
        where = args[0]
    else:
        return
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {event} {where!r}\\n")
    raise RuntimeError(f"kipu tried the network: {event} {where!r}")


sys.addaudithook(_hook)
"""

# The run: every stage over every kind of input (on two spawned workers in the long run), then
# the readers.
DRIVER = """
import os, socket, subprocess, sys
kipu = [sys.executable, "-m", "kipu.cli"]
corpus, store, out, workers = sys.argv[1:5]
try:  # the guard is on in this process
    socket.create_connection(("192.0.2.1", 80), timeout=1)
except RuntimeError:
    pass
else:
    raise SystemExit("the network guard is not installed")
open(os.environ["KIPU_NETWORK_LOG"], "w").close()  # that try was ours
for args in (
    ["ingest", corpus, "--store", store, "--workers", workers, "--shard-size", "4"],
    ["events", "--store", store, "--json", "--clusters"],
    ["export", "--format", "gdelt", "-o", out, "--store", store],
    ["doctor", "--store", store],
):
    result = subprocess.run(kipu + args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"kipu {args[0]} failed: {result.stderr[-2000:]}")
"""

WARC = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
    b"WARC-Target-URI: https://news.example/1\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n"
)


def write_corpus(folder: Path) -> None:
    """The demo corpus (HTML and scraped text) plus JSON Lines, gzip and a WARC record."""
    demo = resources.files("kipu.demo").joinpath("corpus")
    with resources.as_file(demo) as source:
        shutil.copytree(source, folder)
    line = '{"id": "j1", "url": "https://news.example/j1", "text": "Envoys of Chile met officials of Peru in Lima on Monday to discuss the border."}\n'
    (folder / "wire.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    page = b"<html><body><p>The army of Peru attacked rebels near Ayacucho on Tuesday, officials said.</p></body></html>"
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    (folder / "crawl.warc").write_bytes(
        WARC.replace(b"{n}", str(len(block)).encode()) + block + b"\r\n\r\n"
    )


def test_no_stage_opens_a_network_connection(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
        "KIPU_NETWORK_LOG": str(log),
    }
    # Spawned workers load the model each: two of them in the long run, the run itself in CI.
    workers = "2" if LONG else "1"
    command = [
        sys.executable,
        "-c",
        DRIVER,
        str(corpus),
        str(tmp_path / "store"),
        str(tmp_path / "out.tsv"),
        workers,
    ]
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("unshare"):
        command = ["unshare", "--net", *command]  # no network at all, not even for C code
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not log.exists() or log.read_text() == ""
    assert (tmp_path / "out.tsv").stat().st_size > 0
