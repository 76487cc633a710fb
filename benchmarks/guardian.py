"""kipu on the Guardian development set: 40 real articles coded exhaustively by hand.

    python benchmarks/guardian.py              # P/R/F1 at the four levels of score.py, by root
    python benchmarks/guardian.py --misses     # and score.py's list of misses and extras
    python benchmarks/guardian.py --events OUT # keep kipu's events (JSON Lines)
    python benchmarks/guardian.py --filter     # --parse events and --parse all in one run: the
                                               # scores of each and the events the filter loses

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
    modes = ("all", "events") if "--filter" in argv else ("events",)
    with tempfile.TemporaryDirectory() as tmp:
        articles_path = Path(tmp) / "guardian40.jsonl"
        with contextlib.redirect_stdout(io.StringIO()) as buf:
            scorer.main(["input"])
        articles_path.write_text(buf.getvalue(), encoding="utf-8")
        paths = {}
        for mode in modes:
            events_path = (out if out and mode == modes[-1] else None) or Path(
                tmp
            ) / f"{mode}.jsonl"
            n, seconds, n_articles = _code(articles_path, events_path, mode)
            print(f"--parse {mode}:")
            scorer.score(str(events_path), misses="--misses" in argv)
            _by_root(scorer, events_path)
            print(f"{n_articles} articles, {n} events (negated included), {seconds:.1f} s\n")
            paths[mode] = events_path
        if len(paths) == 2:
            _lost(scorer, paths["all"], paths["events"])
    return 0


def _code(articles_path: Path, events_path: Path, mode: str) -> tuple[int, float, int]:
    """Code the articles with ``--parse mode`` into JSON Lines: events, seconds, articles."""
    report = RunReport(run_id="guardian", command="bench", kipu_version="", started="")
    [item] = [i for i in expand_inputs([str(articles_path)]) if not hasattr(i, "reason")]
    start = time.perf_counter()
    n = 0
    with events_path.open("w", encoding="utf-8") as f:
        articles = read_articles(item, None, report)
        for _article, events in code_articles(articles, PipelineOptions(parse=mode)):
            for e in events:
                f.write(json.dumps(to_dict(e), ensure_ascii=False) + "\n")
                n += 1
    return n, time.perf_counter() - start, report.n_articles


def _lost(scorer, all_path: Path, events_path: Path) -> None:  # noqa: ANN001
    """Events found with --parse all and not with --parse events, at each of score.py's levels
    (per-document bags of the level's keys, negated events left out as score.py does), and the
    true positives lost."""
    gold = scorer.load_gold()
    full = scorer.load_pred(str(all_path), set(gold))
    kept = scorer.load_pred(str(events_path), set(gold))
    print("events of --parse all lost with --parse events (and found only with it)")
    print(f"{'level':<10} {'all':>5} {'lost':>5} {'share':>7} {'new':>5} {'tp lost':>8}")
    for level in scorer.LEVELS:
        n_all = lost = new = tp_lost = 0
        for doc, d in gold.items():
            g = collections.Counter(
                k
                for e in d["events"]
                if not e.get("negated")
                for k in [scorer.key(level, e["source"], e["target"], e["root"], e["plover"])]
                if k
            )
            a, b = (
                collections.Counter(
                    k for e in p.get(doc, []) for k in [scorer.key(level, *scorer.pred_key(e))] if k
                )
                for p in (full, kept)
            )
            n_all += sum(a.values())
            lost += sum((a - b).values())
            new += sum((b - a).values())
            tp_lost += sum((g & a).values()) - sum((g & b).values())
        share = lost / n_all if n_all else 0.0
        print(f"{level:<10} {n_all:5d} {lost:5d} {share:7.2%} {new:5d} {tp_lost:8d}")


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
