"""The text of a Doc, read once.

spaCy builds ``Doc.text`` anew from its tokens on every access; the event stage reads the
text dozens of times per article, so it keeps one copy in ``doc.user_data``.
"""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "warwire.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
