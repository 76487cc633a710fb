"""Parse amounts of money as written in news ("$84 million", "€11m", "1.2 billion rupees").

Written by hand because the job is small and must be exact and fast: spaCy's NER finds the MONEY
span; this turns its text into an amount and an ISO 4217 currency. Unknown currency → None.
"""

from __future__ import annotations

import re

from kipu.records import Quantity

# Currency symbols and words → ISO 4217. "$" is the US dollar unless prefixed ("A$", "C$", "HK$").
SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "mx$": "MXN",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₦": "NGN",
    "₺": "TRY",
    "₴": "UAH",
    "₪": "ILS",
    "₱": "PHP",
}
WORDS = {
    "dollar": "USD",
    "usd": "USD",
    "euro": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "rupee": "INR",
    "inr": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "rub": "RUB",
    "won": "KRW",
    "naira": "NGN",
    "shilling": "KES",
    "rand": "ZAR",
    "real": "BRL",
    "reais": "BRL",
    "peso": None,
    "lira": "TRY",
    "hryvnia": "UAH",
    "shekel": "ILS",
    "riyal": "SAR",
    "dirham": "AED",
    "franc": "CHF",
    "chf": "CHF",
    "sol": "PEN",
    "soles": "PEN",
    "cedi": "GHS",
    "birr": "ETB",
    "taka": "BDT",
    "dinar": None,
    "krona": "SEK",
    "krone": None,
    "zloty": "PLN",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
}
# Scale words and abbreviations as newswires write them.
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}
_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
MONEY_RE = re.compile(
    rf"(?P<sym>{_SYMBOL_RE})?\s*(?P<num>{_NUMBER})\s*(?:-|to|–)?\s*(?:{_NUMBER})?\s*"
    rf"(?P<scale>{_SCALE})?\b\.?\s*(?P<word>[A-Za-z]+)?",
    re.IGNORECASE,
)


def parse_quantity(text: str) -> Quantity | None:
    """An amount of money in the text, or None when there is no number with a currency."""
    m = MONEY_RE.search(text)
    if m is None:
        return None
    try:
        amount = float(m.group("num").replace(",", ""))
    except ValueError:
        return None
    scale_word = (m.group("scale") or "").lower()
    word = (m.group("word") or "").lower()
    if not scale_word and word in SCALES and word not in ("m", "b", "k"):
        scale_word, word = word, ""
    amount *= SCALES.get(scale_word, 1.0)
    currency = None
    sym = (m.group("sym") or "").lower()
    if sym:
        currency = SYMBOLS.get(sym)
    else:
        lemma = word.rstrip("s") if word.endswith("s") and word not in WORDS else word
        currency = WORDS.get(lemma)
        if currency is None:
            rest = text[m.end() :].lower().split()
            if rest:
                nxt = rest[0].strip(".,;")
                currency = WORDS.get(nxt.rstrip("s") if nxt not in WORDS else nxt)
    if currency is None:
        return None
    return Quantity(amount=amount, currency=currency, unit=None, text=text.strip())


# Number words as news writes counts ("twenty-three civilians"); vague ones ("dozens",
# "hundreds") are not amounts and give None: precision first.
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
NUMBER_WORDS.update(
    {
        w: 10 * n
        for n, w in enumerate(
            "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
        )
    }
)
# Multipliers after a number ("3 million", "two hundred", "a dozen").
COUNT_SCALES = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
# Units of counted quantities the coder attaches (see records.Quantity.unit).
COUNT_UNITS = frozenset({"killed", "wounded", "arrested", "troops", "people"})
_COUNT_RE = re.compile(rf"^(?:{_NUMBER})$")
# Words before a count that hedge it ("at least 12", "as many as 40", "between 20 and 30").
HEDGE_RE = re.compile(
    r"^(?:(?:at least|more than|over|about|some|nearly|almost|around|roughly"
    r"|between|an estimated|approximately)\s+)+"
)
# Words that make a count an upper bound ("up to 40", "fewer than 10"): not a figure to record.
UPPER_BOUND_RE = re.compile(r"^(?:up to|as many as|fewer than|less than|under)\s")
# A range of digits: the lower bound and what follows the upper one ("10-12 million").
RANGE_RE = re.compile(rf"^(?P<lo>{_NUMBER})\s*(?:-|–|to|and|or)\s*(?:{_NUMBER})(?P<rest>.*)$")


def parse_count(text: str) -> float | None:
    """A count written in digits or words ("1,200", "twenty-three", "3 million"), or None.

    Hedges are dropped ("at least 12" → 12), a range gives its lower bound ("20 to 30" → 20,
    "10-12 million" → 10 million) and an upper bound ("up to 40") gives None: the figure the text
    is sure of, or nothing.
    """
    low = text.lower().strip()
    if UPPER_BOUND_RE.match(low):
        return None
    low = HEDGE_RE.sub("", low)
    ranged = RANGE_RE.match(low)
    if ranged:
        low = ranged.group("lo") + ranged.group("rest")
    words = low.replace("-", " ").replace("–", " ").split()
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for w in words:
        if _COUNT_RE.match(w):
            if current is not None:
                return None  # two numbers side by side: not one count
            current = float(w.replace(",", ""))
        elif w in NUMBER_WORDS:
            current = (current or 0.0) + NUMBER_WORDS[w]
        elif w in ("a", "an") and current is None:
            current = 1.0
        elif w in COUNT_SCALES and current is not None:
            total += current * COUNT_SCALES[w]
            current = None
        elif w == "and":
            continue
        else:
            return None  # "dozens", "hundreds", "several": not an amount
    total += current or 0.0
    return total if total > 0 else None


def count_quantity(text: str, unit: str) -> Quantity | None:
    """A counted quantity ("killing 23 people" → 23 killed), or None when the count is vague."""
    if unit not in COUNT_UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    amount = parse_count(text)
    if amount is None:
        return None
    return Quantity(amount=amount, currency=None, unit=unit, text=text.strip())
