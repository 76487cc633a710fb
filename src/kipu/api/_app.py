"""The ASGI application of ``kipu serve``: the API, the dashboard's files, the security layers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Route

from kipu import __version__
from kipu.api._security import DEFAULT_MAX_BODY, BodyLimit, SecurityHeaders
from kipu.errors import StoreError
from kipu.store._api_queries import snapshot
from kipu.store._location import location

STATIC = Path(__file__).parent / "static"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
log = logging.getLogger("kipu.api")

DESCRIPTION = """\
Read kipu's event store: events with filters, one event with its evidence, documents with their
events marked, actors, dyads, time series, map counts, the daily digest and streamed exports.
Read-only unless the server runs with `--allow-writes` (then `POST /api/documents` takes a
bearer token). Pages hold at most 1,000 rows. Error bodies never repeat the request.
"""

# Fixed messages by status: an error body says what went wrong, never what was asked for.
_MESSAGES = {
    400: "bad request",
    401: "a valid bearer token is required",
    404: "not found",
    405: "method not allowed",
    409: "conflict",
    413: "request body too large",
}


def create_app(
    store: str | Path,
    *,
    allow_writes: bool = False,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS,
    coder: str = "kipu",
) -> FastAPI:
    """The app serving ``store``: read-only unless ``allow_writes`` (which needs a ``token``).

    ``allowed_hosts`` are the Host header values answered (DNS rebinding defence: a page of
    another site resolved to 127.0.0.1 gets 400); ``("*",)`` answers any. ``coder`` is the
    ingest's coder for posted documents ("fake" in tests).
    """
    if allow_writes and not token:
        raise StoreError("writes need a bearer token")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Load the store before the first request, so no page waits for it.
        await run_in_threadpool(lambda: snapshot(store).cursor().close())
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="kipu",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load from CDNs: the schema is at /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = location(store)  # a folder, or a store's URL (read through fsspec)
    app.state.writes = allow_writes
    app.state.token = token
    app.state.coder = coder

    from kipu.api import _routes

    app.include_router(_routes.router)
    if allow_writes:
        from kipu.api import _writes

        app.include_router(_writes.router)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only the names of our own parameters, never the values sent (nor body keys).
        fields = sorted(
            {
                str(e["loc"][1])
                if e["loc"][0] in ("query", "path") and len(e["loc"]) > 1
                else str(e["loc"][0])
                for e in exc.errors()
                if e.get("loc")
            }
        )
        return JSONResponse({"error": "invalid request", "fields": fields}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Our own HTTPExceptions carry fixed messages; Starlette's default ones are replaced.
        own = isinstance(exc.detail, str) and exc.detail in _OWN_MESSAGES
        message = exc.detail if own else _MESSAGES.get(exc.status_code, "error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, across the routers serving it
            headers["Allow"] = ", ".join(_methods(request.app, request.url.path))
        return JSONResponse({"error": message, "fields": []}, exc.status_code, headers=headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.error("error answering %s: %s", request.url.path, type(exc).__name__)
        return JSONResponse({"error": "internal error", "fields": []}, status_code=500)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")

    # Outermost last: every answer, 413 and 400 included, gets the security headers.
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def _methods(app: FastAPI, path: str) -> list[str]:
    """The methods the routes of ``path`` answer (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in app.routes:
        if isinstance(route, Route) and route.methods and route.path_regex.fullmatch(path):
            methods |= route.methods
    return sorted(methods)


# The messages the endpoints raise themselves (fixed strings, safe to send).
_OWN_MESSAGES = frozenset(
    {
        "no such event",
        "no such document",
        "the store has no dated events",
        "a valid bearer token is required",
        "another process is writing the store",
        "request body too large",
    }
)
