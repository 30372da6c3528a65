"""Search: Pagefind over the canvas pages only, an industry facet, and a search box in the header."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from screenshots import assert_matches_reference
from sitebuild import FIXTURES, SiteServer, build, copy_find_seeds

from canvas_gallery.after_pelican.search_shards import SearchShard, plan_shards

UNIQUE_WORD = "kickstand"  # in the items of tests/fixtures/find/borealis-bikes.yaml and nowhere else


def seed_items(path) -> str:
    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))["blocks"]
    return " ".join(str(item) for items in blocks.values() for item in items).lower()


def results(page: Page):
    return page.locator("#search-results > li")


def test_a_word_found_only_in_one_canvas_items_finds_that_canvas(page: Page, find_url):
    seeds = [p for folder in ("seeds", "find") for p in (FIXTURES / folder).glob("*.yaml")
             if p.name not in ("industries.yaml", "patterns.yaml")]
    assert [p.stem for p in seeds if UNIQUE_WORD in seed_items(p)] == ["borealis-bikes"]
    page.goto(f"{find_url}/search/")
    page.get_by_label("Words to look for").fill(UNIQUE_WORD)
    expect(results(page)).to_have_count(1)
    result = results(page).first
    expect(result.get_by_role("link")).to_have_text("Borealis Bikes")
    expect(result.locator(".search-result__industry")).to_have_text("Automotive & Mobility")
    expect(result.locator(".search-result__excerpt mark")).to_have_text(UNIQUE_WORD)
    result.get_by_role("link").click()
    expect(page).to_have_url(f"{find_url}/canvas/borealis-bikes/")


def test_words_typed_while_the_index_loads_are_searched_once_it_arrives(page: Page, find_url):
    held = []  # the index's script, answered only after the visitor has typed
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    page.goto(f"{find_url}/search/", wait_until="domcontentloaded")
    page.get_by_label("Words to look for").fill(UNIQUE_WORD)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the search page never asked for its index"
    held[0].continue_()
    expect(results(page).get_by_role("link")).to_have_text(["Borealis Bikes"])
    expect(page.get_by_label("Words to look for")).to_have_value(UNIQUE_WORD)


def indexed_text(site: Path, slug: str) -> str:
    """The text Pagefind indexed for a canvas page (a fragment: gzip, a 12-byte signature, then JSON)."""
    for fragment in (site / "pagefind" / "fragment").iterdir():
        record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        if record["url"] == f"/canvas/{slug}/":
            return record["content"]
    raise AssertionError(f"no fragment for {slug}")


def test_the_headquarters_city_finds_its_canvas_and_is_shown_as_a_word(page: Page, find_url):
    """The city is only in Acme's facts list, which Pagefind used to read as "HeadquartersSpringfield"."""
    page.goto(f"{find_url}/search/?q=Springfield")
    expect(results(page).get_by_role("link")).to_have_text(["Acme Robotics"])
    expect(results(page).first.locator(".search-result__excerpt")).to_contain_text("Headquarters Springfield")


def test_the_index_reads_facts_and_table_headings_as_words_and_leaves_out_the_printed_address(find_site):
    text = indexed_text(find_site, "xiaomi")
    assert "Founded 2010" in text and "Headquarters Beijing, China" in text
    assert "Segment Revenue (RMB bn) Share of revenue (%)" in text
    assert "/canvas/xiaomi/" not in text  # the address printed under the title, for paper only


def test_industry_facet_narrows_the_results(page: Page, find_url):
    page.goto(f"{find_url}/search/?q=subscription")
    links = results(page).get_by_role("link")
    expect(links.filter(has_text="Acme Robotics")).to_have_count(1)  # consumer electronics
    expect(links.filter(has_text="Borealis Bikes")).to_have_count(1)  # automotive
    page.get_by_label("Industry").select_option(label="Automotive & Mobility")
    expect(links).to_have_text(["Borealis Bikes"])
    expect(page).to_have_url(f"{find_url}/search/?q=subscription&industry=automotive")


def test_header_search_box_submits_to_the_search_page(page: Page, find_url):
    page.goto(f"{find_url}/canvas/xiaomi/")
    page.get_by_role("search", name="Site search").get_by_role("searchbox").fill(UNIQUE_WORD)
    page.get_by_role("search", name="Site search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(f"{find_url}/search/?q={UNIQUE_WORD}")
    expect(page.get_by_label("Words to look for")).to_have_value(UNIQUE_WORD)
    expect(results(page).get_by_role("link")).to_have_text(["Borealis Bikes"])


def test_generated_analysis_is_left_out_of_the_index(page: Page, find_url, find_site):
    # Xiaomi's generated introduction names Acme Robotics, its neighbour in the industry; only Acme Robotics
    # is about it, so only Acme Robotics may be found.
    others = [path for path in (find_site / "canvas").glob("*/index.html") if path.parent.name != "acme-robotics"]
    pages = [BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in others]
    pages = [html for html in pages if "Acme" in " ".join(part.get_text(" ") for part in html.select("[data-generated]"))]
    assert pages, "some generated text names Acme Robotics"
    for html in pages:
        for part in html.select("[data-generated], [data-pagefind-ignore]"):
            part.decompose()
        assert "Acme" not in html.select_one("[data-pagefind-body]").get_text(" "), html.h1
    page.goto(f"{find_url}/search/?q=Acme")
    expect(results(page).get_by_role("link")).to_have_text(["Acme Robotics"])


def test_only_canvas_pages_are_indexed(find_site):
    entry = json.loads((find_site / "pagefind" / "pagefind-entry.json").read_text())
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == len(list((find_site / "canvas").glob("*/index.html")))


def test_search_page_loads_without_console_errors(page: Page, find_url):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{find_url}/search/?q=robot")
    expect(page.locator("#search-status")).not_to_be_empty()
    assert errors == []


def test_search_page_looks_like_its_reference(page: Page, find_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{find_url}/search/?q={UNIQUE_WORD}")
    expect(page.locator("#search-status")).to_have_text("1 canvas matches.")
    assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), "search-desktop")


def test_result_titles_are_canvas_names_shown_as_text(page: Page, find_url):
    page.goto(f"{find_url}/search/?q=escaped")
    expect(results(page).get_by_role("link")).to_have_text(['Hostile <b>Example</b> "Quotes" & Co'])


def test_search_works_and_links_right_under_a_sub_path(page: Page, subpath_find_url):
    page.goto(f"{subpath_find_url}/canvas/xiaomi/")
    page.get_by_role("search", name="Site search").get_by_role("searchbox").fill(UNIQUE_WORD)
    page.get_by_role("search", name="Site search").get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(f"{subpath_find_url}/search/?q={UNIQUE_WORD}")
    results(page).get_by_role("link", name="Borealis Bikes").click()
    expect(page).to_have_url(f"{subpath_find_url}/canvas/borealis-bikes/")


def test_two_builds_write_the_same_search_index(tmp_path, find_site):
    """Pagefind writes filter values in random order; the build sorts them, so the bundle is byte-identical."""
    build(tmp_path / "again", seeds=copy_find_seeds(tmp_path))
    bundle = {p.relative_to(find_site): p.read_bytes() for p in sorted((find_site / "pagefind").rglob("*")) if p.is_file()}
    again = {p.relative_to(tmp_path / "again"): p.read_bytes()
             for p in sorted((tmp_path / "again" / "pagefind").rglob("*")) if p.is_file()}
    assert bundle.keys() == again.keys()
    assert [name for name in bundle if bundle[name] != again[name]] == []


@pytest.fixture(scope="module")
def sharded_find_url(tmp_path_factory):
    """The find seeds with a search index in two parts (two canvases each), published under /repo."""
    seeds = copy_find_seeds(tmp_path_factory.mktemp("find-sharded"))
    output = seeds.parent / "output"
    with SiteServer(output, prefix="repo") as server:
        build(output, seeds=seeds, siteurl=server.url, env={"CANVAS_SEARCH_SHARD_SIZE": "2"})
        yield server.url, output


def indexed_pages(bundle) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_a_large_gallery_is_indexed_in_parts(sharded_find_url):
    _, site = sharded_find_url
    canvases = len(list((site / "canvas").glob("*/index.html")))
    assert canvases == 4
    assert [indexed_pages(site / bundle) for bundle in ("pagefind", "pagefind-2")] == [2, 2]
    assert not (site / "pagefind-3").exists()


def test_search_finds_canvases_in_every_part(page: Page, sharded_find_url):
    url, _ = sharded_find_url
    page.goto(f"{url}/search/?q={UNIQUE_WORD}")  # borealis-bikes: the first part
    expect(results(page).get_by_role("link")).to_have_text(["Borealis Bikes"])
    page.goto(f"{url}/search/?q=escaped")  # hostile-example: the second part
    expect(results(page).get_by_role("link")).to_have_text(['Hostile <b>Example</b> "Quotes" & Co'])
    results(page).get_by_role("link").click()
    expect(page).to_have_url(f"{url}/canvas/hostile-example/")


def test_the_industry_facet_spans_every_part(page: Page, sharded_find_url):
    url, _ = sharded_find_url
    page.goto(f"{url}/search/?industry=consumer-electronics")  # acme-robotics (first part) and xiaomi (second)
    expect(results(page)).to_have_count(2)
    assert sorted(results(page).get_by_role("link").all_inner_texts()) == ["Acme Robotics", "Xiaomi"]


def test_shards_are_runs_of_first_characters_as_large_as_fit():
    slugs = ["alpha", "apex", "bolt", "cedar", "crane", "crest", "dune", "zeta"]
    assert plan_shards(slugs, "canvas/{slug}/index.html", 8) == [SearchShard("pagefind", "canvas/*/index.html")]
    assert plan_shards(slugs, "canvas/{slug}/index.html", 3) == [
        SearchShard("pagefind", "canvas/[ab]*/index.html"),
        SearchShard("pagefind-2", "canvas/[c]*/index.html"),  # three c-slugs: a part of their own
        SearchShard("pagefind-3", "canvas/[dz]*/index.html"),
    ]
    assert plan_shards(slugs, "canvas/{slug}/index.html", 1)[2] == SearchShard("pagefind-3", "canvas/[c]*/index.html")
