"""Screenshots of a canvas page (desktop and mobile) against committed references in tests/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from screenshots import assert_matches_reference


@pytest.mark.parametrize("name, width", [("canvas-desktop", 1280), ("canvas-mobile", 390)])
def test_canvas_page_looks_like_its_reference(page: Page, fixture_url, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{fixture_url}/canvas/xiaomi/")
    assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), name)
