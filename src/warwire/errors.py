"""The errors warwire reports, each with a stable code and a one-line message.

A user who feeds warwire a folder of mixed files needs to know which file was bad, why,
and what to do about it, in one line they can grep for. So every error carries a code
that never changes meaning (search the docs or the issue tracker for it), the file or
record it is about, and a message that ends with the remedy::

    [I002] news/photo.bin: file is binary, not text (found NUL bytes); give a .txt, .html or .jsonl file

The tree (catch the branch you can handle, or :class:`WarwireError` for all)::

    WarwireError            anything warwire reports on purpose
    ├── IngestError         I…: a bad input file or record; ingest yields it and goes on
    ├── ExtractionError     X…: the extractor failed on an article it was given
    ├── GeocodeError        G…: the gazetteer could not be loaded or queried
    ├── StorageError        S…: the event store could not be read or written
    └── ConfigError         C…: a bad option, setting or packaged data file

Ingest codes (see :data:`INGEST_CODES`)::

    I001  the path does not exist
    I002  the file is binary, not text
    I003  the file or record is empty
    I004  the text is in an encoding that cannot be decoded
    I005  the text is larger than the size limit
    I006  the file type is not one warwire reads
    I007  a folder holds nothing warwire can read
    I008  a JSON Lines line is not a JSON object
    I009  a record has no text
    I010  an HTML page holds no text
    I011  a record field has a bad value (a published date that is no date)
    I012  the text is in a language warwire has no lexicon for (raised by the CLI)
    I013  the file cannot be read (permissions, a device error)

Extraction codes: ``X001`` the extractor failed on one article (a bug: report it).

Config codes used so far: ``C001`` a packaged data file is unreadable (reinstall),
``C002`` a size limit that is not a positive number, ``C003`` an unknown value of an
option (a format, a conflict), ``C004`` an optional extra is not installed (parquet).

Storage codes::

    S001  the database cannot be opened (a bad path or URL, a server that does not answer)
    S002  an article or the incidents could not be written (the article is skipped)
    S003  the database was migrated by a newer warwire
    S004  the database holds nothing to report on (brief with no dated events)

Errors are plain exceptions, so they pickle and can be raised, but ingest *yields* them
alongside articles so one bad file never stops a run over a thousand good ones.
"""
from __future__ import annotations

from os import PathLike

#: every ingest code and what it means, for docs and for tests that codes stay unique
INGEST_CODES: dict[str, str] = {
    "I001": "the path does not exist",
    "I002": "the file is binary, not text",
    "I003": "the file or record is empty",
    "I004": "the text is in an encoding that cannot be decoded",
    "I005": "the text is larger than the size limit",
    "I006": "the file type is not one warwire reads",
    "I007": "a folder holds nothing warwire can read",
    "I008": "a JSON Lines line is not a JSON object",
    "I009": "a record has no text",
    "I010": "an HTML page holds no text",
    "I011": "a record field has a bad value",
    "I012": "the text is in a language warwire has no lexicon for",
    "I013": "the file cannot be read",
}


class WarwireError(Exception):
    """Base of every error warwire reports: ``[code] where: message``.

    ``where`` names the file, ``file:line`` of a record, or another thing the user can
    find; ``message`` says what is wrong and what to do, in one line.
    """

    #: the first letter of this branch's codes
    prefix = ""

    def __init__(self, code: str, where: str | PathLike[str], message: str) -> None:
        if self.prefix and not code.startswith(self.prefix):
            raise ValueError(f"{type(self).__name__} codes start with {self.prefix!r}, got {code!r}")
        super().__init__(code, str(where), message)
        self.code = code
        self.where = str(where)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.where}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.where!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.args == self.args  # type: ignore[union-attr]

    def __hash__(self) -> int:
        return hash((type(self), self.args))

    @property
    def path(self) -> str:
        """The file part of ``where`` (``corpus.jsonl`` for ``corpus.jsonl:12``)."""
        head, sep, tail = self.where.rpartition(":")
        return head if sep and tail.isdigit() else self.where


class IngestError(WarwireError):
    """A bad input file or record (codes ``I…``, listed in :data:`INGEST_CODES`)."""

    prefix = "I"


class ExtractionError(WarwireError):
    """The extractor failed on an article (codes ``X…``)."""

    prefix = "X"


class GeocodeError(WarwireError):
    """The gazetteer could not be loaded or queried (codes ``G…``)."""

    prefix = "G"


class StorageError(WarwireError):
    """The event store could not be read or written (codes ``S…``)."""

    prefix = "S"


class ConfigError(WarwireError):
    """A bad option, setting or packaged data file (codes ``C…``)."""

    prefix = "C"
