"""/patterns/ and one page per pattern: their template values, crumbs and JSON-LD (the data is patterns.py)."""

from __future__ import annotations

from ..model import Canvas, Industry, Pattern
from .patterns import PatternPage, defined_term, defined_term_set, pattern_item_list, pattern_matrix, pattern_pages
from .site import HOME_CRUMB, Site, SitePage

PATTERN_SET_NAME = "Business model patterns"


def pattern_context(patterns: list[Pattern], canvases: list[Canvas], industries: list[Industry], url: str,
                    save_as: str) -> dict:
    """What every page may show of the patterns: their pages, the matrix, and those some canvas uses."""
    pages = pattern_pages(patterns, canvases, industries, url, save_as)
    return {
        "pattern_pages": pages,
        "pattern_pages_by_slug": {page.slug: page for page in pages},
        "pattern_matrix": pattern_matrix(pages, industries),
        # The gallery filter and the search page offer the patterns some canvas uses.
        "used_pattern_pages": [page for page in pages if page.count],
    }


def pattern_site_pages(pages: list[PatternPage], site: Site, index_url: str, index_save_as: str) -> list[SitePage]:
    """/patterns/ first, then each pattern's page."""
    index_crumbs = [HOME_CRUMB, ("Patterns", index_url)]
    term_set = defined_term_set(PATTERN_SET_NAME, site.absolute(index_url),
                                [(page.pattern, site.absolute(page.url)) for page in pages])
    written = [SitePage(index_save_as, "patterns", {
        "url": index_url, "breadcrumbs": index_crumbs,
        "structured_data": [site.breadcrumb_data(index_crumbs), term_set]})]
    for page in pages:
        crumbs = index_crumbs + [(page.name, page.url)]
        term = defined_term(page, site.absolute(page.url), PATTERN_SET_NAME, site.absolute(index_url))
        listing = pattern_item_list(page, site.absolute(page.url), lambda canvas: site.absolute(canvas.url))
        written.append(SitePage(page.save_as, "pattern", {
            "pattern_page": page, "url": page.url, "breadcrumbs": crumbs,
            "structured_data": [site.breadcrumb_data(crumbs), term, listing]}))
    return written
