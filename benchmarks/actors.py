"""Actor accuracy on kipu's dev sets, and actor time against parse time, in one run.

    .venv/bin/python benchmarks/actors.py            # accuracy + speed (needs ../shared)
    .venv/bin/python benchmarks/actors.py --no-speed # accuracy only
    .venv/bin/python benchmarks/actors.py -v         # also list every disagreement

The actors scored are the ones the event coder gets: resolved in their sentence, then completed
by the document context stage (``kipu.discourse``).

Accuracy: ``tests/eval/actors_dev.jsonl`` (kipu's own sentences) and, when ``../shared`` is
present, the CAMEO manual's example sentences (read from ``../shared/reference/cameo-codes.csv``)
with kipu's labels in ``tests/eval/cameo_example_actors.jsonl``. Each gold mention names a head
word and the expected CAMEO code (or null: not an actor). Reported separately:

- coverage: gold actors that got any actor at all;
- country / sector / code accuracy: among the mentions kipu resolved, how many are right
  (precision; a code is right when kipu's code starts with the gold code);
- false actors: kipu actors on words the gold marks as not an actor.

Speed: the Guardian sample is parsed once (timed), then actors are resolved on the parsed
articles (timed); the ratio actor time / parse time is printed (the budget is 0.10).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.events._evaluate import unmangle
from kipu.ids import make_doc_id
from kipu.nlp import load_model, parse
from kipu.records import Actor, Article, Parsed

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
DEV = ROOT / "tests" / "eval" / "actors_dev.jsonl"
CAMEO_LABELS = ROOT / "tests" / "eval" / "cameo_example_actors.jsonl"
CAMEO_CSV = SHARED / "reference" / "cameo-codes.csv"
GUARDIAN = SHARED / "data" / "guardian-sample" / "Guardian_SDF_sample.csv"
# The CAMEO manual's examples are undated; this date stands in for "the article's date".
CAMEO_EXAMPLE_DATE = None
COUNTRY_CODES = ROOT / "src" / "kipu" / "actors" / "data" / "country_codes.tsv"

csv.field_size_limit(10**9)


@dataclass
class Score:
    """Counts of one evaluation."""

    n_gold: int = 0  # gold actor mentions
    n_null: int = 0  # gold "not an actor" mentions
    n_covered: int = 0  # gold actors kipu resolved
    n_country: int = 0  # ... with the right country
    n_sector: int = 0  # ... with the right sector
    n_sector_scored: int = 0  # ... of those whose gold code names a sector
    n_code: int = 0  # ... with the right code
    n_false: int = 0  # kipu actors on gold nulls
    n_unlabelled: int = 0  # kipu actors on words the gold does not mention
    errors: list[str] = field(default_factory=list)

    def lines(self, name: str) -> list[str]:
        def r(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

        return [
            f"{name}: {self.n_gold} actor mentions, {self.n_null} non-actor mentions",
            f"  coverage (any actor):      {r(self.n_covered, self.n_gold)}",
            f"  country accuracy:          {r(self.n_country, self.n_covered)}",
            f"  sector accuracy:           {r(self.n_sector, self.n_sector_scored)}",
            f"  code accuracy:             {r(self.n_code, self.n_covered)}",
            f"  false actors on non-actors: {r(self.n_false, self.n_null)}",
            f"  kipu actors not in the gold: {self.n_unlabelled}",
        ]


def _countries() -> frozenset[str]:
    lines = COUNTRY_CODES.read_text(encoding="utf-8").splitlines()
    return frozenset(x.split("\t", 1)[0] for x in lines if x and not x.startswith("#"))


def split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """Country and sector of a gold code ("PERGOV", "REB", "IGOUNO", "JPN")."""
    if code[:3] in countries:
        return code[:3], code[3:6] or None
    return None, code[:3]


def article(item_id: str, text: str, date: str | None) -> Article:
    return Article(
        doc_id=make_doc_id(text),
        input_id=item_id,
        url=None,
        title=None,
        published=date,
        dateline=None,
        byline=None,
        language=None,
        text=text,
    )


def score(items: list[dict], parsed: list[Parsed], out: Score) -> None:
    """Add the comparison of kipu's actors with the gold mentions of each item."""
    countries = _countries()
    for item, p in zip(items, parsed, strict=True):
        resolved = resolve_discourse(resolve_actors(p))
        tokens = [(si, t) for si, s in enumerate(p.sentences) for t in s.tokens]
        by_head: dict[tuple[int, int], Actor] = {}
        spans: list[tuple[int, int, int, int, Actor]] = []
        for si, mentions in enumerate(resolved.mentions):
            for m in mentions:
                by_head[(si, m.head)] = m.actor
                spans.append((si, m.head, m.start, m.end, m.actor))
        used: set[tuple[int, int]] = set()
        for g in item["mentions"]:
            word = g["head"].split()[-1]
            hits = [(si, t.i) for si, t in tokens if t.text == word]
            if len(hits) < g.get("n", 1):
                out.errors.append(f"{item['id']}: head {g['head']!r} not found as a token")
                continue
            si, ti = hits[g.get("n", 1) - 1]
            actor = by_head.get((si, ti))
            if actor is not None:
                used.add((si, ti))
            elif p.sentences[si].tokens[ti].dep in ("compound", "flat"):
                # A word inside a longer name ("Kim Jong Un"): the mention that contains it.
                for ssi, head, start, end, a in spans:
                    if ssi == si and start <= ti < end:
                        actor = a
                        used.add((si, head))
                        break
            gold = g["code"]
            if gold is None:
                out.n_null += 1
                if actor is not None:
                    out.n_false += 1
                    out.errors.append(
                        f"{item['id']}: {g['head']!r} is not an actor; kipu: {actor.code} "
                        f"({actor.rule})"
                    )
                continue
            out.n_gold += 1
            if actor is None:
                out.errors.append(f"{item['id']}: {g['head']!r} missed (gold {gold})")
                continue
            out.n_covered += 1
            country, sector = split_code(gold, countries)
            ok_country = actor.country == country
            # A gold code of a country alone ("LBY") says nothing of the sector: not scored.
            ok_sector = sector is None or actor.sector == sector
            out.n_country += ok_country
            out.n_sector += ok_sector and sector is not None
            out.n_sector_scored += sector is not None
            out.n_code += (actor.code or "").startswith(gold)
            if not (ok_country and ok_sector):
                out.errors.append(
                    f"{item['id']}: {g['head']!r} gold {gold}, kipu {actor.code} ({actor.rule})"
                )
        out.n_unlabelled += sum(1 for k in by_head if k not in used)


def dev_items() -> list[dict]:
    with DEV.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cameo_examples() -> dict[str, str]:
    """The CAMEO manual's example sentence of each code (the table is in Windows-1252)."""
    text = unmangle(CAMEO_CSV.read_bytes().decode("cp1252", errors="replace"))
    return {
        row["code"]: row["example"].strip()
        for row in csv.DictReader(io.StringIO(text))
        if row["example"] and row["example"] != "NA"
    }


def cameo_items() -> list[dict]:
    """kipu's labels joined with the CAMEO manual's example sentences (read at run time)."""
    examples = cameo_examples()
    items = []
    with CAMEO_LABELS.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                label = json.loads(line)
                if label["cameo"] in examples:
                    items.append(
                        {
                            "id": f"cameo-{label['cameo']}",
                            "date": label.get("date", CAMEO_EXAMPLE_DATE),
                            "text": examples[label["cameo"]],
                            "mentions": label["mentions"],
                        }
                    )
    return items


def evaluate(name: str, items: list[dict], verbose: bool) -> Score:
    parsed = list(parse(article(i["id"], i["text"], i.get("date")) for i in items))
    result = Score()
    score(items, parsed, result)
    print("\n".join(result.lines(name)))
    if verbose:
        for e in result.errors:
            print("   ", e)
    return result


def guardian_articles() -> list[Article]:
    with GUARDIAN.open(encoding="utf-8") as f:
        return [article(f"g{row['']}", row["text"], row["date"]) for row in csv.DictReader(f)]


def speed() -> None:
    articles = guardian_articles()
    load_model()
    resolve_actors(next(parse(articles[:1])))  # warm the dictionaries and the model
    start = time.perf_counter()
    parsed = list(parse(articles))
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    n_mentions = sum(sum(len(m) for m in resolve_actors(p).mentions) for p in parsed)
    actors_s = time.perf_counter() - start
    n_words = sum(len(a.text.split()) for a in articles)
    print(f"guardian sample: {len(articles)} articles, {n_words} words, {n_mentions} mentions")
    print(f"  parse: {parse_s:.1f} s; actors: {actors_s:.2f} s")
    print(f"  ratio actors/parse time: {actors_s / parse_s:.3f}")


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    evaluate("dev set (tests/eval/actors_dev.jsonl)", dev_items(), verbose)
    if CAMEO_CSV.is_file():
        evaluate("CAMEO manual examples", cameo_items(), verbose)
    else:
        print("CAMEO manual examples: skipped (../shared/reference/cameo-codes.csv not present)")
    if "--no-speed" not in argv:
        if GUARDIAN.is_file():
            speed()
        else:
            print("speed: skipped (../shared/data/guardian-sample not present)")


if __name__ == "__main__":
    main(sys.argv[1:])
