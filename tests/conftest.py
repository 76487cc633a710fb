"""Shared fixtures: the ../shared folder (skip when absent) and the English model (once per run)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared reference folder beside the checkout; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared not present (reference data and the seed live there)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "seed" / "000_78839b0446df5105.txt"
    if not path.is_file():
        pytest.skip("../shared/seed/000_78839b0446df5105.txt not present")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The English pipeline, loaded once for the whole test run."""
    from kipu.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 (no network) for this run; yields its endpoint URL.

    The AWS variables point every S3 client of the test process and its children at it, with
    dummy credentials, and readers keep their copies of parts in a folder of the run
    (``KIPU_CACHE``); tests make their own bucket with :func:`make_bucket`.
    """
    pytest.importorskip("s3fs", reason="a store at s3:// needs the s3 extra: kipu[s3]")
    server_module = pytest.importorskip("moto.server", reason="moto[server] is a dev dependency")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    names = (
        "AWS_ENDPOINT_URL",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_DEFAULT_REGION",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
        "KIPU_CACHE",
    )
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="kipu-test",
        AWS_SECRET_ACCESS_KEY="kipu-test",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        KIPU_CACHE=str(tmp_path_factory.mktemp("kipu-cache")),
    )
    try:
        yield endpoint
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


def make_bucket(endpoint: str, name: str) -> str:
    """A new bucket on the test S3 server; returns ``s3://name``."""
    import boto3

    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=name)
    return f"s3://{name}"
