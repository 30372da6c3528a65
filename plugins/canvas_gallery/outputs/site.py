"""What every page kind shares: the site's address, name, language and publisher, the home crumb, and
``SitePage``, one page for Pelican's writer.

The page modules (canvas_pages, industry_pages, gallery_pages, pattern_pages, find_pages) turn plain
data into ``SitePage`` values; only the generator hands them to the writer. Crumbs are (label,
site-relative URL) pairs: the templates show them, and the JSON-LD gets the same pairs with absolute URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from .structured_data import absolute_url, site_breadcrumb_list, site_organization

HOME_CRUMB = ("Gallery", "")


@dataclass(frozen=True)
class Site:
    url: str  # SITEURL: empty for a site of relative links
    name: str
    language: str
    publisher: dict = field(default_factory=dict)  # the gallery as an Organization (see ``publisher``)

    def absolute(self, path: str) -> str:
        return absolute_url(self.url, path)

    def breadcrumb_data(self, crumbs) -> dict:
        return site_breadcrumb_list(self.url, crumbs)


def publisher(site_name: str, siteurl: str, logo_file: Path, logo_path: str) -> dict:
    """The gallery as an Organization with its logo; ``logo_path``: where the site serves ``logo_file``."""
    with Image.open(logo_file) as image:
        size = image.size
    return site_organization(site_name, absolute_url(siteurl, ""), absolute_url(siteurl, logo_path), size)


@dataclass
class SitePage:
    """One page for Pelican's writer: its file, its template and what the template shows (``url`` among it)."""

    save_as: str
    template: str
    values: dict


def canvas_kinds(canvases) -> str:
    """How many canvases of each kind, in words: "213 companies and 97 business types"."""
    types = sum(1 for canvas in canvases if canvas.is_business_type)
    companies = len(canvases) - types
    words = f"{companies} compan{'y' if companies == 1 else 'ies'}"
    return words + (f" and {types} business type{'' if types == 1 else 's'}" if types else "")


def latest_update(canvases):
    """The newest ``updated`` date of some canvases, or None when none has one."""
    return max((canvas.updated for canvas in canvases if canvas.updated), default=None)
