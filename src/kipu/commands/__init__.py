"""Commands of the `kipu` CLI that live in their own modules.

Each public module here defines ``register(app: typer.Typer) -> None`` that adds its command(s)
to the app; ``kipu.cli`` imports every module of this package at start-up. Shared helpers of
the CLI (one-line errors, the store default) are in ``kipu.cli`` and may be imported lazily.
"""
