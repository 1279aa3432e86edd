"""HTML pages to article text, title and date, never losing the text silently.

trafilatura finds the main text of a news page and drops menus, ads and comments; it
also reads the title and the publication date from the page's metadata. On a page it
cannot parse, or one too short for it, it returns nothing: then a plain tag strip keeps
whatever text the page has, so an odd page yields a rough article rather than none.
trafilatura is imported on the first HTML page only: it costs about 0.15 s to import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

#: tags whose content is never article text
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "title", "iframe"})
#: tags that end a line of text
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
     "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "figcaption"}
)
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page holds: its main text, title and publication date."""

    text: str
    title: str | None = None
    published: date | None = None
    #: ``trafilatura`` or ``tag-strip``: which reader found the text
    method: str = "trafilatura"


def read_html(markup: str) -> Page:
    """The main text of ``markup`` by trafilatura, else by tag strip (text may be empty)."""
    page = _trafilatura(markup)
    if page is not None and page.text.strip():
        return page
    text = strip_tags(markup)
    title = page.title if page is not None else _title(markup)
    published = page.published if page is not None else None
    return Page(text=text, title=title, published=published, method="tag-strip")


def strip_tags(markup: str) -> str:
    """The visible text of ``markup``: one line per block, scripts and styles dropped."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _trafilatura(markup: str) -> Page | None:
    import trafilatura
    from trafilatura.settings import set_date_params

    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # the page's own date metadata only: dates guessed from the text are the job of the
        # dateline step of the published-date cascade, which knows the article's language
        date_extraction_params=set_date_params(extensive=False),
    )
    if document is None:
        return None
    text = (document.text or "").strip()
    return Page(text=text, title=document.title or None, published=_iso_date(document.date))


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _title(markup: str) -> str | None:
    match = _TITLE.search(markup)
    if match is None:
        return None
    title = _SPACES.sub(" ", strip_tags(match.group(1))).strip()
    return title or None


class _TextParser(HTMLParser):
    """Collects text outside skipped tags; block tags become newlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\r\n", "\n").replace("\n", " "))
