"""kipu on the Guardian development set: 40 real articles coded exhaustively by hand.

    python benchmarks/guardian.py              # P/R/F1 at the four levels of score.py, by root
    python benchmarks/guardian.py --misses     # and score.py's list of misses and extras
    python benchmarks/guardian.py --events OUT # keep kipu's events (JSON Lines)

Reads ``../shared/data/guardian-gold`` at run time (its articles, gold and scorer; nothing is
copied) and codes the articles with the same pipeline as ``kipu code`` (``code_articles``). The
scorer is the set's own ``score.py``: micro precision/recall per document at the levels ``root``,
``plover``, ``src+root`` and ``dyad+root``. Numbers go to docs/ACCURACY.md.
"""

from __future__ import annotations

import collections
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from kipu.records import RunReport, to_dict
from kipu.run._pipeline import PipelineOptions, code_articles, read_articles
from kipu.sources import expand_inputs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "data" / "guardian-gold"


def _scorer():  # noqa: ANN202 - a module loaded from ../shared
    spec = importlib.util.spec_from_file_location("guardian_score", GOLD / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {GOLD / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    if not (GOLD / "score.py").exists():
        print(f"{GOLD} not found: the Guardian development set lives in ../shared", file=sys.stderr)
        return 2
    scorer = _scorer()
    out = Path(argv[argv.index("--events") + 1]) if "--events" in argv else None
    with tempfile.TemporaryDirectory() as tmp:
        articles_path = Path(tmp) / "guardian40.jsonl"
        with contextlib.redirect_stdout(io.StringIO()) as buf:
            scorer.main(["input"])
        articles_path.write_text(buf.getvalue(), encoding="utf-8")
        events_path = out or Path(tmp) / "events.jsonl"
        report = RunReport(run_id="guardian", command="bench", kipu_version="", started="")
        [item] = [i for i in expand_inputs([str(articles_path)]) if not hasattr(i, "reason")]
        start = time.perf_counter()
        n = 0
        with events_path.open("w", encoding="utf-8") as f:
            articles = read_articles(item, None, report)
            for _article, events in code_articles(articles, PipelineOptions()):
                for e in events:
                    f.write(json.dumps(to_dict(e), ensure_ascii=False) + "\n")
                    n += 1
        seconds = time.perf_counter() - start
        scorer.score(str(events_path), misses="--misses" in argv)
        _by_root(scorer, events_path)
    print(f"{report.n_articles} articles, {n} events (negated included), {seconds:.1f} s")
    return 0


def _by_root(scorer, events_path: Path) -> None:  # noqa: ANN001
    """Gold, predicted and matched events of each CAMEO root (per-document bags, as scored)."""
    gold = scorer.load_gold()
    pred = scorer.load_pred(str(events_path), set(gold))
    g_all: collections.Counter[str] = collections.Counter()
    p_all: collections.Counter[str] = collections.Counter()
    t_all: collections.Counter[str] = collections.Counter()
    for doc, d in gold.items():
        g = collections.Counter(e["root"] for e in d["events"] if not e.get("negated"))
        p = collections.Counter((e.get("cameo") or "")[:2] for e in pred.get(doc, []))
        g_all, p_all, t_all = g_all + g, p_all + p, t_all + (g & p)
    print("root  gold  kipu  right")
    for root in sorted(set(g_all) | set(p_all)):
        print(f"{root:>4}  {g_all[root]:4d}  {p_all[root]:4d}  {t_all[root]:5d}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
