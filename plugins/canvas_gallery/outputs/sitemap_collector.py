"""sitemap.xml and robots.txt of a build: collects every HTML page Pelican writes, then writes them
(sitemap.py makes the text)."""

from __future__ import annotations

import os

from ..settings import setting
from .sitemap import SitemapEntry, robots_txt, sitemap_xml, url_of
from .structured_data import absolute_url


class SitemapCollector:
    """Collects every HTML page Pelican writes (signal: content_written), then writes sitemap.xml and
    robots.txt (signal: finalized).

    Why not the pelican-sitemap plugin: it does see our pages through content_written, but it gives
    every page that is not a Pelican Article or Page the build time as <lastmod> (builds would not be
    reproducible), and it reads ``.url`` from whatever the context calls ``page``, which for canvas
    pages is our CanvasPage. Here <lastmod> comes from the seeds' ``updated`` dates (``lastmod`` in
    the page's context) and pages without one have none.
    """

    def __init__(self):
        self.entries: list[tuple[str, object]] = []  # (output file, lastmod)

    def page_written(self, path, context):
        output_file = context.get("output_file", "")
        page = context.get("page")
        excluded = setting(context, "CANVAS_SITEMAP_EXCLUDE")
        if not output_file.endswith(".html") or output_file in excluded or getattr(page, "status", "") == "hidden":
            return
        self.entries.append((output_file, context.get("lastmod")))

    def write(self, pelican):
        settings = pelican.settings
        sitemap_path = setting(settings, "CANVAS_SITEMAP_SAVE_AS")
        siteurl = settings["SITEURL"]
        entries = [SitemapEntry(absolute_url(siteurl, url_of(output_file)), lastmod)
                   for output_file, lastmod in self.entries]
        self.entries = []  # pelican --autoreload runs again in the same process
        with open(os.path.join(pelican.output_path, sitemap_path), "w", encoding="utf-8") as stream:
            stream.write(sitemap_xml(entries))
        robots_path = os.path.join(pelican.output_path, setting(settings, "CANVAS_ROBOTS_SAVE_AS"))
        with open(robots_path, "w", encoding="utf-8") as stream:
            stream.write(robots_txt(absolute_url(siteurl, sitemap_path)))


SITEMAP = SitemapCollector()
