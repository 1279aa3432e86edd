"""Bytes to article text: refuse binaries, decode, and keep offsets meaningful.

Every character offset warwire reports points into the text this module returns, so it
changes as little as possible: it strips a byte-order mark and turns CRLF into LF, and
nothing else.
A file that is not UTF-8 is tried as Windows-1252 (when its letters are mostly ASCII)
and then with charset detection (charset_normalizer, which trafilatura already depends
on) before it is refused.
"""
from __future__ import annotations

import codecs
import re

from warwire.errors import IngestError

#: how many bytes the binary check looks at
_SNIFF = 8192
#: control characters other than tab, newline, form feed and carriage return
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TEXT_KINDS = "a .txt, .html or .jsonl file"


def normalise_newlines(text: str) -> str:
    """CRLF to LF: the only change made to a text file's content."""
    return text.replace("\r\n", "\n") if "\r" in text else text


def check_binary(data: bytes, where: str) -> IngestError | None:
    """An I002 error when ``data`` looks like a binary file, else ``None``."""
    head = data[:_SNIFF]
    if head.startswith(_UTF16_BOMS):
        return None
    if b"\x00" in head:
        return IngestError("I002", where, f"file is binary, not text (found NUL bytes); give {_TEXT_KINDS}")
    if head and len(_CONTROL.findall(head)) > len(head) * 0.05:
        return IngestError("I002", where, f"file is binary, not text (mostly control bytes); give {_TEXT_KINDS}")
    return None


def decode(data: bytes, where: str) -> str | IngestError:
    """The text of ``data`` with newlines normalised, or the IngestError that says why not.

    Order: binary check; UTF-8 (a BOM is dropped); UTF-16 with a BOM; charset detection.
    Empty or whitespace-only text is an error (I003), since it can hold no event.
    """
    if not data.strip():
        return IngestError("I003", where, "file is empty; give a file with the article's text")
    error = check_binary(data, where)
    if error is not None:
        return error
    text = _decode_bytes(data)
    if text is None:
        return IngestError(
            "I004", where, "text is neither UTF-8 nor any encoding charset detection recognises; save it as UTF-8"
        )
    text = normalise_newlines(text)
    if not text.strip():
        return IngestError("I003", where, "file is empty; give a file with the article's text")
    return text


def _decode_bytes(data: bytes) -> str | None:
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> str | None:
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # imported only for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    # a decoding that needs many replacement or control characters is no decoding
    bad = text.count("\ufffd") + len(_CONTROL.findall(text.encode("utf-8", "replace")))
    return None if bad > max(2, len(text) // 100) else text


def _western(data: bytes) -> str | None:
    """``data`` as Windows-1252 when it reads as mostly-ASCII Western text, else ``None``.

    Charset detection guesses poorly on short texts with a few accented letters (a Latin-1
    "café" comes out as Central European "cafť"). Text whose letters are mostly ASCII
    is Western European far more often than anything else, so that case is settled first;
    Cyrillic or Greek single-byte text has mostly non-ASCII letters and goes on to detection.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    ascii_letters = sum(ch.isascii() for ch in letters)
    return text if letters and ascii_letters >= 0.8 * len(letters) else None
