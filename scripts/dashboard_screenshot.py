"""Screenshots of the dashboard for the docs: `kipu serve` on a store, each view in chromium.

    .venv/bin/kipu demo --store /tmp/kipu-demo
    .venv/bin/python scripts/dashboard_screenshot.py /tmp/kipu-demo events:docs/dashboard.png \
        map:docs/dashboard-map.png

Each argument after the store is VIEW:FILE, VIEW one of events, dyad, map, digest (the views'
default pages). Uses Debian's /usr/bin/chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    store, shots = sys.argv[1], [a.split(":", 1) for a in sys.argv[2:]]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kipu = Path(sys.executable).parent / "kipu"
    server = subprocess.Popen(
        [str(kipu), "serve", "--store", store, "--port", str(port)], stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/summary", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for view, target in shots:
                page = browser.new_page(viewport={"width": 1360, "height": 860})
                page.goto(f"{base}/#/{view}")
                page.wait_for_selector("#view[data-ready]", timeout=30_000)
                page.screenshot(path=target)
                page.close()
                print(f"{view} -> {target}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
