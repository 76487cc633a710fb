"""Raw bytes → text: gunzip with a size cap, binary detection, and decoding with fallbacks."""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

GZIP_MAGIC = b"\x1f\x8b"
# Signatures of files people drop into news folders by mistake (file(1)'s magic database).
BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
)
# Byte-order marks of the wide encodings; UTF-32 first, as its LE mark starts like UTF-16's.
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
UTF8_BOM = b"\xef\xbb\xbf"
# How much of an input the binary check looks at, and the share of control characters above
# which it is not text (the heuristic of file(1) and git's buffer_is_binary, loosened for junk).
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# cp1252 leaves five bytes undefined; surrogateescape turns them into U+DC81 ... and we map them
# back to their Latin-1 meaning, so the rest of the text keeps cp1252's curly quotes and dashes.
_ESCAPED = re.compile("[\udc80-\udcff]")
# Compressed bytes fed to zlib at a time: small, so a break loses little of what came before it.
GUNZIP_CHUNK = 1 << 14
GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer, not raw deflate or zlib


class Failure(NamedTuple):
    """Why an input could not be read: a ``Rejected`` reason code and its one-line detail."""

    reason: str
    detail: str


class Gunzipped(NamedTuple):
    data: bytes  # everything decompressed before a failure, or all of it
    failure: Failure | None
    warnings: tuple[str, ...]


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip(raw: bytes, max_bytes: int) -> Gunzipped:
    """Decompress gzip (all members), stopping at ``max_bytes`` of output.

    Input is fed in small chunks, so when the stream breaks, what came before it is kept.
    """
    out = bytearray()
    view = memoryview(raw)
    stream = zlib.decompressobj(GZIP_WBITS)
    pos = 0  # how much of raw has been fed to the stream
    pending: bytes | memoryview = b""
    while True:
        if not pending:
            if pos >= len(raw):
                detail = f"gzip stream ends early, after byte {len(out)} of the decompressed stream"
                return Gunzipped(bytes(out), Failure("truncated_gzip", detail), ())
            pending = view[pos : pos + GUNZIP_CHUNK]
            pos += len(pending)
        try:
            out += stream.decompress(pending, max_bytes + 1 - len(out))
        except zlib.error as e:
            detail = f"corrupt gzip data after byte {len(out)} of the decompressed stream ({e})"
            return Gunzipped(bytes(out), Failure("bad_gzip", detail), ())
        if len(out) > max_bytes:
            detail = f"decompresses to more than {max_bytes} bytes (max_bytes)"
            return Gunzipped(b"", Failure("too_large", detail), ())
        pending = stream.unconsumed_tail
        if stream.eof:
            pos -= len(stream.unused_data)
            if raw.startswith(GZIP_MAGIC, pos):  # another member (concatenated gzip, bgzip)
                stream = zlib.decompressobj(GZIP_WBITS)
                pending = b""
                continue
            # Zero padding after the stream is normal (tape blocks); anything else is noted.
            warnings = ("gzip_trailing_data",) if raw[pos:].strip(b"\x00") else ()
            return Gunzipped(bytes(out), None, warnings)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (the detail of a "binary" rejection), or None if it may be text."""
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            return f"this is {what}, not text"
    if is_gzip(data):
        return "this is gzip inside gzip, not text"
    sample = data[:SNIFF_BYTES]
    codec = wide_codec(data)
    if codec:
        text = sample[: len(sample) // 4 * 4].decode(codec, errors="replace")
        n_control = len(_CONTROL_CHARS.findall(text))
        if "\x00" in text:
            return "contains NUL characters"
        size = len(text)
    else:
        if b"\x00" in sample:
            return "contains NUL bytes"
        n_control = len(sample.translate(None, _NOT_CONTROL))
        size = len(sample)
    if size and n_control / size > MAX_CONTROL_SHARE:
        share = round(100 * n_control / size)
        return f"{share}% of its first {size} characters are control characters"
    return None


def wide_codec(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``data`` starts with that encoding's byte-order mark."""
    for bom, codec in WIDE_BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``data`` as text, and the warnings decoding it raised.

    A UTF-16/32 byte-order mark decides the encoding; otherwise UTF-8 (without its BOM), and bytes
    that are not UTF-8 are read as Windows-1252 ("decoded_cp1252"), which every byte decodes in.
    """
    codec = wide_codec(data)
    if codec:
        try:
            return data.decode(codec), ()
        except UnicodeDecodeError:
            return data.decode(codec, errors="replace"), ("decoded_with_replacement",)
    return decode_narrow(data.removeprefix(UTF8_BOM))


def decode_narrow(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``data`` as UTF-8, or as Windows-1252 ("decoded_cp1252") when it is not UTF-8."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="surrogateescape")
        return _ESCAPED.sub(_latin1, text), ("decoded_cp1252",)


def _latin1(escaped: re.Match[str]) -> str:
    return chr(ord(escaped.group()) - 0xDC00)
