"""How deep a saved web page's elements nest, found with one regular-expression pass before the page is parsed.

The importer parses pages with BeautifulSoup and walks the tree recursively; a page of a hundred thousand
nested elements would take seconds to parse and then end in a RecursionError. This pass costs a few
milliseconds a megabyte and counts as the parser does: every start tag opens an element until its end tag,
except the void elements, and nothing inside comments, scripts and styles is a tag.
"""

from __future__ import annotations

import re

# The elements that have no end tag (BeautifulSoup's html.parser builder treats these as empty too).
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid", "spacer",
})
_NOT_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")


def deepest_element(html: str, limit: int) -> int | None:
    """The line of the first element nested more than ``limit`` deep, or None when none is."""
    stack: list[str] = []
    position = 0
    for skipped in _NOT_MARKUP.finditer(html):
        line = _deeper_than(html, position, skipped.start(), stack, limit)
        if line is not None:
            return line
        position = skipped.end()
    return _deeper_than(html, position, len(html), stack, limit)


def _deeper_than(html: str, start: int, end: int, stack: list[str], limit: int) -> int | None:
    for tag in _TAG.finditer(html, start, end):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        elif name not in VOID_ELEMENTS and not self_closing:
            stack.append(name)
            if len(stack) > limit:
                return html.count("\n", 0, tag.start()) + 1
    return None
