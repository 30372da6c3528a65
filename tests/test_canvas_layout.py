"""In Chromium: the nine blocks sit in the classic canvas layout on a desktop and stack on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from canvas_gallery.blocks import BLOCKS

BLOCK_SLUGS = [spec.slug for spec in BLOCKS]  # the plugin's one definition, in reading order


def boxes(page: Page) -> dict[str, dict]:
    return {slug: page.locator(f'[data-block="{slug}"]').bounding_box() for slug in BLOCK_SLUGS}


def right(box):
    return box["x"] + box["width"]


def bottom(box):
    return box["y"] + box["height"]


def test_classic_layout_at_1280px(page: Page, fixture_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{fixture_url}/canvas/xiaomi/")
    b = boxes(page)
    kp, ka, kr, vp = b["key-partners"], b["key-activities"], b["key-resources"], b["value-propositions"]
    cr, ch, cs = b["customer-relationships"], b["channels"], b["customer-segments"]
    cost, revenue = b["cost-structure"], b["revenue-streams"]
    # Five columns, left to right.
    assert right(kp) <= ka["x"] and right(ka) <= vp["x"] and right(vp) <= cr["x"] and right(cr) <= cs["x"]
    # Key Activities over Key Resources, Customer Relationships over Channels, in the same columns.
    assert bottom(ka) <= kr["y"] and abs(ka["x"] - kr["x"]) < 1
    assert bottom(cr) <= ch["y"] and abs(cr["x"] - ch["x"]) < 1
    # Key Partners, Value Propositions and Customer Segments span both rows.
    for tall in (kp, vp, cs):
        assert abs(tall["y"] - ka["y"]) < 1 and abs(bottom(tall) - bottom(kr)) < 1
    # Value Propositions is the centre column.
    grid = page.locator(".bmc").bounding_box()
    assert abs((vp["x"] + vp["width"] / 2) - (grid["x"] + grid["width"] / 2)) < 2
    # Cost Structure (left half) and Revenue Streams (right half) below everything.
    assert cost["y"] >= bottom(kp) and revenue["y"] >= bottom(cs)
    assert right(cost) <= revenue["x"] and abs(cost["width"] - revenue["width"]) < 2


def test_blocks_stack_in_reading_order_at_390px(page: Page, fixture_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{fixture_url}/canvas/xiaomi/")
    b = boxes(page)
    ys = [b[slug]["y"] for slug in BLOCK_SLUGS]
    assert ys == sorted(ys)
    for slug in BLOCK_SLUGS:
        assert b[slug]["width"] > 300, f"{slug} is not full width"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"


def test_gallery_to_industry_to_canvas(page: Page, gallery_url):
    page.goto(gallery_url + "/")
    page.locator(".industry-index").get_by_role("link", name="Consumer Electronics").click()
    expect(page.locator("h1")).to_have_text("Consumer Electronics Business Model Canvases")
    page.locator(".cards").get_by_role("link", name="Xiaomi", exact=True).click()
    expect(page.locator("h1")).to_have_text("Xiaomi Business Model Canvas")
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumbs).to_contain_text("Gallery")
    expect(breadcrumbs).to_contain_text("Consumer Electronics")
    expect(page.get_by_role("navigation", name="Related canvases")).to_be_visible()
    breadcrumbs.get_by_role("link", name="Gallery").click()
    expect(page.locator("h1")).to_have_text("Business Model Canvas gallery")


@pytest.mark.parametrize("path", ["/", "/canvas/xiaomi/", "/industry/consumer-electronics/", "/about/"])
def test_pages_load_without_console_errors(page: Page, fixture_url, path):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(fixture_url + path)
    assert response.status == 200
    assert errors == []
