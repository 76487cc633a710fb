"""The optional write endpoint: ``POST /api/documents`` ingests one posted document.

Mounted only with ``kipu serve --allow-writes``, behind a bearer token compared in constant time
(the token is never logged or echoed). The document goes through the same ingest as ``kipu
ingest`` (a one-line JSON Lines input in a private temporary folder), so it is stored, deduplicated
and committed exactly as any other input; one write runs at a time, and a store locked by another
writer answers 409.
"""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kipu.api import _models as m
from kipu.api._routes import ERRORS, Store
from kipu.api._security import token_matches
from kipu.errors import KipuError
from kipu.ids import content_hash

# Declares the bearer scheme in /openapi.json; the check itself is token_matches.
_bearer = HTTPBearer(auto_error=False, description="The token given to kipu serve.")
_lock = threading.Lock()

router = APIRouter(prefix="/api", responses=ERRORS)


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """401 unless the request carries the server's bearer token."""
    given = f"{credentials.scheme} {credentials.credentials}" if credentials else None
    if not token_matches(request.app.state.token, given):
        raise HTTPException(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})


@router.post(
    "/documents",
    response_model=m.WriteResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": m.WriteResult, "description": "Already stored, or nothing to store."},
        400: {"model": m.ErrorOut, "description": "The body is not JSON text."},
        401: {"model": m.ErrorOut, "description": "No or a wrong bearer token."},
        409: {"model": m.ErrorOut, "description": "Another process is writing the store."},
        413: {"model": m.ErrorOut, "description": "The body is over the size limit."},
    },
    tags=["documents"],
)
def post_document(
    store: Store, request: Request, response: Response, document: m.DocumentIn
) -> dict[str, Any]:
    """Ingest one document into the store (only with ``--allow-writes`` and the token).

    201 when it was stored; 200 when it was stored before, or had no article text to store."""
    from kipu.run import IngestOptions, PipelineOptions, ingest, new_report

    record = {
        "id": document.id or f"api:{content_hash(document.text.encode('utf-8'))}",
        "text": document.text,
        "title": document.title,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
    }
    report = new_report("serve")
    with _lock, tempfile.TemporaryDirectory(prefix="kipu-post-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        try:
            ingest(
                [str(path)],
                store,
                PipelineOptions(),
                report,
                on_reject=lambda _: None,
                settings=IngestOptions(workers=1, coder=request.app.state.coder),
            )
        except KipuError as e:
            # StoreLock's refusals ("is being written by process N", "is being locked by
            # another process") are the one error a client can wait out: 409, not 500.
            if "being written" in str(e) or "being locked" in str(e):
                raise HTTPException(409, "another process is writing the store") from None
            raise
    if report.n_inputs_skipped or report.n_duplicate:
        status = "already_stored"
    elif report.n_new:
        status = "stored"
    else:
        status = "rejected"
    if status != "stored":
        response.status_code = 200
    return {
        "status": status,
        "n_documents": report.n_new,
        "n_events": report.n_events,
        "rejected": dict(report.rejected),
    }
