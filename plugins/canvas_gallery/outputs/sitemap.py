"""sitemap.xml and robots.txt as text, from a list of pages; nothing here knows Pelican."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class SitemapEntry:
    loc: str  # absolute URL of the page
    lastmod: datetime.date | None = None  # from the seeds; pages without a date get no <lastmod>


def url_of(output_file: str) -> str:
    """The site-relative URL of a written file: ``canvas/acme/index.html`` -> ``canvas/acme/``."""
    if output_file == "index.html" or output_file.endswith("/index.html"):
        return output_file[: -len("index.html")]
    return output_file


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    """The sitemap protocol's XML, one <url> per entry, sorted by URL so builds are reproducible."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for entry in sorted(set(entries), key=lambda entry: entry.loc):
        lastmod = f"<lastmod>{entry.lastmod.isoformat()}</lastmod>" if entry.lastmod else ""
        lines.append(f"<url><loc>{escape(entry.loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str) -> str:
    """Every crawler may read everything; the sitemap is named by its absolute URL."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
