"""`kipu serve`: the HTTP API and the offline dashboard over a store, in one process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from kipu.commands._options import StoreOpt

TOKEN_ENV = "KIPU_API_TOKEN"
DEFAULT_PORT = 8765


def register(app: typer.Typer) -> None:
    """Add `kipu serve` to the app."""
    app.command("serve")(serve_cmd)


def _token(token_file: str | None) -> str | None:
    """The write token: the first line of --token-file, else $KIPU_API_TOKEN (never an
    argument: command lines are visible to every user of the machine)."""
    from kipu.errors import SettingsError

    if token_file is not None:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except OSError as e:
            raise SettingsError(f"cannot read --token-file {token_file}: {e.strerror}") from e
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
    if token and len(token) < 16:
        raise SettingsError("the write token must be at least 16 characters")
    return token or None


def serve_cmd(
    store: StoreOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = DEFAULT_PORT,
    allow_writes: Annotated[
        bool,
        typer.Option(
            "--allow-writes",
            help=f"Enable POST /api/documents (needs a token: --token-file or ${TOKEN_ENV}).",
        ),
    ] = False,
    token_file: Annotated[
        str | None, typer.Option("--token-file", help="File whose first line is the token.")
    ] = None,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body, bytes (413 above).")
    ] = 1_048_576,
) -> None:
    """Serve the store: a read-only HTTP API (OpenAPI at /openapi.json) and the dashboard.

    Open http://127.0.0.1:8765/ for the dashboard: events, a dyad's weeks, the world map,
    articles with their events marked, the daily digest. Everything it shows comes from this
    process; nothing is fetched from elsewhere. Reads only committed parts, so it runs beside
    `kipu ingest` and shows what each commit adds.

    Example: kipu serve --store kipu-data
    """
    from kipu.cli import _err, _guard, _store
    from kipu.errors import SettingsError, StoreError
    from kipu.store._location import store_exists

    with _guard():
        try:
            import uvicorn

            from kipu.api import LOOPBACK_HOSTS, create_app
        except ImportError as e:
            raise SettingsError(
                f"kipu serve needs the serve extra ({e.name} is missing): pip install 'kipu[serve]'"
            ) from None
        target = _store(store)
        if not store_exists(target):
            raise StoreError(f"no kipu store at {target}")
        token = _token(token_file) if allow_writes else None
        if allow_writes and token is None:
            raise SettingsError(
                f"--allow-writes needs a token: --token-file FILE or ${TOKEN_ENV} "
                "(16 characters or more)"
            )
        loopback = host in ("127.0.0.1", "localhost", "::1")
        hosts = (*LOOPBACK_HOSTS, host) if loopback else ("*",)
        if not loopback:
            _err(f"listening on {host}: anyone who reaches it can read the store")
        app = create_app(
            target, allow_writes=allow_writes, token=token, max_body=max_body, allowed_hosts=hosts
        )
        shown = f"[{host}]" if ":" in host else host
        _err(f"serving {target} on http://{shown}:{port}/ (API schema: /openapi.json)")
        uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
