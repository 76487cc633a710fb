"""The ingest progress bar's total (its ETA): known for files, JSONL and folders of them."""

from __future__ import annotations

import gzip
from pathlib import Path

from kipu.commands.store import _total_documents


def test_the_total_counts_pages_and_jsonl_lines_in_files_folders_and_globs(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text("<p>One page.</p>", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("One text.", encoding="utf-8")
    (folder / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    with gzip.open(folder / "d.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write('{"text": "z"}\n' * 3)
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "e.txt").write_text("skipped by the walk", encoding="utf-8")
    assert _total_documents([str(folder)]) == 1 + 1 + 2 + 3
    assert _total_documents([str(folder / "*.jsonl*"), str(tmp_path / "missing.html")]) == 5


def test_no_total_when_only_reading_would_tell(tmp_path: Path) -> None:
    (tmp_path / "pages.warc").write_bytes(b"WARC/1.0\r\n")
    (tmp_path / "x.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert _total_documents([str(tmp_path / "x.jsonl"), str(tmp_path / "pages.warc")]) is None
    assert _total_documents(["-"]) is None
    assert _total_documents([str(tmp_path / "x.jsonl"), "-"]) is None


def test_log_lines_say_the_time_left_only_when_the_total_is_known() -> None:
    from kipu.commands.store import _eta

    assert _eta(1000, 100, 2.0) == ", about 8 min left"
    assert _eta(1000, 999, 100.0) == ", about 1 min left"
    assert _eta(None, 100, 2.0) == "" and _eta(1000, 1000, 2.0) == "" and _eta(10, 0, 0.0) == ""
