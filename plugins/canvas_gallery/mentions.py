"""Company names in prose -> links to their canvas pages: the first mention per section only.

Works on an ElementTree element (a rendered section), so text already inside a link, code or
preformatted text is left alone, and the page's own company is never linked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .model import Canvas

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


@dataclass
class Mentions:
    """Every canvas's names, one pattern for all, and where each canvas page lives."""

    pattern: re.Pattern | None
    slug_of: dict[str, str]  # alias -> canvas slug
    url_of: dict[str, str]  # canvas slug -> URL of its page

    @classmethod
    def from_canvases(cls, canvases: list[Canvas], urls: dict[str, str]) -> "Mentions":
        slug_of = {}
        for canvas in sorted(canvases, key=lambda c: c.slug):
            for alias in aliases(canvas.name):
                slug_of.setdefault(alias, canvas.slug)
        if not slug_of:
            return cls(None, {}, dict(urls))
        names = "|".join(re.escape(alias) for alias in sorted(slug_of, key=lambda a: (-len(a), a)))
        # Whole words only ("Meta" is not in "metadata" or "Metaverse"); the canvas suffix joins the link.
        pattern = re.compile(rf"(?<![\w&])({names})(?:{re.escape(CANVAS_SUFFIX)})?(?![\w&])")
        return cls(pattern, slug_of, dict(urls))

    def find(self, text: str, own_slug: str):
        """(start, end, slug) for every mention of another canvas's company in ``text``."""
        if self.pattern is None or not text:
            return
        for match in self.pattern.finditer(text):
            slug = self.slug_of[match.group(1)]
            if slug != own_slug:
                yield match.start(), match.end(), slug

    def link(self, root: ET.Element, own_slug: str) -> None:
        """Link the first mention of each other canvas inside ``root``, in reading order."""
        linked = set()
        urls = {url: slug for slug, url in self.url_of.items()}

        def pieces(text):
            """Split text into the text before the first new mention and (anchor, following text) pairs."""
            out, position, head = [], 0, None
            for start, end, slug in self.find(text, own_slug):
                if slug in linked or slug not in self.url_of:
                    continue
                linked.add(slug)
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
