"""Enrichment: quantities (and, later, places and dates) attached to events."""

from kipu.enrich.quantities import parse_quantity

__all__ = ["parse_quantity"]
