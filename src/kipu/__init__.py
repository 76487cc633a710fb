"""kipu: turn raw news into political event data: who did what to whom, where, when and how much."""

__version__ = "0.1.0"

__all__ = ["__version__"]
