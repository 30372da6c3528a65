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
    def __init__(self, md, mentions):
        super().__init__(md)
        self.mentions, self.own_slug = mentions, ""  # own_slug: set before each text (render_prose)

    def run(self, root):
        self.mentions.link(root, self.own_slug)


class MentionsExtension(Extension):
    """Link the first mention of each other canvas's company (see mentions.py)."""

    def __init__(self, mentions, **kwargs):
        super().__init__(**kwargs)
        self.mentions = mentions
        self.processor = None

    def extendMarkdown(self, md):
        # After the inline patterns (priority 20), so the editor's own links already exist.
        self.processor = _LinkMentions(md, self.mentions)
        md.treeprocessors.register(self.processor, "link_mentions", 1)


class SafeProseExtension(Extension):
    """Treat raw HTML as text (it is escaped) and strip javascript:-style links."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


# One converter for the last mentions index: building a Markdown instance costs more than converting a
# paragraph, and Markdown.reset() between texts keeps renders independent.
_converter: list = [None, None, None]  # [mentions, Markdown, MentionsExtension or None]


def render_prose(text: str, mentions=None, own_slug: str = "") -> str:
    """Render one piece of editor prose. With ``mentions`` (a mentions.Mentions), other companies
    named in it link to their canvases."""
    if _converter[1] is None or _converter[0] is not mentions:
        linking = MentionsExtension(mentions) if mentions is not None else None
        md = markdown.Markdown(extensions=[SafeProseExtension(), *([linking] if linking else [])],
                               output_format="html")
        _converter[:] = [mentions, md, linking]
    _, md, linking = _converter
    if linking is not None:
        linking.processor.own_slug = own_slug
    return md.reset().convert(text)
