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
