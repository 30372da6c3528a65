"""Business types, the second kind of canvas: the fields each kind allows, the type's page and its links both
ways, the gallery's section and listing page, search's kind filter, the editor, JSON-LD and compare."""

from __future__ import annotations

import datetime
import json
import shutil

import pytest
import yaml
from playwright.sync_api import Page, expect

from sitebuild import FIXTURES, SEEDS, parsed

from canvas_gallery.lint.rules import errors_in, lint_canvases
from canvas_gallery.load.seeds import SeedErrors, load_gallery

TYPE_FIXTURE = FIXTURES / "kinds" / "home-robot-maker.yaml"


def with_type(seeds, text: str | None = None):
    """The fixture seeds plus the fixture business type, optionally rewritten."""
    (seeds / TYPE_FIXTURE.name).write_text(text if text is not None else TYPE_FIXTURE.read_text(encoding="utf-8"))
    return seeds / TYPE_FIXTURE.name


def problems(seeds) -> list[str]:
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds)
    return [str(problem) for problem in caught.value.problems]


def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(text))


# --- The seed format ---------------------------------------------------------------------------------

def test_a_business_type_loads_with_its_variants_and_the_company_learns_it_is_an_example(seeds_copy):
    with_type(seeds_copy)
    canvases = load_gallery(seeds_copy).by_slug()
    kind = canvases["home-robot-maker"]
    assert kind.is_business_type and kind.examples == ("acme-robotics",)
    assert [variant.name for variant in kind.variants] == ["Subscription-first", "Premium hardware"]
    assert canvases["acme-robotics"].example_of == ("home-robot-maker",)
    assert canvases["xiaomi"].kind == "company" and canvases["xiaomi"].example_of == ()


def test_a_business_type_title_capitalises_its_words_but_not_the_small_ones():
    titles = {"bed-and-breakfast": "Bed and Breakfast", "print-on-demand-store": "Print-on-Demand Store",
              "saas-startup": "SaaS Start-Up", "pub": "Pub or Bar"}
    canvases = load_gallery(SEEDS, only=[SEEDS / f"{slug}.yaml" for slug in titles]).by_slug()
    assert {slug: canvases[slug].title_name for slug in titles} == titles


@pytest.mark.parametrize("field, value, fix", [
    ("founded", "2015", "has no founding year; remove it"),
    ("headquarters", "Springfield", "has no headquarters; remove it"),
    ("website", "https://robots.example/", "has no website; remove it"),
    ("ended", "2020", "has no year its model stopped working; remove it"),
])
def test_a_business_type_refuses_company_facts_with_file_line_and_fix(seeds_copy, field, value, fix):
    text = TYPE_FIXTURE.read_text().replace("updated: 2026-11-01\n", f"updated: 2026-11-01\n{field}: {value}\n")
    path = with_type(seeds_copy, text)
    [problem] = problems(seeds_copy)
    assert problem.startswith(f"seeds/home-robot-maker.yaml:{line_of(path, field + ':')}: {field}: "
                              f"not allowed on a business type:")
    assert fix in problem


@pytest.mark.parametrize("field, value", [("examples", "[xiaomi]"), ("variants", "[{name: Online, note: web only}]")])
def test_a_company_refuses_examples_and_variants(seeds_copy, field, value):
    path = seeds_copy / "acme-robotics.yaml"
    path.write_text(path.read_text() + f"{field}: {value}\n")
    [problem] = problems(seeds_copy)
    assert problem.startswith(f"seeds/acme-robotics.yaml:{line_of(path, field + ':')}: {field}: "
                              f"not allowed on a company: only a business type")
    assert "add 'kind: business-type'" in problem


def test_an_unknown_example_is_refused_with_its_close_matches(seeds_copy):
    path = with_type(seeds_copy, TYPE_FIXTURE.read_text().replace("[acme-robotics]", "[acme-robotic]"))
    [problem] = problems(seeds_copy)
    assert problem.startswith(f"seeds/home-robot-maker.yaml:{line_of(path, 'examples:')}: examples[0]: "
                              f"no canvas has the slug 'acme-robotic' (close matches: acme-robotics)")


def test_a_business_type_is_no_example_of_another(seeds_copy):
    with_type(seeds_copy)
    second = TYPE_FIXTURE.read_text().replace("Home robot maker", "Robot subscription").replace(
        "[acme-robotics]", "[home-robot-maker]")
    (seeds_copy / "robot-subscription.yaml").write_text(second)
    [problem] = problems(seeds_copy)
    assert problem.startswith("seeds/robot-subscription.yaml:7: examples[0]: 'home-robot-maker' is a business type")


def test_an_unknown_kind_and_a_variant_without_a_note_are_refused(seeds_copy):
    text = TYPE_FIXTURE.read_text().replace("kind: business-type", "kind: business").replace(
        "  - name: Premium hardware\n    note: a higher price up front and no monthly fee\n", "  - name: Premium\n")
    with_type(seeds_copy, text)
    kind, variant = problems(seeds_copy)
    assert kind.startswith("seeds/home-robot-maker.yaml:3: kind: unknown kind 'business'; write 'kind: company'")
    assert variant.startswith("seeds/home-robot-maker.yaml:11: variants[1]: expected a mapping with 'name' and 'note'")


def test_lint_wants_a_business_types_figures_from_an_industry_body_statistics_or_a_study(seeds_copy):
    table = ("figures:\n  - block: cost_structure\n    caption: Cost of a robot\n    year: 2025\n"
             "    source: {source}\n    columns: [Line, Dollars]\n    rows:\n      - [Parts, 120]\n")
    path = with_type(seeds_copy, TYPE_FIXTURE.read_text() + table.format(source="Acme Robotics price list"))
    today = datetime.date(2026, 12, 1)
    [error] = errors_in(lint_canvases(load_gallery(seeds_copy).canvases, today))
    assert (error.path, error.line, error.rule) == ("seeds/home-robot-maker.yaml", line_of(path, "  - block:"),
                                                    "type-figure-source")
    assert "industry association, government statistics or a study" in error.message
    with_type(seeds_copy, TYPE_FIXTURE.read_text() + table.format(source="Robot Makers Association, 2025 survey"))
    assert errors_in(lint_canvases(load_gallery(seeds_copy).canvases, today)) == []


# --- Pages of the real gallery ---------------------------------------------------------------------------

def test_the_type_page_shows_its_title_kind_variants_and_examples(page: Page, gallery_url):
    page.goto(f"{gallery_url}/canvas/coffee-shop/")
    expect(page).to_have_title("Coffee Shop Business Model Canvas | Canvas Gallery")
    expect(page.get_by_role("heading", level=1)).to_have_text("Coffee Shop Business Model Canvas")
    expect(page.locator(".canvas-page__kind")).to_contain_text("a kind of business, not one company")
    expect(page.locator(".canvas-page__variants li").first).to_contain_text("Specialty independent")
    page.locator(".canvas-page__examples").get_by_role("link", name="Starbucks").click()
    expect(page).to_have_url(f"{gallery_url}/canvas/starbucks/")
    expect(page.locator(".canvas-page__example-of")).to_have_text("An example of: Coffee shop")
    page.locator(".canvas-page__example-of").get_by_role("link", name="Coffee shop").click()
    expect(page).to_have_url(f"{gallery_url}/canvas/coffee-shop/")


def test_a_type_page_has_no_company_facts_and_says_once_that_it_is_a_business_type(gallery_site):
    soup = parsed(gallery_site / "canvas" / "coffee-shop" / "index.html")
    facts = [dt.get_text() for dt in soup.select(".facts dt")]
    assert "Founded" not in facts and "Headquarters" not in facts and "Website" not in facts
    assert "business type" in soup.select_one(".canvas-page__kind").get_text()
    assert "Starbucks" in soup.select_one(".canvas-page__examples").get_text()  # the example company
    intro = soup.select_one(".analysis__intro").get_text(" ", strip=True)
    assert "business type" not in intro and "founded" not in intro.lower()  # the text does not repeat the kind line


def business_type_names() -> list[str]:
    """The names of the gallery's business types, read from seeds/, in the order the gallery lists them."""
    seeds = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.yaml"))]
    return sorted((seed["name"] for seed in seeds
                   if isinstance(seed, dict) and seed.get("kind") == "business-type" and not seed.get("draft")),
                  key=str.casefold)


def test_the_gallery_and_the_listing_page_show_the_business_types(page: Page, gallery_url):
    page.goto(f"{gallery_url}/")
    section = page.get_by_role("navigation", name="Business types")
    expect(section.get_by_role("link", name="Coffee shop")).to_have_attribute("href", "/canvas/coffee-shop/")
    types = business_type_names()
    expect(page.locator(".lead")).to_contain_text(f"and {len(types)} business types in")
    listed = section.get_by_role("listitem").all_inner_texts()
    assert listed == types[:len(listed)]  # the first of them by name
    section.get_by_role("link", name="Business types", exact=True).click()
    expect(page).to_have_url(f"{gallery_url}/business-types/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Business types")
    assert page.locator(".card__title").all_inner_texts() == types  # by name, as a visitor scans them
    page.goto(f"{gallery_url}/industry/local-services/")  # and in its industry
    expect(page.locator(".card__title", has_text="Coffee shop")).to_have_count(1)


def test_the_sitemap_lists_the_listing_page_and_the_type(gallery_site):
    sitemap = (gallery_site / "sitemap.xml").read_text()
    assert "/business-types/</loc>" in sitemap and "/canvas/coffee-shop/</loc>" in sitemap


def test_json_ld_of_a_type_is_an_article_about_a_defined_term_not_an_organization(gallery_site):
    def about(slug):
        soup = parsed(gallery_site / "canvas" / slug / "index.html")
        data = [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]
        [article] = [item for item in data if item["@type"] == "Article"]
        return article
    article = about("coffee-shop")
    assert article["headline"] == "Coffee Shop Business Model Canvas"
    assert article["about"]["@type"] == "DefinedTerm" and article["about"]["name"] == "Coffee shop"
    assert about("starbucks")["about"]["@type"] == "Organization"


def test_search_finds_the_coffee_shop_and_the_kind_filter_narrows_the_results(page: Page, gallery_url):
    page.goto(f"{gallery_url}/search/?q=coffee")
    links = page.locator("#search-results > li").get_by_role("link")
    expect(links.filter(has_text="Coffee shop")).to_have_count(1)
    expect(links.filter(has_text="Starbucks")).to_have_count(1)
    page.get_by_label("Kind").select_option(label="Business types")
    expect(links.filter(has_text="Starbucks")).to_have_count(0)
    expect(links.filter(has_text="Coffee shop")).to_have_count(1)
    assert set(links.all_inner_texts()) <= set(business_type_names())
    expect(page).to_have_url(f"{gallery_url}/search/?q=coffee&kind=business+type")
    page.get_by_label("Kind").select_option(label="Companies")
    expect(links.filter(has_text="Starbucks")).to_have_count(1)
    expect(links.filter(has_text="Coffee shop")).to_have_count(0)


def test_use_as_template_from_the_type_opens_the_editor_filled_with_it(page: Page, gallery_url, tmp_path):
    page.goto(f"{gallery_url}/canvas/coffee-shop/")
    channels = page.locator('[data-block="channels"] li').all_inner_texts()
    page.get_by_role("link", name="Use as template").click()
    expect(page.get_by_label("Company or idea")).to_have_value("Coffee shop")
    expect(page.get_by_label("Kind of canvas")).to_have_value("business-type")
    expect(page.get_by_label("Industry")).to_have_value("local-services")
    assert [area.input_value() for area in
            page.get_by_role("region", name="Channels", exact=True).locator("textarea").all()] == channels
    expect(page.locator("#editor-status")).to_contain_text("a business type")

    def saved() -> dict:
        with page.expect_download() as download:
            page.get_by_role("button", name="Save as YAML").click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        return yaml.safe_load(target.read_text())
    assert saved()["kind"] == "business-type"  # saved as a business type, which the gallery accepts
    page.get_by_label("Company or idea").fill("Bean There")
    page.get_by_label("Kind of canvas").select_option("company")  # a founder's own coffee shop
    seed = saved()
    assert "kind" not in seed and seed["name"] == "Bean There" and seed["blocks"]["channels"] == channels


def test_compare_works_with_a_business_type(page: Page, gallery_url):
    page.goto(f"{gallery_url}/compare/?a=coffee-shop&b=starbucks")
    expect(page.locator('.compare__block[data-block="channels"] [data-side="a"] li').first).to_have_text(
        "Walk-in counter service")
    expect(page.locator('.compare__block[data-block="channels"] [data-side="b"] li').first).to_have_text(
        "Company-operated cafés and drive-thrus")


def test_the_type_downloads_carry_its_kind(gallery_site):
    data = json.loads((gallery_site / "canvas" / "coffee-shop" / "canvas.json").read_text())
    examples = yaml.safe_load((SEEDS / "coffee-shop.yaml").read_text(encoding="utf-8"))["examples"]
    assert data["kind"] == "business-type" and data["examples"] == examples and "starbucks" in examples


def test_a_fixture_type_builds_with_its_example_linked_both_ways(tmp_path):
    from sitebuild import build
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds", seeds)
    shutil.copy(TYPE_FIXTURE, seeds)
    build(tmp_path / "output", seeds=seeds)
    acme = (tmp_path / "output" / "canvas" / "acme-robotics" / "index.html").read_text()
    assert 'An example of: <a href="/canvas/home-robot-maker/">Home robot maker</a>' in acme
    listing = (tmp_path / "output" / "business-types" / "index.html").read_text()
    assert "Home robot maker" in listing and "Acme Robotics" not in listing
