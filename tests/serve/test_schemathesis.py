"""schemathesis against /openapi.json: every operation, valid and invalid data, every check.

The read-only app over the XSS fixture store, and the app with writes (token given, fake coder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from kipu.api import create_app
from tests.serve.conftest import write_store

HOSTS = ("testserver", "localhost", "127.0.0.1")
TOKEN = "schemathesis-token-0123456789abcdef"
# A quick pass in the suite; the slow tests (pytest -m slow) run 200 examples an operation.
EXAMPLES = settings(
    max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
THOROUGH = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


def _schema(allow_writes: bool) -> schemathesis.schemas.BaseSchema:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kipu-schemathesis-"))
    store = write_store(folder / "store")
    app = create_app(
        store,
        allow_writes=allow_writes,
        token=TOKEN if allow_writes else None,
        allowed_hosts=HOSTS,
        coder="fake",
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app)


read_only = _schema(False)
with_writes = _schema(True)


@with_writes.auth()
class Bearer:
    """The server's token on every request (schemathesis also sends them without it)."""

    def get(self, case: schemathesis.Case, context: object) -> str:
        return TOKEN

    def set(self, case: schemathesis.Case, data: str, context: object) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@read_only.parametrize()
@EXAMPLES
def test_read_only_api(case: schemathesis.Case) -> None:
    case.call_and_validate()


@with_writes.include(method="POST").parametrize()
@EXAMPLES
def test_write_endpoint(case: schemathesis.Case) -> None:
    case.call_and_validate()


@pytest.mark.slow
@read_only.parametrize()
@THOROUGH
def test_read_only_api_thoroughly(case: schemathesis.Case) -> None:
    case.call_and_validate()


@pytest.mark.slow
@with_writes.include(method="POST").parametrize()
@THOROUGH
def test_write_endpoint_thoroughly(case: schemathesis.Case) -> None:
    case.call_and_validate()


def test_every_operation_is_covered() -> None:
    operations = {op.ok().label for op in read_only.get_all_operations()}
    assert len(operations) == 12 and "GET /api/events" in operations
    assert not pytest.importorskip("schemathesis").__version__.startswith("3.")
