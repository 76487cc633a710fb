"""The document context stage: actors completed from what the article said before them."""

from kipu.discourse._stage import DiscourseOptions, resolve_discourse

__all__ = ["DiscourseOptions", "resolve_discourse"]
