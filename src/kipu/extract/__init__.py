"""The extract stage: an HTML page or a scraped text → the article in it (body and metadata)."""

from kipu.extract._core import Decision, ExtractOptions, explain, extract

__all__ = ["Decision", "ExtractOptions", "explain", "extract"]
