"""Canvas pages (/canvas/<slug>/): a canvas with its related canvases and analysis, its crumbs, social
card and Article JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Canvas
from .industry_pages import IndustryPage
from .site import HOME_CRUMB, Site, SitePage
from .structured_data import canvas_article


@dataclass
class CanvasPage:
    """What a canvas page template needs beyond the canvas itself."""

    canvas: Canvas
    industry_page: IndustryPage
    related: list = field(default_factory=list)  # (Canvas, reason) pairs
    analysis: list = field(default_factory=list)  # AnalysisSection list
    examples: list = field(default_factory=list)  # a business type's company canvases
    example_of: list = field(default_factory=list)  # a company's business types


def canvas_pages(canvases: list[Canvas], written: list, industry_pages: dict[str, IndustryPage],
                 by_slug: dict[str, Canvas]) -> list[CanvasPage]:
    """``written``: per canvas, its related links and its analysis sections; ``by_slug``: the whole gallery
    (a draft left out of it is left out of the examples too)."""
    return [
        CanvasPage(canvas, industry_pages[canvas.industry.slug],
                   [(by_slug[link.slug], link.reason) for link in links], analysis,
                   [by_slug[slug] for slug in canvas.examples if slug in by_slug],
                   [by_slug[slug] for slug in canvas.example_of if slug in by_slug])
        for canvas, (links, analysis) in zip(canvases, written)
    ]


def canvas_page(page: CanvasPage, site: Site, social_card: str) -> SitePage:
    """``social_card``: the site path of the canvas's card."""
    canvas = page.canvas
    crumbs = [HOME_CRUMB, (page.industry_page.name, page.industry_page.url), (canvas.name, canvas.url)]
    image = site.absolute(social_card)
    article = canvas_article(
        canvas, headline=f"{canvas.title_name} Business Model Canvas", url=site.absolute(canvas.url), image=image,
        publisher=site.publisher, industry_name=page.industry_page.name, language=site.language)
    return SitePage(canvas.save_as, "canvas", {
        "page": page, "canvas": canvas, "url": canvas.url, "breadcrumbs": crumbs, "social_image": image,
        "lastmod": canvas.updated, "structured_data": [site.breadcrumb_data(crumbs), article]})
