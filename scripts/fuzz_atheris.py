"""Coverage-guided fuzzing of the readers and the extract stage with atheris (libFuzzer).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python scripts/fuzz_atheris.py -max_total_time=600 -timeout=60 -rss_limit_mb=4096

Each input's first byte picks how it is read (HTML, scraped text, JSON Lines, WARC, WET, gzip,
or sniffed); the rest is the file. Everything kipu's readers, ``with_site_lines`` and
``extract`` do with it must end in documents, articles or typed rejections: any other exception
is a crash (libFuzzer writes the input as ``crash-*``), an input that takes longer than
``-timeout`` seconds a hang (``timeout-*``). The hypothesis suite (tests/reliability) generates
structured inputs; this explores the byte-level corners its strategies do not reach.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from kipu.extract import ExtractOptions, extract, with_site_lines
    from kipu.records import Document, Rejected
    from kipu.sources import Input, SourceOptions, read_documents

NAMES = ("x.html", "x.txt", "x.jsonl", "x.warc", "x.wet", "x.jsonl.gz", "x.warc.gz", "x")
OPTIONS = ExtractOptions(time_budget=5.0)
FOLDER = tempfile.mkdtemp(prefix="kipu-atheris-")


def one_input(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(FOLDER, NAMES[data[0] % len(NAMES)])
    with open(path, "wb") as f:
        f.write(data[1:])
    item = Input(input_id=path, path=path, content_hash="fuzz")
    for document in with_site_lines(read_documents(item, SourceOptions(max_bytes=1_000_000))):
        if isinstance(document, Rejected):
            assert document.detail and "\n" not in document.detail, document
            continue
        assert isinstance(document, Document) and "\x00" not in document.content
        result = extract(document, OPTIONS)
        if isinstance(result, Rejected):
            assert result.detail and "\n" not in result.detail, result


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
