"""Search, compare and the editor: their pages, the compare index, and the "Compare with…" picker of
each canvas page."""

from __future__ import annotations

from ..blocks import BLOCKS, MAX_ITEMS
from ..load.limits import current_limits
from ..model import Canvas, Industry
from .compare import compare_choices, compare_index, index_json
from .site import SitePage


def compare_choices_by_slug(canvas_pages: list, limit: int) -> dict:
    """Per canvas page (canvas_pages.CanvasPage), its related canvases, then at most ``limit`` of its industry."""
    return {page.canvas.slug: compare_choices(page.canvas, [other for other, _ in page.related],
                                              page.industry_page.canvases, limit)
            for page in canvas_pages}


def compare_index_file(canvases: list[Canvas], canvas_pages: list, json_save_as: str, pattern_url: str) -> bytes:
    """canvas/index.json: what the compare page's pickers offer."""
    related = {page.canvas.slug: [other.slug for other, _ in page.related] for page in canvas_pages}
    return index_json(compare_index(canvases, related, json_save_as, pattern_url)).encode("utf-8")


def find_pages(search_url: str, search_save_as: str, compare_url: str, compare_save_as: str) -> list[SitePage]:
    return [SitePage(search_save_as, "search", {"url": search_url}),
            SitePage(compare_save_as, "compare", {"url": compare_url})]


def editor_page(url: str, save_as: str, industries: list[Industry], canvas_json: str) -> SitePage:
    """``industries``: every industry of industries.yaml, also those no canvas uses yet (a new canvas may be
    the first); ``canvas_json``: where each canvas's JSON download is ("use as template")."""
    return SitePage(save_as, "editor", {
        "url": url, "blocks": BLOCKS, "max_items": MAX_ITEMS,
        "max_file_bytes": current_limits().max_editor_file_bytes, "industries": industries,
        "canvas_json": canvas_json})
