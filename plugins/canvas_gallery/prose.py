"""Editor-written Markdown -> safe HTML. Raw HTML is shown as text and only safe link schemes survive."""

from __future__ import annotations

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_URL_PREFIXES = ("https://", "http://", "mailto:", "/", "#", "./", "../")


class _DropUnsafeLinks(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and not url.strip().lower().startswith(SAFE_URL_PREFIXES):
                    del element.attrib[attribute]


class SafeProseExtension(Extension):
    """Treat raw HTML as text (it is escaped) and strip javascript:-style links."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


def render_prose(text: str) -> str:
    """Render one piece of editor prose; a fresh Markdown instance keeps renders independent."""
    return markdown.markdown(text, extensions=[SafeProseExtension()], output_format="html")
