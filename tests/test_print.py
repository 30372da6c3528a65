"""Printing a canvas page: the whole grid on one landscape A4 or Letter page, with the company name and
the page's address, without navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sitebuild import SEEDS

from canvas_gallery.after_pelican.exports_render import pdf_page_count
from canvas_gallery.load.seeds import load_gallery


def largest_canvases(count: int = 5) -> list[str]:
    """The canvases with the most text in their nine blocks: the hardest to fit on one page."""
    canvases = load_gallery(SEEDS).canvases
    size = {canvas.slug: sum(len(item) + 40 for items in canvas.items.values() for item in items) for canvas in canvases}
    return sorted(size, key=size.get, reverse=True)[:count]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_largest_canvases_print_on_one_landscape_page(page: Page, gallery_url, paper):
    pages = {}
    for slug in largest_canvases():
        page.goto(f"{gallery_url}/canvas/{slug}/")
        pages[slug] = pdf_page_count(page.pdf(format=paper, landscape=True, print_background=True))
    assert pages == {slug: 1 for slug in pages}


def test_printed_canvas_shows_name_and_address_without_navigation(page: Page, fixture_url):
    page.emulate_media(media="print")
    page.goto(f"{fixture_url}/canvas/xiaomi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Xiaomi Business Model Canvas"
    assert page.locator(".print-url").is_visible()
    assert page.locator(".print-url").inner_text().endswith("/canvas/xiaomi/")
    assert page.locator('[data-block="revenue-streams"]').is_visible()
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".downloads", ".canvas-template", ".related"):
        assert page.locator(hidden).count() == 0 or not page.locator(hidden).first.is_visible(), hidden
