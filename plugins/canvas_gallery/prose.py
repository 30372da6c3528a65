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


class _LinkMentions(Treeprocessor):
    def __init__(self, md, mentions, own_slug):
        super().__init__(md)
        self.mentions, self.own_slug = mentions, own_slug

    def run(self, root):
        self.mentions.link(root, self.own_slug)


class MentionsExtension(Extension):
    """Link the first mention of each other canvas's company (see mentions.py)."""

    def __init__(self, mentions, own_slug, **kwargs):
        super().__init__(**kwargs)
        self.mentions, self.own_slug = mentions, own_slug

    def extendMarkdown(self, md):
        # After the inline patterns (priority 20), so the editor's own links already exist.
        md.treeprocessors.register(_LinkMentions(md, self.mentions, self.own_slug), "link_mentions", 1)


class SafeProseExtension(Extension):
    """Treat raw HTML as text (it is escaped) and strip javascript:-style links."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


def render_prose(text: str, mentions=None, own_slug: str = "") -> str:
    """Render one piece of editor prose; a fresh Markdown instance keeps renders independent.
    With ``mentions`` (a mentions.Mentions), other companies named in it link to their canvases."""
    extensions = [SafeProseExtension()]
    if mentions is not None:
        extensions.append(MentionsExtension(mentions, own_slug))
    return markdown.markdown(text, extensions=extensions, output_format="html")
