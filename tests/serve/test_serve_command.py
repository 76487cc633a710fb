"""`kipu serve` as a user runs it: a uvicorn process on 127.0.0.1 answering the API and the page."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_kipu_serve_answers_on_loopback(xss_store: Path) -> None:
    port = _free_port()
    kipu = Path(sys.executable).parent / "kipu"
    env = {**os.environ, "KIPU_API_TOKEN": ""}
    server = subprocess.Popen(
        [str(kipu), "serve", "--store", str(xss_store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        summary = None
        deadline = time.monotonic() + 30
        while summary is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(base + "/api/summary", timeout=2) as r:
                    summary = json.load(r)
                    headers = r.headers
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        assert summary is not None and summary["n_events"] == 6
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers.get("server") is None  # no server banner
        with urllib.request.urlopen(base + "/", timeout=5) as r:
            assert b'<script src="/static/app.js" defer></script>' in r.read()
        request = urllib.request.Request(base + "/api/documents", data=b"{}", method="POST")
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("a POST was accepted by a read-only server")
        except urllib.error.HTTPError as e:
            assert e.code == 405
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert f"serving {xss_store} on http://127.0.0.1:{port}/" in err.decode()
