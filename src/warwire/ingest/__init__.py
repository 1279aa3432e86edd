"""ingest stage: files, folders and JSONL corpora in, :class:`~warwire.models.Article` out.

See :func:`iter_articles` for the inputs read and :mod:`warwire.errors` for the errors
yielded for bad ones.
"""
from warwire.ingest.language import detect_language
from warwire.ingest.progress import progress
from warwire.ingest.published import Conflict, find_conflict, load_conflicts, resolve_published
from warwire.ingest.readers import DEFAULT_MAX_BYTES, content_id, iter_articles

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Conflict",
    "content_id",
    "detect_language",
    "find_conflict",
    "iter_articles",
    "load_conflicts",
    "progress",
    "resolve_published",
]
