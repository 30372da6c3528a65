"""The pages that list the gallery: the home page (the first canvases of each industry) and /business-types/."""

from __future__ import annotations

from ..model import Canvas
from .industry_pages import IndustryPage
from .site import HOME_CRUMB, Site, SitePage, latest_update
from .structured_data import item_list


def gallery_page(industry_pages: list[IndustryPage], site: Site, save_as: str) -> SitePage:
    # The gallery shows the first canvases of each industry; the ItemList lists the same, in the same order.
    shown = [canvas for industry_page in industry_pages for canvas in industry_page.featured]
    listing = item_list("Business Model Canvas gallery", site.absolute(""),
                        [(canvas.name, site.absolute(canvas.url)) for canvas in shown])
    return SitePage(save_as, "gallery", {
        "url": "", "listed_count": len(shown), "breadcrumbs": [HOME_CRUMB], "lastmod": latest_update(shown),
        "structured_data": [site.breadcrumb_data([HOME_CRUMB]), listing]})


def business_types_page(business_types: list[Canvas], site: Site, url: str, save_as: str) -> SitePage:
    crumbs = [HOME_CRUMB, ("Business types", url)]
    listing = item_list("Business types: Business Model Canvases of kinds of business", site.absolute(url),
                        [(canvas.title_name, site.absolute(canvas.url)) for canvas in business_types])
    return SitePage(save_as, "business_types", {
        "url": url, "breadcrumbs": crumbs, "lastmod": latest_update(business_types),
        "structured_data": [site.breadcrumb_data(crumbs), listing]})
