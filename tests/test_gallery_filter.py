"""The gallery filter (issue 5): by industry and by words as you type, with a count, kept in the URL."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def visible_card_names(page: Page):
    return page.locator(".gallery-group .card:visible .card__title")


def test_industry_filter_shows_only_that_industry_with_the_count(page: Page, find_url):
    page.goto(f"{find_url}/")
    page.get_by_label("Industry").select_option(label="Automotive & Mobility")
    expect(visible_card_names(page)).to_have_text(["Borealis Bikes"])
    expect(page.locator("#filter-count")).to_have_text("Showing 1 of 4 canvases.")
    expect(page).to_have_url(f"{find_url}/?industry=automotive")


def test_text_filter_narrows_the_cards_as_you_type(page: Page, find_url):
    page.goto(f"{find_url}/")
    expect(page.locator("#filter-count")).to_have_text("Showing all 4 canvases.")
    page.get_by_label("Filter by words").press_sequentially("robot")
    expect(visible_card_names(page)).to_have_text(["Acme Robotics"])
    expect(page.locator("#filter-count")).to_have_text("Showing 1 of 4 canvases.")
    expect(page).to_have_url(f"{find_url}/?q=robot")


def test_a_shared_filter_url_opens_the_same_filtered_view(page: Page, find_url):
    page.goto(f"{find_url}/?industry=consumer-electronics&q=phones")
    expect(page.get_by_label("Industry")).to_have_value("consumer-electronics")
    expect(page.get_by_label("Filter by words")).to_have_value("phones")
    expect(visible_card_names(page)).to_have_text(["Xiaomi"])
    expect(page.locator('.gallery-group[data-industry="automotive"]')).to_be_hidden()


def test_without_javascript_the_gallery_lists_every_canvas(browser, find_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{find_url}/?industry=automotive")
    expect(visible_card_names(page)).to_have_count(4)
    expect(page.locator("#gallery-filter")).to_be_hidden()
    context.close()
