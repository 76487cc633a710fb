"""Security layers of the server: response headers with a strict CSP, a request-body cap, and
the bearer token of the write endpoint.

Both middlewares are plain ASGI (not Starlette's ``BaseHTTPMiddleware``) so that streamed
responses pass through unbuffered.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts and styles only from the server itself: no inline script, no eval, no inline style
# (Plot's injected <style> elements are removed before they reach the page, and their rules
# are in dashboard.css); images from the server or data: URLs (Plot draws a colour legend's
# ramp on a canvas and shows it as a data: PNG; an image cannot run script); no fonts, frames,
# plugins or requests to any other origin.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)
DEFAULT_MAX_BODY = 1_048_576  # bytes a request body may have (413 above)


class SecurityHeaders:
    """Adds the security headers to every response; API answers are never cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cache = b"no-store" if not scope["path"].startswith("/static/") else b"no-cache"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"
                ]
                headers += [*HEADERS, (b"cache-control", cache)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(HTTPException):
    """The request body went over the cap while it was being read (an HTTPException, so that
    FastAPI's body parsing passes it on as 413 instead of a parse error)."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="request body too large")


async def _send_error(send: Send, status: int, error: str) -> None:
    body = json.dumps({"error": error, "fields": []}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413, by Content-Length or while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.max_bytes:
                    await _send_error(send, 413, "request body too large")
                    return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracking)
        except _TooLarge:
            if started:
                raise
            await _send_error(send, 413, "request body too large")


def token_matches(expected: str | None, authorization: Any) -> bool:
    """Whether an Authorization value is ``Bearer <expected>`` (constant-time compare)."""
    if not expected or not isinstance(authorization, str):
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(given.strip().encode(), expected.encode())
