"""Business-model patterns: the controlled list, a canvas's patterns with their how-lines, /patterns/ with the
pattern x industry matrix, the pattern pages, chips, compare, filter, search, related reasons and SEO."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from canvas_gallery.lint.rules import lint_canvases
from canvas_gallery.load.seeds import SeedErrors, load_gallery
from screenshots import assert_matches_reference
from sitebuild import FIXTURES, ROOT

VNU = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def seed_data(seeds: Path) -> tuple[dict, dict]:
    """(slug -> pattern name, canvas slug -> its seed data), read from the seed files as the test's own truth."""
    names = {entry["slug"]: entry["name"] for entry in yaml.safe_load((seeds / "patterns.yaml").read_text())}
    canvases = {path.stem: yaml.safe_load(path.read_text()) for path in sorted(seeds.glob("*.yaml"))
                if path.name not in ("industries.yaml", "patterns.yaml")}
    return names, {slug: seed for slug, seed in canvases.items() if not seed.get("draft")}  # drafts are not built


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


# Validation ------------------------------------------------------------------------------------------------

def problems_with(seeds: Path, patterns_block: str) -> list[str]:
    path = seeds / "acme-robotics.yaml"
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("patterns:\n")] + patterns_block
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds)
    return [str(problem) for problem in caught.value.problems]


def line_of(seeds: Path, needle: str) -> int:
    lines = (seeds / "acme-robotics.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_an_unknown_pattern_is_refused_with_its_line_and_the_known_ones(seeds_copy):
    [problem] = problems_with(seeds_copy, 'patterns:\n  subscribtion: "A monthly fee"\n')
    line = line_of(seeds_copy, "subscribtion")
    assert problem.startswith(f"seeds/acme-robotics.yaml:{line}: patterns.subscribtion: unknown pattern")
    assert "did you mean 'subscription'" in problem
    assert "known patterns are: " in problem and "razor-and-blade" in problem and "lock-in" in problem


@pytest.mark.parametrize("how, says", [('""', "is empty"), ("", "got nothing"), ('"' + "x" * 201 + '"', "201 characters"),
                                       ("[a, b]", "got a list")])
def test_a_missing_empty_or_long_how_line_is_refused(seeds_copy, how, says):
    [problem] = problems_with(seeds_copy, f"patterns:\n  subscription: {how}\n")
    assert problem.startswith(f"seeds/acme-robotics.yaml:{line_of(seeds_copy, 'subscription:')}: patterns.subscription: ")
    assert says in problem


def test_more_than_five_patterns_or_not_a_mapping_is_refused(seeds_copy):
    six = "".join(f'  {slug}: "How it uses it"\n' for slug in
                  ("subscription", "lock-in", "ecosystem", "razor-and-blade", "direct-selling", "hidden-revenue"))
    [problem] = problems_with(seeds_copy, "patterns:\n" + six)
    assert problem.startswith(f"seeds/acme-robotics.yaml:{line_of(seeds_copy, 'patterns:')}: patterns: has 6 patterns")
    [problem] = problems_with(seeds_copy, "patterns: [subscription]\n")
    assert "patterns: expected a mapping of pattern slugs" in problem


def test_every_pattern_of_the_list_is_complete_and_unique():
    problems: list = []
    from canvas_gallery.load.patterns import load_patterns

    patterns = load_patterns(ROOT / "seeds", problems)
    assert problems == [] and len(patterns) >= 40
    entries = yaml.safe_load((ROOT / "seeds" / "patterns.yaml").read_text())
    assert len(entries) == len(patterns)  # no duplicate slug
    assert all(pattern.definition and pattern.source and pattern.name for pattern in patterns.values())


def test_a_broken_pattern_list_is_reported_with_its_line(seeds_copy):
    path = seeds_copy / "patterns.yaml"
    path.write_text(path.read_text() + "- slug: Bad Slug\n  name: x\n  aliases: []\n  definition: y\n  source: z\n")
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds_copy)
    line = len(path.read_text().splitlines()) - 4
    assert [str(p) for p in caught.value.problems] == [
        f"seeds/patterns.yaml:{line}: [{len(yaml.safe_load(path.read_text())) - 1}].slug: use lowercase letters, digits and hyphens"]


def test_a_canvas_without_patterns_loads_and_gets_a_lint_warning(seeds_copy):
    path = seeds_copy / "acme-robotics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("patterns:\n")], encoding="utf-8")
    gallery = load_gallery(seeds_copy)
    findings = [f for f in lint_canvases(gallery.canvases) if f.rule == "missing-patterns"]
    assert [(f.path, f.severity) for f in findings] == [("seeds/acme-robotics.yaml", "warning")]
    assert "1 to 5 slugs from seeds/patterns.yaml" in findings[0].message


# Pages built from the seeds ----------------------------------------------------------------------------------

def test_patterns_page_counts_and_matrix_match_the_seeds(find_site):
    names, canvases = seed_data(FIXTURES / "seeds")
    canvases.update(seed_data_find())
    counts = Counter(slug for data in canvases.values() for slug in data.get("patterns", {}))
    cells = Counter((slug, data["industry"]) for data in canvases.values() for slug in data.get("patterns", {}))
    soup = soup_of(find_site, "patterns")
    listed = {entry["id"].removeprefix("pattern-"): entry for entry in soup.select(".pattern-list__entry")}
    assert set(listed) == set(names)
    for slug, entry in listed.items():
        count = counts.get(slug, 0)
        assert entry.select_one(".count").get_text() == f"({count} canvas{'es' if count != 1 else ''})"
    table = soup.select_one(".table-scroll table")
    columns = [th.get_text() for th in table.select("thead th")][1:]
    industries = {entry["slug"]: entry["name"] for entry in yaml.safe_load((FIXTURES / "seeds" / "industries.yaml").read_text())}
    assert sorted(columns) == sorted(industries[slug] for slug in {data["industry"] for data in canvases.values()})
    found = {}
    for row in table.select("tbody tr"):
        slug = row.th.a["href"].strip("/").split("/")[-1]
        for cell in row.select("td"):
            if cell.get_text(strip=True):
                found[(slug, cell["data-industry"])] = int(cell.get_text())
                assert cell.a["href"] == f"/pattern/{slug}/#industry-{cell['data-industry']}"
    assert found == dict(cells)
    assert {row.th.get_text() for row in table.select("tbody tr")} == {names[slug] for slug in counts}


def seed_data_find() -> dict:
    return {path.stem: yaml.safe_load(path.read_text()) for path in (FIXTURES / "find").glob("*.yaml")}


def test_pattern_page_lists_its_canvases_with_how_lines_by_industry(find_site):
    soup = soup_of(find_site, "pattern/subscription")
    groups = {section["id"]: [(li.a.get_text(), li.select_one(".pattern-canvases__how").get_text())
                              for li in section.select("li")] for section in soup.select(".pattern-group")}
    assert groups == {
        "industry-consumer-electronics": [("Acme Robotics", "A monthly fee unlocks the cleaning routines")],
        "industry-automotive": [("Borealis Bikes", "One monthly fee covers the bike, servicing and insurance")],
    }
    assert soup.h1.get_text() == "Subscription"
    assert "Gassmann, Frankenberger and Csik" in soup.select_one("cite").get_text()
    assert "Recurring revenue" in soup.select_one(".facts").get_text()
    # Often combined with: patterns used together with it, most often first, ties by name.
    combined = [li.a.get_text() for li in soup.select(".pattern-combined li")]
    assert combined == ["Direct selling", "Razor and blade", "Rent instead of buy"]
    empty = soup_of(find_site, "pattern/lock-in")
    assert "No canvas in the gallery names this pattern yet" in empty.get_text()


def test_pattern_pages_have_unique_titles_descriptions_and_json_ld(find_site):
    titles, descriptions = set(), set()
    names, _ = seed_data(FIXTURES / "seeds")
    for slug, name in names.items():
        soup = soup_of(find_site, f"pattern/{slug}")
        titles.add(soup.title.get_text())
        descriptions.add(soup.find("meta", attrs={"name": "description"})["content"])
        assert soup.title.get_text().startswith(f"{name} business model")
        data = {entry["@type"]: entry for entry in json_ld(soup)}
        assert set(data) == {"BreadcrumbList", "DefinedTerm", "ItemList"}
        assert data["DefinedTerm"]["inDefinedTermSet"]["@type"] == "DefinedTermSet"
        assert [item["name"] for item in data["BreadcrumbList"]["itemListElement"]] == ["Gallery", "Patterns", name]
        crumbs = [li.get_text(strip=True) for li in soup.select(".breadcrumbs li")]
        assert crumbs == ["Gallery", "Patterns", name]
    assert len(titles) == len(descriptions) == len(names)
    items = {entry["@type"]: entry for entry in json_ld(soup_of(find_site, "pattern/subscription"))}["ItemList"]
    assert [item["name"] for item in items["itemListElement"]] == ["Acme Robotics", "Borealis Bikes"]
    term_set = {entry["@type"]: entry for entry in json_ld(soup_of(find_site, "patterns"))}["DefinedTermSet"]
    assert [term["termCode"] for term in term_set["hasDefinedTerm"]] == list(names)


def test_sitemap_and_header_list_the_pattern_pages(find_site):
    sitemap = (find_site / "sitemap.xml").read_text()
    names, _ = seed_data(FIXTURES / "seeds")
    assert "<loc>/patterns/</loc>" in sitemap
    assert all(f"<loc>/pattern/{slug}/</loc>" in sitemap for slug in names)
    nav = soup_of(find_site, "canvas/xiaomi").select_one(".site-nav")
    assert nav.find("a", string="Patterns")["href"] == "/patterns/"


def test_canvas_page_shows_its_patterns_as_chips_with_how_lines(find_site):
    soup = soup_of(find_site, "canvas/xiaomi")
    chips = [(li.a.get_text(), li.a["href"], li.select_one(".pattern-uses__how").get_text())
             for li in soup.select(".pattern-uses li")]
    _, canvases = seed_data(FIXTURES / "seeds")
    names, _ = seed_data(FIXTURES / "seeds")
    assert chips == [(names[slug], f"/pattern/{slug}/", how) for slug, how in canvases["xiaomi"]["patterns"].items()]
    hostile = (find_site / "canvas" / "hostile-example" / "index.html").read_text()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &#34;Quoted&#34; &lt;/script&gt;&lt;script&gt;alert(&#39;how&#39;)" in hostile


def test_related_reason_names_a_shared_pattern(find_site):
    soup = soup_of(find_site, "canvas/borealis-bikes")
    reasons = {card.a.get_text(): card.select_one(".card__reason").get_text()
               for card in soup.select(".related .card")}
    assert reasons["Acme Robotics"] == "also subscription"


# In the browser -------------------------------------------------------------------------------------------

def test_compare_marks_the_shared_patterns_in_words(page: Page, find_url):
    page.goto(f"{find_url}/compare/?a=acme-robotics&b=xiaomi")
    heads = page.locator(".compare__head")
    expect(heads).to_have_count(2)
    shared = page.locator(".compare__patterns li.is-shared")
    expect(shared).to_have_count(2)  # direct selling, on both sides
    expect(shared.first).to_contain_text("Direct selling in both")
    expect(heads.nth(0).locator(".compare__patterns li")).to_have_count(3)
    expect(heads.nth(0).locator(".compare__patterns li", has_text="Razor and blade")).not_to_contain_text("in both")


def test_gallery_filter_narrows_the_cards_by_pattern(page: Page, find_url):
    page.goto(f"{find_url}/")
    page.get_by_label("Pattern").select_option(label="Subscription")
    visible = page.locator(".gallery-group .card:visible .card__title")
    expect(visible).to_have_text(["Acme Robotics", "Borealis Bikes"])
    expect(page).to_have_url(f"{find_url}/?pattern=subscription")
    page.goto(f"{find_url}/?pattern=ecosystem")
    expect(page.locator(".gallery-group .card:visible .card__title")).to_have_text(["Xiaomi"])


def test_search_facet_narrows_the_results_by_pattern(page: Page, find_url):
    page.goto(f"{find_url}/search/?pattern=subscription")
    links = page.locator("#search-results .search-result__title a")
    expect(links).to_have_count(2)
    expect(links.filter(has_text="Acme Robotics")).to_have_count(1)
    expect(links.filter(has_text="Borealis Bikes")).to_have_count(1)
    page.get_by_label("Pattern").select_option(label="Direct selling")
    expect(links).to_have_count(2)
    expect(links.filter(has_text="Xiaomi")).to_have_count(1)
    page.get_by_label("Industry").select_option(label="Automotive & Mobility")
    expect(page.locator("#search-status")).to_have_text("No canvas matches.")
    expect(page).to_have_url(f"{find_url}/search/?industry=automotive&pattern=direct-selling")


def test_the_matrix_scrolls_in_its_box_and_the_page_does_not_on_a_phone(page: Page, find_url):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{find_url}/patterns/")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    box = page.locator(".table-scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"
    box.focus()  # a keyboard user can reach the box and scroll it with the arrow keys
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Keyboard scrolling is smooth, so the box moves over a few frames.
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0", timeout=5000)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["/patterns/", "/pattern/subscription/", "/canvas/xiaomi/"])
def test_axe_finds_no_violations_on_pattern_pages(page: Page, find_url, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(find_url + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_w3c_checker_reports_no_errors_on_pattern_pages(find_site):
    pages = [str(find_site / "patterns" / "index.html"), *map(str, sorted((find_site / "pattern").glob("*/index.html"))),
             str(find_site / "canvas" / "hostile-example" / "index.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    assert json.loads(result.stderr or '{"messages": []}')["messages"] == []


@pytest.mark.parametrize("name, width", [("patterns-desktop", 1280), ("patterns-mobile", 390)])
def test_patterns_page_looks_like_its_reference(page: Page, find_url, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{find_url}/patterns/")
    assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), name)


@pytest.mark.skipif(os.environ.get("UPDATE_SCREENSHOTS") == "1", reason="would overwrite the reference")
def test_patterns_screenshot_fails_when_the_matrix_changes(page: Page, find_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{find_url}/patterns/")
    page.locator(".matrix tbody tr").first.evaluate("row => row.remove()")  # one pattern fewer in the matrix
    with pytest.raises(AssertionError, match="differs from reference|pixels differ"):
        assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), "patterns-desktop")


def test_pattern_links_answer_and_land_on_their_anchor_under_a_sub_path(subpath_find_url):
    start = subpath_find_url + "/"
    checked = 0
    for path in ("patterns/", "pattern/subscription/", "canvas/xiaomi/"):
        with urllib.request.urlopen(start + path) as response:
            soup = BeautifulSoup(response.read(), "html.parser")
        links = {urljoin(start + path, a["href"]) for a in soup.select(".table-scroll a, .pattern-list a, "
                                                                       ".pattern-group a, .pattern-combined a, "
                                                                       ".pattern-uses a, .breadcrumbs a")}
        for link in sorted(links):
            assert link.startswith(start), link
            address, _, anchor = link.partition("#")
            with urllib.request.urlopen(address) as response:
                assert response.status == 200
                if anchor:
                    assert BeautifulSoup(response.read(), "html.parser").find(id=anchor), link
            checked += 1
    assert checked > 20


def test_downloads_and_the_compare_index_carry_the_patterns(find_site):
    _, canvases = seed_data(FIXTURES / "seeds")
    download = json.loads((find_site / "canvas" / "xiaomi" / "canvas.json").read_text())
    assert download["patterns"] == canvases["xiaomi"]["patterns"]
    index = json.loads((find_site / "canvas" / "index.json").read_text())
    entry = next(entry for entry in index["canvases"] if entry["slug"] == "acme-robotics")
    assert [(use["slug"], use["how"], use["url"]) for use in entry["patterns"]] == [
        (slug, how, f"pattern/{slug}/") for slug, how in canvases["acme-robotics"]["patterns"].items()]


def test_shared_patterns_lift_a_canvas_by_the_pattern_weight():
    from canvas_gallery.blocks import BLOCK_KEYS
    from canvas_gallery.model import Canvas, Industry, Pattern, PatternUse
    from canvas_gallery.relate.related import related_links

    industry = Industry("consumer-goods", "Consumer Goods", "")
    razor = Pattern("razor-and-blade", "Razor and blade", (), "Cheap handle, dear blades.", "A book")

    def canvas(slug, *patterns):
        items = {key: (f"Thing{slug}x{index}",) for index, key in enumerate(BLOCK_KEYS)}
        return Canvas(slug=slug, name=slug.title(), industry=industry, summary="", items=items,
                      path=f"seeds/{slug}.yaml", patterns=tuple(PatternUse(p, "How") for p in patterns))

    # Alike in everything but patterns: without the weight, ties go by slug; with it, the shared pattern wins.
    canvases = [canvas("alpha", razor), canvas("bravo"), canvas("zulu", razor)]
    assert [link.slug for link in related_links(canvases, 1, 0.0)("alpha")] == ["bravo"]
    [link] = related_links(canvases, 1, 0.5)("alpha")
    assert (link.slug, link.reason) == ("zulu", "also razor and blade")


def test_an_edited_pattern_list_reaches_cached_canvases(seeds_copy, tmp_path):
    cache = tmp_path / "seeds.pickle"
    first = load_gallery(seeds_copy, cache_file=cache).by_slug()["acme-robotics"]
    assert first.patterns[0].pattern.name == "Razor and blade"
    path = seeds_copy / "patterns.yaml"
    path.write_text(path.read_text().replace("name: Razor and blade", "name: Razor and blades"))
    again = load_gallery(seeds_copy, cache_file=cache).by_slug()["acme-robotics"]
    assert again.patterns[0].pattern.name == "Razor and blades"
    path.write_text(path.read_text().replace("- slug: razor-and-blade", "- slug: razor-blade"))
    with pytest.raises(SeedErrors, match=r"acme-robotics.yaml:\d+: patterns.razor-and-blade: unknown pattern"):
        load_gallery(seeds_copy, cache_file=cache)
