"""Company names in prose -> links to their canvas pages: the first mention per section only.

Works on an ElementTree element (a rendered section), so text already inside a link, code or
preformatted text is left alone, and the page's own company is never linked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Canvas

CANVAS_SUFFIX = " Business Model Canvas"
_SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}


def aliases(name: str) -> list[str]:
    """The ways prose names a company: "Inditex (Zara)" is also "Inditex" and "Zara"."""
    found = [name]
    inner = re.search(r"\(([^()]+)\)", name)
    if inner:
        found += [re.sub(r"\s*\([^()]*\)", "", name).strip(), inner.group(1).strip()]
    if "'" in name:
        found.append(name.replace("'", "’"))
    return [alias for alias in dict.fromkeys(found) if alias]


_TOKEN = re.compile(r"[^\W_][\w'’&.+-]*")
_WORD_CHAR = re.compile(r"[\w&]")
_TRAILING = re.compile(r"(['’]s|[.'’-])+$")  # a possessive or punctuation after a name


_LINK = Markup('<a href="{}">{}</a>')  # format() escapes the URL and the name


def _first_token(alias: str) -> str:
    match = _TOKEN.match(alias)
    return match.group().rstrip(".") if match else alias


@dataclass
class Mentions:
    """Every canvas's names, indexed by their first word, and where each canvas page lives.

    A lookup per word of text, not one regular expression of every name: with thousands of
    canvases, an alternation of every name would be tried at every position of every text.
    """

    by_first_word: dict[str, list[str]]  # first word -> aliases starting with it, longest first
    slug_of: dict[str, str]  # alias -> canvas slug
    url_of: dict[str, str]  # canvas slug -> URL of its page

    def __post_init__(self):
        self.slug_at = {url: slug for slug, url in self.url_of.items()}  # URL -> canvas slug
        self._candidates: dict[str, list[str] | None] = {}

    @classmethod
    def from_canvases(cls, canvases: list[Canvas], urls: dict[str, str]) -> "Mentions":
        slug_of = {}
        for canvas in sorted(canvases, key=lambda c: c.slug):
            for alias in aliases(canvas.name):
                slug_of.setdefault(alias, canvas.slug)
        by_first_word: dict[str, list[str]] = {}
        for alias in sorted(slug_of, key=lambda a: (-len(a), a)):
            by_first_word.setdefault(_first_token(alias), []).append(alias)
        return cls(by_first_word, slug_of, dict(urls))

    def candidates(self, word: str) -> list[str] | None:
        """The aliases that may start at this word ("Apple's" and "Apple." look up "Apple"); memoised per word."""
        if word not in self._candidates:
            self._candidates[word] = self.by_first_word.get(word) or self.by_first_word.get(_TRAILING.sub("", word))
        return self._candidates[word]

    def find(self, text: str, own_slug: str):
        """(start, end, slug) for every mention of another canvas's company in ``text``. Whole
        words only ("Meta" is not in "Metadata"); a following " Business Model Canvas" joins it."""
        position, known = 0, self._candidates
        while text:
            # The words from ``position`` on, until a name is found; after a name, from its end.
            for match in _TOKEN.finditer(text, position):
                start, word = match.start(), match.group()
                # Most words start no name: the memoised look-up first, the character before only then.
                candidates = known[word] if word in known else self.candidates(word)
                if not candidates or start and _WORD_CHAR.match(text[start - 1]):
                    continue
                found = self._name_at(text, start, candidates)
                if found:
                    end, slug = found
                    if slug != own_slug:
                        yield start, end, slug
                    position = end
                    break
            else:
                return

    def _name_at(self, text: str, start: int, candidates: list[str]) -> tuple[int, str] | None:
        """(end, slug) of the longest alias starting at ``start`` as a whole word, if one does."""
        for alias in candidates:
            end = start + len(alias)
            if text.startswith(alias, start) and not _WORD_CHAR.match(text[end:end + 1]):
                if text.startswith(CANVAS_SUFFIX, end):
                    end += len(CANVAS_SUFFIX)
                return end, self.slug_of[alias]
        return None

    def _new_mentions(self, text: str, own_slug: str, linked: set):
        """The mentions in ``text`` of canvases with a page and not in ``linked`` yet, which it adds them to:
        each company is linked once per section."""
        for start, end, slug in self.find(text, own_slug):
            if slug not in linked and slug in self.url_of:
                linked.add(slug)
                yield start, end, slug

    def linked_html(self, text: str, own_slug: str, linked: frozenset = frozenset()) -> Markup:
        """Plain text -> escaped HTML with the first mention of each other canvas linked: the elements ``link``
        makes of an element holding only text, without building one (the generated analysis has thousands of
        such paragraphs). ``linked``: slugs the section links already."""
        pieces, position = [], 0
        for start, end, slug in self._new_mentions(text, own_slug, set(linked)):
            pieces += [text[position:start], _LINK.format(self.url_of[slug], text[start:end])]
            position = end
        pieces.append(text[position:])
        return Markup().join(pieces)  # escapes the plain text between the links

    def link(self, root: ET.Element, own_slug: str) -> None:
        """Link the first mention of each other canvas inside ``root``, in reading order."""
        linked = set()
        urls = self.slug_at

        def pieces(text):
            """Split text into the text before the first new mention and (anchor, following text) pairs."""
            out, position, head = [], 0, None
            for start, end, slug in self._new_mentions(text, own_slug, linked):
                anchor = ET.Element("a", {"href": self.url_of[slug]})
                anchor.text = text[start:end]
                if head is None:
                    head = text[position:start]
                else:
                    out[-1].tail = text[position:start]
                out.append(anchor)
                position = end
            if head is None:
                return text, []
            out[-1].tail = text[position:]
            return head, out

        def walk(element):
            if element.text:
                element.text, anchors = pieces(element.text)
                for offset, anchor in enumerate(anchors):
                    element.insert(offset, anchor)
            for child in list(element):
                if child.tag == "a" and child.get("href") in urls:
                    linked.add(urls[child.get("href")])  # an editor's own link counts as the mention
                if child.tag not in _SKIP:
                    walk(child)
                if child.tail:
                    child.tail, anchors = pieces(child.tail)
                    at = list(element).index(child) + 1
                    for offset, anchor in enumerate(anchors):
                        element.insert(at + offset, anchor)

        walk(root)
