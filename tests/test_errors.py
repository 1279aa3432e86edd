"""The error catalogue: one-line messages, stable codes, a tree to catch by branch."""
from __future__ import annotations

import pickle

import pytest

from warwire.errors import (
    INGEST_CODES,
    ConfigError,
    ExtractionError,
    GeocodeError,
    IngestError,
    StorageError,
    WarwireError,
)


def test_errors_str_is_code_place_and_message_on_one_line():
    err = IngestError("I002", "news/photo.bin", "file is binary, not text (found NUL bytes); give a .txt file")
    assert str(err) == "[I002] news/photo.bin: file is binary, not text (found NUL bytes); give a .txt file"
    assert "\n" not in str(err)
    assert (err.code, err.where) == ("I002", "news/photo.bin")


def test_errors_every_branch_is_a_warwire_error():
    for cls, code in [(IngestError, "I001"), (ExtractionError, "X001"), (GeocodeError, "G001"),
                      (StorageError, "S001"), (ConfigError, "C001")]:
        err = cls(code, "somewhere", "what to do")
        assert isinstance(err, WarwireError)
        assert isinstance(err, Exception)


def test_errors_code_must_match_the_branch():
    with pytest.raises(ValueError, match="start with 'I'"):
        IngestError("X001", "file.txt", "wrong branch")


def test_errors_pickle_round_trip_keeps_equality():
    err = IngestError("I008", "corpus.jsonl:3", "line is not valid JSON; fix or remove it")
    again = pickle.loads(pickle.dumps(err))
    assert again == err
    assert str(again) == str(err)
    assert hash(again) == hash(err)


def test_errors_path_drops_the_line_number():
    assert IngestError("I009", "corpus.jsonl:12", "no text").path == "corpus.jsonl"
    assert IngestError("I001", "C:/news/a.txt", "missing").path == "C:/news/a.txt"


def test_errors_ingest_codes_are_unique_and_prefixed():
    assert all(code.startswith("I") and len(code) == 4 for code in INGEST_CODES)
    assert len(set(INGEST_CODES.values())) == len(INGEST_CODES)
