"""HTML pages (main text and metadata via trafilatura) and HTML fragments to text."""

from __future__ import annotations

import logging
from html.parser import HTMLParser

import trafilatura

from claimledger.errors import EmptyArticleError, MalformedRecordError
from claimledger.ingest.base import clean_text, make_article, normalise_date
from claimledger.models import Article, SourceInfo

logger = logging.getLogger(__name__)


def parse_html(content: str, location: str, path: str, stem: str | None) -> Article:
    """One article from an HTML page: its main text, title, date, URL and site name."""
    document = _extract(clean_text(content), location)
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not text.strip():
        raise EmptyArticleError(
            location,
            "no article text was found in the HTML page",
            "Check that the page holds the article itself, or save its text as a .txt file.",
        )
    source = SourceInfo(
        path=path,
        url=_meta(document, "url"),
        outlet=_meta(document, "sitename"),
        title=_meta(document, "title"),
        published=normalise_date(_meta(document, "date")),
        id=stem,
    )
    logger.debug("%s: extracted %d characters of main text", location, len(text))
    return make_article(text, source, location)


def _extract(content: str, location: str) -> object:
    """trafilatura's reading of the page; anything it raises makes the page unparseable.

    trafilatura and lxml are third-party parsers of arbitrary input: should one of them
    fail on an odd page, that page is reported and the batch goes on.
    """
    try:
        return trafilatura.bare_extraction(
            content, favor_recall=True, include_comments=False, with_metadata=True
        )
    except Exception as exc:  # a third-party parser: the page is at fault
        raise MalformedRecordError(
            location,
            f"the HTML page cannot be parsed ({type(exc).__name__}: {exc})",
            "Check that it is an HTML page, or save its text as a .txt file.",
        ) from None


def _meta(document: object, name: str) -> str | None:
    value = getattr(document, name, None)
    return value if isinstance(value, str) and value.strip() else None


_BLOCKS = frozenset(
    {"p", "div", "br", "hr", "pre", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th"}
    | {"article", "section", "main", "aside", "header", "footer", "figure", "figcaption"}
)
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head"})


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML fragment, one line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.blocks[-1].append(data)

    def _tag(self, tag: str, *, opening: bool) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden + (1 if opening else -1))
        elif tag in _BLOCKS:
            self.blocks.append([])


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment: blocks on their own lines, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join("".join(parts).split()) for parts in collector.blocks)
    return "\n".join(line for line in lines if line)
