"""The extract stage: an HTML page or a scraped text → the article in it (body and metadata).

``with_site_lines`` runs over a stream of documents before ``extract``: it finds the lines that
several scraped texts of one site share (their furniture) and hands them to the text cleaner.
"""

from kipu.extract._core import Decision, ExtractOptions, explain, extract
from kipu.extract.shared_lines import with_site_lines

__all__ = ["Decision", "ExtractOptions", "explain", "extract", "with_site_lines"]
