"""Bytes to text: what is refused, what is decoded, and that offsets stay put."""
from __future__ import annotations

import codecs

from warwire.errors import IngestError
from warwire.ingest.decode import decode


def _code(result: str | IngestError) -> str | None:
    return result.code if isinstance(result, IngestError) else None


def test_decode_utf8_bom_is_dropped():
    assert decode(codecs.BOM_UTF8 + "Shelling in Kherson.".encode(), "a.txt") == "Shelling in Kherson."


def test_decode_crlf_becomes_lf_and_nothing_else_changes():
    raw = "Headline\r\n\r\n  Body  with\ttabs and a lone\rcarriage return.\n"
    assert decode(raw.encode(), "a.txt") == "Headline\n\n  Body  with\ttabs and a lone\rcarriage return.\n"


def test_decode_utf16_with_bom():
    assert decode("Drones over Odesa.".encode("utf-16"), "a.txt") == "Drones over Odesa."


def test_decode_nul_bytes_are_binary():
    result = decode(b"PK\x03\x04\x00\x00some zip", "a.txt")
    assert _code(result) == "I002"
    assert "NUL" in str(result)


def test_decode_control_bytes_are_binary():
    assert _code(decode(bytes(range(1, 32)) * 20, "a.txt")) == "I002"


def test_decode_empty_and_blank_are_empty():
    assert _code(decode(b"", "a.txt")) == "I003"
    assert _code(decode(b" \n\t\n", "a.txt")) == "I003"


def test_decode_latin1_falls_back_to_detection():
    text = decode("Caf\u00e9 owners in Z\u00fcrich read the report.".encode("latin-1"), "a.txt")
    assert isinstance(text, str)
    assert "Caf\u00e9" in text and "Z\u00fcrich" in text


def test_decode_undecodable_bytes_are_refused():
    result = decode(bytes(range(0x80, 0x100)) * 4, "a.txt")
    assert _code(result) == "I004"
    assert "UTF-8" in str(result)
