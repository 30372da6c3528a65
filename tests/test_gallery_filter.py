"""The gallery filter: by industry and by words as you type, with a count, kept in the URL."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sitebuild import SiteServer, build, copy_find_seeds


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


def test_the_filter_is_there_before_its_script_runs(page: Page, find_url):
    """Shown from the first paint, not revealed by the script: nothing below it moves (Lighthouse's CLS)."""
    page.route("**/gallery-filter.js", lambda route: route.abort())
    page.goto(f"{find_url}/")
    expect(page.get_by_role("search", name="Filter the gallery")).to_be_visible()
    box = page.locator(".gallery-group").first.bounding_box()
    page.unroute("**/gallery-filter.js")
    page.goto(f"{find_url}/")
    expect(page.locator("#filter-count")).to_have_text("Showing all 4 canvases.")
    assert page.locator(".gallery-group").first.bounding_box() == box


@pytest.fixture(scope="module")
def short_gallery_url(tmp_path_factory):
    """The find seeds with one card per industry on the gallery."""
    seeds = copy_find_seeds(tmp_path_factory.mktemp("short-gallery"))
    output = seeds.parent / "output"
    build(output, seeds=seeds, env={"CANVAS_GALLERY_CARDS": "1"})
    with SiteServer(output) as server:
        yield server.url


def test_a_long_industry_shows_its_first_cards_and_links_to_all(page: Page, short_gallery_url):
    page.goto(f"{short_gallery_url}/")
    group = page.locator('.gallery-group[data-industry="consumer-electronics"]')
    expect(group.locator(".card__title")).to_have_text(["Acme Robotics"])
    group.get_by_role("link", name="All 2 canvases in Consumer Electronics").click()
    expect(page).to_have_url(f"{short_gallery_url}/industry/consumer-electronics/")
    expect(page.locator(".card__title")).to_have_text(["Acme Robotics", "Xiaomi"])


def test_the_filter_of_a_short_gallery_offers_a_search_of_every_canvas(page: Page, short_gallery_url):
    page.goto(f"{short_gallery_url}/")
    expect(page.locator("#filter-count")).to_have_text("Showing all 3 canvases listed here.")
    page.get_by_label("Filter by words").press_sequentially("phones")
    expect(visible_card_names(page)).to_have_count(0)  # Xiaomi is not listed here
    page.locator("#filter-count").get_by_role("link", name="Search all 4 canvases").click()
    expect(page).to_have_url(f"{short_gallery_url}/search/?q=phones")
    expect(page.locator("#search-results > li").get_by_role("link")).to_have_text(["Xiaomi"])
