"""Compare: two canvases side by side, shared items highlighted, reachable from every canvas page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from screenshots import assert_matches_reference


def shared(page: Page, block: str, side: str):
    return page.locator(f'.compare__block[data-block="{block}"] [data-side="{side}"] .is-shared')


def test_compare_page_highlights_an_item_both_canvases_share(page: Page, find_url):
    page.goto(f"{find_url}/compare/?a=acme-robotics&b=borealis-bikes")
    expect(shared(page, "channels", "a")).to_have_text(["Own web shop (in both canvases)"])
    expect(shared(page, "channels", "b")).to_have_text(["Own web shop (in both canvases)"])
    expect(shared(page, "channels", "a").locator("mark")).to_have_text("Own web shop")
    not_shared = page.locator('.compare__block[data-block="channels"] [data-side="a"] li', has_text="Electronics retailers")
    expect(not_shared).not_to_have_class("is-shared")
    expect(page.locator("#compare-status")).to_have_text("4 items appear in both canvases, highlighted below.")


def test_shared_items_are_matched_ignoring_case(page: Page, find_url):
    page.goto(f"{find_url}/compare/?a=acme-robotics&b=borealis-bikes")
    expect(shared(page, "key-activities", "a")).to_have_text(["Fleet updates (in both canvases)"])
    expect(shared(page, "key-activities", "b")).to_have_text(["fleet updates (in both canvases)"])


def test_compare_with_on_a_canvas_page_offers_related_canvases_first(page: Page, find_url):
    page.goto(f"{find_url}/canvas/acme-robotics/")
    picker = page.get_by_label("Compare with…")
    expect(picker.locator("optgroup").first).to_have_attribute("label", "Related canvases")
    related = page.get_by_role("navigation", name="Related canvases").locator(".card__title")
    expect(picker.locator("optgroup").first.locator("option")).to_have_text(related.all_inner_texts())
    picker.select_option(label="Borealis Bikes")
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(f"{find_url}/compare/?a=acme-robotics&b=borealis-bikes")
    expect(page.locator(".compare__head h2")).to_have_text(["Acme Robotics", "Borealis Bikes"])


def test_pickers_change_the_comparison_and_the_url(page: Page, find_url):
    page.goto(f"{find_url}/compare/?a=acme-robotics&b=borealis-bikes")
    expect(page.locator(".compare__head h2")).to_have_text(["Acme Robotics", "Borealis Bikes"])
    page.get_by_label("Second canvas").select_option("xiaomi")
    expect(page.locator(".compare__head h2")).to_have_text(["Acme Robotics", "Xiaomi"])
    expect(page).to_have_url(f"{find_url}/compare/?a=acme-robotics&b=xiaomi")


def test_compare_page_shows_text_as_text(page: Page, find_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{find_url}/compare/?a=hostile-example&b=xiaomi")
    expect(page.locator('.compare__block[data-block="key-partners"] [data-side="a"] li').first).to_have_text(
        "<script>alert('xss')</script>")
    assert dialogs == []


@pytest.mark.parametrize("name, width", [("compare-desktop", 1280), ("compare-mobile", 390)])
def test_compare_page_looks_like_its_reference(page: Page, find_url, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{find_url}/compare/?a=acme-robotics&b=borealis-bikes")
    expect(page.locator(".compare__block")).to_have_count(9)
    assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), name)
