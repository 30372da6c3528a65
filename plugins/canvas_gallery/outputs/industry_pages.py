"""Industry pages (/industry/<slug>/): each industry's canvases, with their crumbs and ItemList."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Canvas, Industry
from .site import HOME_CRUMB, Site, SitePage, latest_update
from .structured_data import item_list


@dataclass
class IndustryPage:
    industry: Industry
    canvases: list[Canvas]
    url: str
    save_as: str
    featured: list[Canvas] = field(default_factory=list)  # the first few, shown on the gallery

    @property
    def name(self) -> str:
        return self.industry.name

    @property
    def slug(self) -> str:
        return self.industry.slug


def industry_pages(industries: list[Industry], canvases: list[Canvas], url: str, save_as: str,
                   featured: int) -> list[IndustryPage]:
    """One page per industry, in the gallery's order; ``featured``: how many canvases the gallery shows of each."""
    pages = []
    for industry in industries:
        members = [canvas for canvas in canvases if canvas.industry == industry]
        pages.append(IndustryPage(industry, members, url.format(slug=industry.slug),
                                  save_as.format(slug=industry.slug), members[:featured]))
    return pages


def industry_page(page: IndustryPage, site: Site) -> SitePage:
    crumbs = [HOME_CRUMB, (page.name, page.url)]
    listing = item_list(f"{page.name} Business Model Canvases", site.absolute(page.url),
                        [(canvas.name, site.absolute(canvas.url)) for canvas in page.canvases])
    return SitePage(page.save_as, "industry", {
        "industry_page": page, "url": page.url, "breadcrumbs": crumbs, "lastmod": latest_update(page.canvases),
        "structured_data": [site.breadcrumb_data(crumbs), listing]})
