"""``kipu serve``: a read-only HTTP API over a store and the offline dashboard, in one process.

    from kipu.api import create_app
    app = create_app("kipu-data")           # an ASGI app; kipu serve runs it with uvicorn

Needs the ``serve`` extra (``pip install 'kipu[serve]'``: FastAPI, uvicorn). The dashboard's
scripts (Observable Plot, d3, topojson-client) and the world map (world-atlas) are vendored in
``static/vendor/`` with their licences: nothing is fetched from another host at run time.
"""

from __future__ import annotations

from kipu.api._app import LOOPBACK_HOSTS, create_app

__all__ = ["LOOPBACK_HOSTS", "create_app"]
