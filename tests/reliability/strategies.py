"""Hypothesis strategies for hostile inputs: pages, scraped texts, JSON Lines, web archives, gzip.

Every generator writes its own invented text (no page or dictionary of anyone else's); the
shapes are the ones real crawls throw at a reader: unclosed and deeply nested markup, huge
attributes, NUL bytes, a charset the page declares but does not use, right-to-left and combining
marks, JSON of the wrong types, archives cut short or with lying lengths, gzip bombs and gzip
inside gzip.
"""

from __future__ import annotations

import gzip
import json
import zlib

from hypothesis import strategies as st

WORDS = (
    "the council river town voted bridge minister envoys met officials talks border troops "
    "said on Monday in after before a of to and police protest rebels ceasefire aid grain"
).split()
# Letters of scripts that are written right to left, combining marks, bidi and zero-width marks.
RTL = "\u0627\u0644\u0633\u0644\u0627\u0645\u05e9\u05dc\u05d5\u05dd\u0645\u0631\u062d\u0628\u0627"
COMBINING = "\u0301\u0308\u0327\u0323\u0336\u20dd\u0489"
CONTROLS = "\u202e\u202d\u200f\u200e\u200b\u200d\u2066\u2069\ufeff\u00ad"
PUNCTUATION = "!?.,;:-–—…\"'“”‘’«»()[]{}<>/\\|*&^%$#@~`+=_"
CODECS = (
    "utf-8",
    "utf-8-sig",
    "cp1252",
    "latin-1",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "shift_jis",
    "koi8-r",
    "gb18030",
    "iso-8859-7",
)
DECLARED = (*CODECS, "x-no-such-charset", "utf-7", "", "utf8", "UTF-8;", "'", "euc-kr")
TAGS = (
    "html head body div p article section span a b i em h1 h2 title meta link br img script "
    "style svg noscript iframe form template math table tr td ul li pre xmp textarea select "
    "font center marquee frameset plaintext time figure figcaption nav footer header aside"
).split()
ATTRIBUTES = (
    "class id href src style content name property charset http-equiv datetime itemprop "
    "type lang dir onload data-x"
).split()


def words(min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size).map(" ".join)


# Text of every kind: plain words, any unicode, right-to-left and combining marks, punctuation.
odd_text = st.one_of(
    words(),
    st.text(max_size=80),
    st.text(alphabet=RTL + COMBINING + CONTROLS + " ", max_size=80),
    st.text(alphabet=PUNCTUATION + " ", min_size=1, max_size=80),
    st.builds(lambda w, m: "".join(c + m for c in w), words(), st.sampled_from(COMBINING)),
)


def _attribute(name: str, value: str, quote: str) -> str:
    return f" {name}={quote}{value}{quote}" if quote != "none" else f" {name}"


attribute = st.builds(
    _attribute,
    st.sampled_from(ATTRIBUTES) | st.text(alphabet="abcdefgh-:\"'=<>", min_size=1, max_size=8),
    odd_text | st.integers(0, 200_000).map(lambda n: "x" * n),
    st.sampled_from(['"', "'", "", "none"]),
)


def _element(tag: str, attrs: list[str], children: list[str], closing: str) -> str:
    inner = "".join(children)
    if closing == "none":
        return f"<{tag}{''.join(attrs)}>{inner}"
    if closing == "self":
        return f"<{tag}{''.join(attrs)}/>{inner}"
    if closing == "wrong":
        return f"<{tag}{''.join(attrs)}>{inner}</{tag}x>"
    return f"<{tag}{''.join(attrs)}>{inner}</{tag}>"


markup = st.recursive(
    odd_text
    | st.just("<!-- a comment -->")
    | st.just("<![CDATA[ x ]]>")
    | st.just("&amp;&#0;&#x110000;&bogus;"),
    lambda children: st.builds(
        _element,
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=4),
        st.sampled_from(["close", "close", "none", "self", "wrong"]),
    ),
    max_leaves=30,
)


def _nested(depth: int, tag: str, body: str, closed: bool) -> str:
    return f"<{tag}>" * depth + body + (f"</{tag}>" * depth if closed else "")


deep = st.builds(
    _nested,
    st.integers(1, 3000),
    st.sampled_from(["div", "span", "b", "table", "p"]),
    words(),
    st.booleans(),
)


def _page(doctype: bool, head: str, body: str, meta: str | None) -> str:
    charset = (
        ""
        if meta is None
        else f'<meta charset="{meta}"><meta http-equiv="Content-Type" content="text/html; charset={meta}">'
    )
    return (
        "<!DOCTYPE html>" if doctype else ""
    ) + f"<html><head>{charset}{head}</head><body>{body}</body></html>"


page_text = st.one_of(
    st.builds(_page, st.booleans(), markup, markup | deep, st.none() | st.sampled_from(DECLARED)),
    markup,
    deep,
)


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="xmlcharrefreplace" if "utf" not in codec else "surrogatepass")


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text in one encoding, in several glued together, with NUL bytes dropped in."""
    pieces = draw(st.lists(st.tuples(text, st.sampled_from(CODECS)), min_size=1, max_size=3))
    data = b"".join(_encode(t, c) for t, c in pieces)
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 3]))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\x00" * draw(st.integers(1, 4)) + data[at:]
    return data


html_bytes = encoded(page_text)

# --- scraped text ------------------------------------------------------------------------------


def _line(kind: str, body: str) -> str:
    return {
        "plain": body,
        "menu": " | ".join(body.split()[:6]),
        "dateline": f"RIVERTOWN (Wire) - {body}.",
        "byline": f"By {body[:30]}",
        "heading": body[:60].title(),
    }[kind]


scraped_line = st.builds(
    _line, st.sampled_from(["plain", "plain", "menu", "dateline", "byline", "heading"]), odd_text
)
scraped_text = st.one_of(
    st.lists(scraped_line, max_size=40).map("\n".join),
    st.lists(scraped_line, max_size=10).map("\r\n\r\n".join),
    st.text(alphabet=PUNCTUATION + " \n", max_size=2000),
    st.text(alphabet=RTL + COMBINING + CONTROLS + " .\n", max_size=2000),
    st.builds(
        lambda n, w: (w + " ") * n, st.integers(1, 50_000), st.sampled_from(WORDS + ["…", "."])
    ),
)
text_bytes = encoded(scraped_text)

# --- JSON Lines --------------------------------------------------------------------------------

URLS = (
    "https://news.example/a",
    "http://[",
    "http://[::1",
    "http://[zz]/x",
    "https://exa mple.example/",
    "//",
    "http://host:99999999/",
    "http://host:-1/",
    "mailto:x",
    "\x00",
    "http://ünïcode.example/ä",
    "",
)
json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
    st.sampled_from(URLS),
    st.sampled_from(["2012-10-07", "Oct 7, 2012", "99999999999999", "-1", "2012-02-30", "1e309"]),
)
json_value = st.recursive(
    json_scalar,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = ("id", "doc_id", "input_id", "text", "html", "url", "date", "published", "title")
json_record = st.one_of(
    st.dictionaries(
        st.sampled_from(FIELDS) | st.text(max_size=6),
        json_value | page_text | scraped_text,
        max_size=6,
    ),
    st.fixed_dictionaries(
        {"text": scraped_text},
        optional={"id": json_scalar, "url": json_scalar, "date": json_scalar, "title": json_scalar},
    ),
    st.fixed_dictionaries(
        {"html": page_text},
        optional={"id": json_scalar, "url": json_scalar, "published": json_scalar},
    ),
)


def _dump(value: object, ascii_only: bool) -> str:
    # Python writes NaN and Infinity, as many producers do; strict readers refuse them.
    return json.dumps(value, ensure_ascii=ascii_only)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """Lines of records, wrong types, broken JSON, deep nesting, blank lines, BOMs, huge lines."""
    line = st.one_of(
        st.builds(_dump, json_record, st.booleans()),
        st.builds(_dump, json_value, st.booleans()),
        st.builds(
            lambda s, n: s[:n], st.builds(_dump, json_record, st.booleans()), st.integers(0, 60)
        ),
        st.integers(1, 100_000).map(lambda n: "[" * n + "]" * n),
        st.integers(1, 100_000).map(lambda n: '{"text": "' + "a" * n + '"}'),
        st.just(""),
        st.just('\ufeff{"text": "bom in the middle"}'),
        st.text(max_size=40),
    )
    lines = draw(st.lists(line, max_size=12))
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
    text = separator.join(lines)
    if draw(st.booleans()):
        text = "\ufeff" + text
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252", "latin-1"]))
    return _encode(text, codec)


# --- WARC and WET ------------------------------------------------------------------------------

RECORD_TYPES = ("warcinfo", "request", "response", "resource", "conversion", "metadata", "revisit")


def _http(status: int, content_type: str, body: bytes) -> bytes:
    return f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


@st.composite
def warc_record(draw: st.DrawFn, n: int) -> bytes:
    kind = draw(st.sampled_from(RECORD_TYPES))
    if kind == "conversion":
        block, content_type = draw(text_bytes), "text/plain"
    else:
        content_type = draw(
            st.sampled_from(
                ["text/html; charset=" + c for c in DECLARED]
                + ["text/html", "image/png", "application/xhtml+xml"]
            )
        )
        body = draw(html_bytes)
        if kind == "response" and draw(st.booleans()):
            block = _http(draw(st.sampled_from([200, 200, 204, 301, 404, 500])), content_type, body)
            content_type = "application/http; msgtype=response"
        else:
            block = body
    length: str = str(len(block))
    lie = draw(st.sampled_from(["none"] * 12 + ["more", "less", "word", "negative", "huge"]))
    if lie == "more":
        length = str(len(block) + draw(st.integers(1, 5000)))
    elif lie == "less":
        length = str(max(0, len(block) - draw(st.integers(1, 5000))))
    elif lie == "word":
        length = "twelve"
    elif lie == "negative":
        length = "-5"
    elif lie == "huge":
        length = "99999999999999999999"
    record_id = f"<urn:uuid:{n:032x}>"
    if draw(st.integers(0, 9)) == 0:
        record_id = draw(
            st.sampled_from(["", "not-an-id", f"<urn:uuid:{n}"]) | st.text(max_size=10)
        )
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: {record_id}",
        f"WARC-Target-URI: {draw(st.sampled_from(URLS))}",
        f"WARC-Date: {draw(st.sampled_from(['2024-03-01T10:00:00Z', 'yesterday', '', '9999-99-99']))}",
        f"Content-Type: {content_type}",
        f"Content-Length: {length}",
    ]
    if draw(st.integers(0, 9)) == 0:
        headers.pop(draw(st.integers(0, len(headers) - 1)))
    if draw(st.integers(0, 5)) == 0:
        headers.append("WARC-Truncated: length")
    head = "\r\n".join(headers).encode("utf-8", "surrogatepass") + b"\r\n\r\n"
    return head + block + b"\r\n\r\n"


@st.composite
def warc_bytes(draw: st.DrawFn) -> tuple[bytes, bool]:
    """An archive (plain, or one gzip member per record as crawlers write), then damaged."""
    records = [draw(warc_record(n)) for n in range(draw(st.integers(0, 5)))]
    gzipped = draw(st.booleans())
    data = b"".join(gzip.compress(r, compresslevel=1) if gzipped else r for r in records)
    damage = draw(st.sampled_from(["none"] * 4 + ["truncate", "flip", "garbage", "insert"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif damage == "garbage":
        data += draw(st.binary(min_size=1, max_size=200))
    elif damage == "insert" and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=50)) + data[at:]
    return data, gzipped


# --- gzip --------------------------------------------------------------------------------------


def bomb(size: int, byte: bytes = b"\x00") -> bytes:
    """``size`` bytes of one byte value, gzipped in streaming chunks (a few KB on disk)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = byte * (1 << 20)
    out = []
    for _ in range(size // len(chunk)):
        out.append(compressor.compress(chunk))
    out.append(compressor.compress(byte * (size % len(chunk))))
    out.append(compressor.flush())
    return b"".join(out)


@st.composite
def gzip_bytes(draw: st.DrawFn) -> bytes:
    """gzip inside gzip, concatenated members, bombs, truncated or padded streams."""
    payload = draw(st.one_of(html_bytes, text_bytes, jsonl_bytes(), st.binary(max_size=200)))
    shape = draw(st.sampled_from(["nested", "members", "bomb", "truncated", "trailing"]))
    if shape == "nested":
        for _ in range(draw(st.integers(1, 6))):
            payload = gzip.compress(payload, compresslevel=1)
        return payload
    if shape == "members":
        return b"".join(gzip.compress(p, compresslevel=1) for p in (payload, payload[:5], b""))
    if shape == "bomb":
        size = draw(st.sampled_from([10_001, 100_000, 1_000_000]))
        return bomb(size, draw(st.sampled_from([b"\x00", b"a", b"<"])))
    packed = gzip.compress(payload, compresslevel=1)
    if shape == "truncated":
        return packed[: draw(st.integers(0, max(0, len(packed) - 1)))]
    return packed + draw(st.sampled_from([b"\x00" * 10, b"junk", b"\x1f\x8b", b"\x1f\x8b\x08\x00"]))
