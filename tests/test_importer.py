"""The importer turns saved canvas pages (HTML or plain text, in the two shapes found in the wild) into drafts."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from sitebuild import FIXTURES, ROOT, build

from canvas_gallery.blocks import BLOCK_KEYS
from canvas_gallery.load.importer import PLACEHOLDER_ITEM, import_page, read_page, slugify
from canvas_gallery.load.seeds import SLUG_PATTERN, load_gallery, load_industries
from canvas_gallery.model import BUSINESS_TYPE, COMPANY

PAGES = FIXTURES / "import"
INDUSTRIES = load_industries(FIXTURES / "seeds", [])


def imported(name: str, **options):
    return import_page((PAGES / name).read_text(encoding="utf-8"), INDUSTRIES, source_name=name, **options)


def invoke(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def seeds(tmp_path):
    """An empty seeds folder with the fixture industries, for the importer to write into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", folder)
    return folder


# The card-grid shape: a "<Name> Business Model Canvas" title and nine headings of seven bullets each.

@pytest.mark.parametrize("page", ["card-grid.html", "card-grid.txt"])
def test_card_grid_page_imports_seven_bullets_into_each_of_the_nine_blocks(page):
    canvas = imported(page)
    assert [len(canvas.items[key]) for key in BLOCK_KEYS] == [7] * 9
    assert canvas.items["key_partners"][0] == "Thermostat chip supplier in Taiwan"
    assert canvas.items["revenue_streams"][-1] == "Licensing the temperature-hold design"


@pytest.mark.parametrize("page", ["card-grid.html", "card-grid.txt"])
def test_name_comes_from_the_title_and_industry_from_the_tag_line(page):
    canvas = imported(page)
    assert (canvas.name, canvas.slug, canvas.industry) == ("Pebblewick", "pebblewick", "consumer-electronics")


@pytest.mark.parametrize(("name", "slug"), [("Nestlé Health Science", "nestle-health-science"),
                                           ("Tom & Jerry's", "tom-and-jerrys"), ("L’Oréal", "loreal"),
                                           ("JD.com", "jd-com"), ("???", "imported-canvas")])
def test_slug_from_a_name_is_ascii_and_a_valid_seed_slug(name, slug):
    assert slugify(name) == slug
    assert SLUG_PATTERN.match(slug)


@pytest.mark.parametrize("page", ["card-grid.html", "card-grid.txt"])
def test_promotion_after_the_canvas_is_reported_not_imported(page):
    canvas = imported(page)
    everything = [item for items in canvas.items.values() for item in items]
    assert "Printable exports" not in everything
    assert any("'Unlock the Pebblewick Business Model Canvas': 6 bullet(s)" in note for note in canvas.unplaced)


# The long-form shape: short block headings, sub-headings, prose, bullet lists and pipe tables with a year.

@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_long_form_page_fills_all_nine_blocks(page):
    canvas = imported(page, industry="logistics")
    for key in BLOCK_KEYS:
        assert canvas.items[key] and PLACEHOLDER_ITEM not in canvas.items[key], key


@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_sub_headings_bullets_and_table_rows_become_items(page):
    partners = imported(page, industry="logistics").items["key_partners"]
    assert "Terminal Alliances" in partners  # a sub-heading
    assert "Customs brokers" in partners  # a short bullet
    assert "Rolling stock (Two wagon leasing firms)" in partners  # a table row with its short description


@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_label_bullets_keep_the_label_and_sentences_stay_out(page):
    canvas = imported(page, industry="logistics")
    assert "Cross-border driver licences" in canvas.items["key_resources"]
    assert not any("14 shared terminals" in item for item in canvas.items["key_partners"])
    assert any("14 shared terminals" in note for note in canvas.unplaced)


@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_tables_with_a_year_are_kept_as_figures_with_that_year(page):
    canvas = imported(page, industry="logistics")
    [channels] = [figure for figure in canvas.figures if figure["block"] == "channels"]
    assert channels["year"] == 2024
    assert channels["columns"] == ["Channel", "Description", "2024 Revenue Contribution"]
    assert channels["rows"][0] == ["Direct sales", "Contracts with shippers", "62%"]
    assert "imported from" in channels["source"]


@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_table_without_a_year_gives_items_but_no_figure(page):
    canvas = imported(page, industry="logistics")
    assert "Retail importers (Steady weekly volumes)" in canvas.items["customer_segments"]
    assert not [figure for figure in canvas.figures if figure["block"] == "customer_segments"]
    assert any("Customer Segments: a table" in note and "gives no year" in note for note in canvas.unplaced)


@pytest.mark.parametrize("page", ["long-form.html", "long-form.txt"])
def test_table_mixing_years_is_dated_by_the_latest_and_reported(page):
    canvas = imported(page, industry="logistics")
    [revenue] = [figure for figure in canvas.figures if figure["block"] == "revenue_streams"]
    assert revenue["year"] == 2024
    assert any("mixes the years 2023, 2024" in note for note in canvas.unplaced)


@pytest.mark.parametrize("shape", ["card-grid", "long-form"])
def test_html_page_and_its_text_dump_import_the_same_canvas(shape):
    from_html = imported(f"{shape}.html", industry="logistics" if shape == "long-form" else None)
    from_text = imported(f"{shape}.txt", industry="logistics" if shape == "long-form" else None)
    assert from_html.items == from_text.items
    assert [f["rows"] for f in from_html.figures] == [f["rows"] for f in from_text.figures]


def test_scripts_and_styles_of_an_html_page_are_ignored():
    texts = [getattr(element, "text", "") for element in read_page((PAGES / "card-grid.html").read_text())]
    assert not any("analytics" in text or "display: grid" in text for text in texts)


def test_prose_is_never_copied_into_the_draft(seeds):
    result = invoke("import-canvas", str(PAGES / "long-form.txt"), "--seeds", str(seeds), "--industry", "logistics")
    assert result.returncode == 0, result.stderr
    draft = (seeds / "harrowgate-freight.yaml").read_text()
    assert "Planners redraw the timetable" not in draft
    assert "paragraph(s) of prose not imported" in result.stdout


def test_missing_block_gets_a_todo_item_and_is_reported():
    text = (PAGES / "card-grid.txt").read_text().replace("Channels\n", "Shop Windows\n")
    canvas = import_page(text, INDUSTRIES, source_name="card-grid.txt")
    assert canvas.items["channels"] == [PLACEHOLDER_ITEM]
    assert canvas.unplaced[0] == "blocks not found on the page (a TODO item stands in): Channels"


# The command: invoke import-canvas PATH [--slug S] [--force]

@pytest.mark.parametrize("page", ["card-grid.html", "long-form.html", "card-grid.txt", "long-form.txt"])
def test_imported_draft_round_trips_through_the_seed_loader(seeds, page):
    result = invoke("import-canvas", str(PAGES / page), "--seeds", str(seeds), "--industry", "logistics")
    assert result.returncode == 0, result.stderr
    [written] = [path for path in seeds.glob("*.yaml") if path.name != "industries.yaml"]
    assert load_gallery(seeds).canvases == []  # a draft is left out by default
    [canvas] = load_gallery(seeds, include_drafts=True).canvases
    assert canvas.draft is True
    raw = yaml.safe_load(written.read_text())
    assert {key: list(items) for key, items in canvas.items.items()} == raw["blocks"]
    assert len(canvas.figures) == len(raw.get("figures", []))


def test_command_prints_what_it_wrote_and_what_it_could_not_place(seeds):
    result = invoke("import-canvas", str(PAGES / "card-grid.html"), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    assert "pebblewick.yaml (draft: true): Pebblewick, company, consumer-electronics, 63 items in 9 blocks" in result.stdout
    assert "Could not place:" in result.stdout
    assert "'Unlock the Pebblewick Business Model Canvas'" in result.stdout


def test_slug_option_names_the_file(seeds):
    result = invoke("import-canvas", str(PAGES / "card-grid.txt"), "--seeds", str(seeds), "--slug", "kettle-co")
    assert result.returncode == 0, result.stderr
    assert (seeds / "kettle-co.yaml").exists() and not (seeds / "pebblewick.yaml").exists()


def test_existing_seed_is_never_overwritten_without_force(seeds):
    (seeds / "pebblewick.yaml").write_text("# the editor's own work\n")
    result = invoke("import-canvas", str(PAGES / "card-grid.txt"), "--seeds", str(seeds))
    assert result.returncode != 0
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert (seeds / "pebblewick.yaml").read_text() == "# the editor's own work\n"


def test_force_overwrites_an_existing_seed(seeds):
    (seeds / "pebblewick.yaml").write_text("# old\n")
    result = invoke("import-canvas", str(PAGES / "card-grid.txt"), "--seeds", str(seeds), "--force")
    assert result.returncode == 0, result.stderr
    assert "draft: true" in (seeds / "pebblewick.yaml").read_text()


def test_page_without_an_industry_asks_for_the_industry_option(seeds):
    result = invoke("import-canvas", str(PAGES / "long-form.html"), "--seeds", str(seeds))
    assert result.returncode != 0
    assert "--industry" in result.stderr and "logistics" in result.stderr
    assert not (seeds / "harrowgate-freight.yaml").exists()


# Drafts are built only with --drafts.

def test_draft_is_built_only_with_the_drafts_option(seeds_copy, tmp_path):
    result = invoke("import-canvas", str(PAGES / "card-grid.html"), "--seeds", str(seeds_copy))
    assert result.returncode == 0, result.stderr
    build(tmp_path / "public", seeds=seeds_copy)
    assert not (tmp_path / "public" / "canvas" / "pebblewick" / "index.html").exists()
    assert (tmp_path / "public" / "canvas" / "xiaomi" / "index.html").exists()
    build(tmp_path / "preview", seeds=seeds_copy, extra=("--drafts",))
    assert (tmp_path / "preview" / "canvas" / "pebblewick" / "index.html").exists()


# The saved pages the issue points at (../shared/seeds/ beside the repository), when they are there.

SHARED_PAGES = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SHARED_PAGES, reason="no ../shared/seeds/ beside this checkout")
@pytest.mark.parametrize("page", SHARED_PAGES, ids=lambda path: path.name)
def test_shared_example_pages_import_to_all_nine_blocks(page):
    text = page.read_text(encoding="utf-8")
    canvas = import_page(text, INDUSTRIES, source_name=page.name, industry="consumer-goods")
    assert canvas.name
    for key in BLOCK_KEYS:
        assert canvas.items[key] and PLACEHOLDER_ITEM not in canvas.items[key], key
    if "---|" in text:  # the long-form shape: its tables are dated in their headers
        assert canvas.figures and all(figure["year"] >= 2000 for figure in canvas.figures)


# Business types: a page that says it describes a kind of business drafts a business-type seed.

def test_page_that_calls_itself_a_business_type_imports_as_one():
    canvas = imported("business-type.txt")
    assert (canvas.name, canvas.kind, canvas.industry) == ("Board Game Cafe", BUSINESS_TYPE, "food-beverage")


@pytest.mark.parametrize("page", ["card-grid.html", "card-grid.txt", "long-form.txt"])
def test_company_pages_stay_companies(page):
    assert imported(page, industry="logistics").kind == COMPANY


def test_business_type_draft_has_its_kind_and_empty_examples_and_loads(seeds):
    result = invoke("import-canvas", str(PAGES / "business-type.txt"), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    assert "Board Game Cafe, business-type, food-beverage" in result.stdout
    raw = yaml.safe_load((seeds / "board-game-cafe.yaml").read_text())
    assert (raw["kind"], raw["examples"]) == (BUSINESS_TYPE, [])
    assert "this kind of business makes money" in raw["summary"]
    [canvas] = load_gallery(seeds, include_drafts=True).canvases
    assert canvas.is_business_type


def test_kind_option_overrides_what_the_page_says(seeds):
    result = invoke("import-canvas", str(PAGES / "card-grid.txt"), "--seeds", str(seeds), "--kind", "business-type")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((seeds / "pebblewick.yaml").read_text())["kind"] == BUSINESS_TYPE
    refused = invoke("import-canvas", str(PAGES / "card-grid.txt"), "--seeds", str(seeds), "--kind", "shop",
                     "--slug", "other")
    assert refused.returncode != 0 and "--kind 'shop'" in refused.stderr
