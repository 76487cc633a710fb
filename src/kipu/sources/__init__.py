"""The sources stage: what the user named (files, folders, globs, stdin) → ``Document`` records.

    for item in expand_inputs(["news/", "extra/*.jsonl.gz", "-"]):
        if isinstance(item, Rejected):
            ...                                   # not found, unreadable, too large
        else:
            for document in read_documents(item, SourceOptions(date="2012-10-07")):
                ...                               # Document, or Rejected with a reason code

Kinds: HTML (``.html``, ``.htm``), plain text (``.txt``), JSON Lines (``.jsonl``, ``.ndjson``),
Common Crawl WARC and WET (``.warc``, ``.wet``, streamed record by record: one Document per page
record, ``input_id`` the WARC record id), each optionally gzipped; anything else, and stdin, is
sniffed. Rejection reasons: ``not_found``, ``unreadable``, ``too_large``, ``empty``, ``binary``,
``bad_gzip``, ``truncated_gzip``, ``bad_json``, ``no_text``, and for archives
``corrupt_record`` and ``truncated_record`` (with the file and offset). Document warnings:
``decoded_cp1252``, ``decoded_with_replacement``, ``bad_date``, ``removed_nul``,
``gzip_trailing_data``, ``warc_truncated``, ``declared_charset_wrong``.
"""

from kipu.sources._dates import normalise_date
from kipu.sources._options import Input, SourceOptions
from kipu.sources._paths import expand_inputs
from kipu.sources._readers import read_documents

__all__ = ["Input", "SourceOptions", "expand_inputs", "normalise_date", "read_documents"]
