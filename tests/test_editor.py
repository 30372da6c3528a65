"""The canvas editor (/editor/): create, keep, reorder, save as seed YAML or JSON, open files, print,
and start from a gallery canvas; with the keyboard and the mouse, in a real Chromium."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from screenshots import assert_matches_reference
from sitebuild import FIXTURES

from canvas_gallery.blocks import BLOCKS
from canvas_gallery.after_pelican.exports_render import pdf_page_count
from canvas_gallery.load.seeds import load_gallery


def open_editor(page: Page, url: str, query: str = "") -> None:
    page.goto(f"{url}/editor/{query}")
    expect(page.locator("#editor[data-ready]")).to_have_count(1)


def block(page: Page, label: str):
    return page.get_by_role("region", name=label, exact=True)


def items_of(page: Page, label: str) -> list[str]:
    return [area.input_value() for area in block(page, label).locator("textarea").all()]


def add_item(page: Page, label: str, text: str) -> None:
    page.get_by_role("button", name=f"Add item to {label}").click()
    page.keyboard.type(text)  # the new item has the focus


def fill_whole_canvas(page: Page) -> None:
    page.get_by_label("Company or idea").fill("Tidewater Kayak Tours")
    page.get_by_label("Industry").select_option("travel-hospitality")
    page.get_by_label("Summary").fill("Guided sea-kayak trips for beginners on the estuary: we earn per seat, "
                                      "on gear rental and on photos: and on a yearly club membership.")
    for spec in BLOCKS:
        add_item(page, spec.label, f"{spec.label} first point")
    add_item(page, "Channels", "yes")  # a YAML word that must stay text
    add_item(page, "Channels", "#1 booking site: 'quotes' and \"double\" quotes")


def save_yaml(page: Page, tmp_path) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save as YAML").click()
    assert download.value.suggested_filename == "tidewater-kayak-tours.yaml"
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target.read_text()


def test_editor_starts_with_an_empty_nine_block_canvas(page: Page, fixture_url):
    open_editor(page, fixture_url)
    for spec in BLOCKS:
        expect(block(page, spec.label)).to_be_visible()
        assert items_of(page, spec.label) == []
    expect(page.get_by_label("Company or idea")).to_have_value("")


def test_items_typed_with_the_keyboard_survive_a_reload(page: Page, fixture_url):
    open_editor(page, fixture_url)
    add_button = page.get_by_role("button", name="Add item to Key Partners")
    add_button.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Local boat builders")
    page.keyboard.press("Enter")  # Enter in an item starts the next one
    page.keyboard.type("Harbour authority")
    page.get_by_label("Company or idea").fill("Tidewater")
    page.reload()
    expect(page.locator("#editor[data-ready]")).to_have_count(1)
    assert items_of(page, "Key Partners") == ["Local boat builders", "Harbour authority"]
    expect(page.get_by_label("Company or idea")).to_have_value("Tidewater")


def test_items_are_reordered_and_removed_with_keyboard_and_mouse(page: Page, fixture_url):
    open_editor(page, fixture_url)
    for text in ("first", "second", "third"):
        add_item(page, "Channels", text)
    move_down = page.get_by_role("button", name="Down (move Channels item 1 down)")
    move_down.focus()
    page.keyboard.press("Enter")
    assert items_of(page, "Channels") == ["second", "first", "third"]
    # The focus follows the moved item, so pressing again moves it further.
    page.keyboard.press("Enter")
    assert items_of(page, "Channels") == ["second", "third", "first"]
    page.get_by_role("button", name="Up (move Channels item 2 up)").click()
    assert items_of(page, "Channels") == ["third", "second", "first"]
    page.get_by_role("button", name="Remove Channels item 2").click()
    assert items_of(page, "Channels") == ["third", "first"]
    page.reload()
    assert items_of(page, "Channels") == ["third", "first"]


def test_saved_yaml_passes_the_seed_validator_and_opens_again(page: Page, fixture_url, tmp_path):
    open_editor(page, fixture_url)
    fill_whole_canvas(page)
    text = save_yaml(page, tmp_path)
    assert text.startswith("name: Tidewater Kayak Tours\nindustry: travel-hospitality\nsummary: >-\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    (seeds / "tidewater-kayak-tours.yaml").write_text(text)
    canvas = load_gallery(seeds).canvases[0]
    assert canvas.name == "Tidewater Kayak Tours"
    assert canvas.items["channels"] == ("Channels first point", "yes", "#1 booking site: 'quotes' and \"double\" quotes")
    assert list(yaml.safe_load(text)) == ["name", "industry", "summary", "blocks"]
    assert list(yaml.safe_load(text)["blocks"]) == [spec.key for spec in BLOCKS]
    assert max(len(line) for line in text.splitlines()) <= 100  # folded at the seed files' width

    page.get_by_role("button", name="Start an empty canvas").click()
    assert items_of(page, "Channels") == []
    page.get_by_label("Open a YAML or JSON file").set_input_files(seeds / "tidewater-kayak-tours.yaml")
    expect(page.get_by_label("Company or idea")).to_have_value("Tidewater Kayak Tours")
    assert items_of(page, "Channels")[2] == "#1 booking site: 'quotes' and \"double\" quotes"
    expect(page.get_by_label("Industry")).to_have_value("travel-hospitality")


# Text that YAML reads as something else when written plain: YAML 1.1 booleans and numbers (the seed
# loader's PyYAML), indicators, quotes, comments, dates, and markup.
TRICKY_ITEMS = [
    "yes", "No", "on", "OFF", "y", "null", "~", "true", "9:30", "190:20:30", "1_000", "0o17", "0x1F", "1e3",
    ".5", "+12", "0777", ".inf", "2024-01-01", "=", "<<", "- a dash", "? a question", "#1 in the region",
    "a: b", "ends with a colon:", "a #hash", "[bracketed]", "{braced}", "&anchor", "*alias", "!tag", "%20 off",
    "@handle", "`ticks`", "|pipe", ">angle", "'single' and \"double\" quotes", "back\\slash",
    "</script><script>alert(1)</script>", "Ünïcødé — “curly” ☕", "x, y", "1,000",
    "a long item " + "that goes on " * 10 + "past the fold",
]


def test_tricky_text_saved_as_yaml_loads_unchanged_in_the_seed_loader(page: Page, fixture_url, tmp_path):
    keys = [spec.key for spec in BLOCKS]
    blocks = {key: TRICKY_ITEMS[index::len(keys)] for index, key in enumerate(keys)}
    canvas_file = tmp_path / "tricky.json"
    canvas_file.write_text(json.dumps({"name": "Yes", "industry": "travel-hospitality",
                                       "summary": "Short: with a colon", "blocks": blocks}))
    open_editor(page, fixture_url)
    page.get_by_label("Open a YAML or JSON file").set_input_files(canvas_file)
    expect(page.get_by_label("Company or idea")).to_have_value("Yes")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save as YAML").click()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "seeds" / "industries.yaml", seeds)
    download.value.save_as(seeds / "yes.yaml")
    canvas = load_gallery(seeds).canvases[0]
    assert (canvas.name, canvas.summary) == ("Yes", "Short: with a colon")
    assert {key: list(canvas.items[key]) for key in keys} == blocks


def test_saved_json_has_the_seed_keys(page: Page, fixture_url, tmp_path):
    open_editor(page, fixture_url)
    fill_whole_canvas(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save as JSON").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert list(data) == ["name", "industry", "summary", "blocks"]
    assert data["blocks"]["revenue_streams"] == ["Revenue Streams first point"]


@pytest.mark.parametrize("name, content", [
    ("notes.txt", "just: [some, broken\n"),
    ("list.yaml", "- one\n- two\n"),
    ("other.json", '{"name": "X", "blocks": {"channels": {"web": 1}, "sales_pipeline": []}}'),
])
def test_a_file_that_is_not_a_canvas_leaves_the_current_one_intact(page: Page, fixture_url, tmp_path, name, content):
    open_editor(page, fixture_url)
    page.get_by_label("Company or idea").fill("Kept")
    add_item(page, "Channels", "Still here")
    bad = tmp_path / name
    bad.write_text(content)
    page.get_by_label("Open a YAML or JSON file").set_input_files(bad)
    expect(page.get_by_role("alert")).to_contain_text(f"“{name}” is not a canvas the editor can open")
    expect(page.get_by_role("alert")).to_contain_text("Your canvas has not changed")
    expect(page.get_by_label("Company or idea")).to_have_value("Kept")
    page.reload()
    assert items_of(page, "Channels") == ["Still here"]


def alias_bomb(levels: int = 8) -> str:
    """The "billion laughs" shape: each level a list of ten aliases of the level before."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["bomb.yaml", "huge.json"])
def test_an_alias_bomb_or_a_huge_file_is_refused_quickly_and_changes_nothing(page: Page, fixture_url, tmp_path, name):
    open_editor(page, fixture_url)
    page.get_by_label("Company or idea").fill("Kept")
    add_item(page, "Channels", "Still here")
    hostile = tmp_path / name
    if name == "bomb.yaml":
        hostile.write_text(alias_bomb())
        reason = "it uses a YAML anchor ('&a0', near line 1)"
    else:
        with hostile.open("wb") as stream:  # 50 MB, sparse: nearly nothing on disk
            stream.truncate(50_000_000)
        reason = "it is 50 MB, more than the 1 MB the editor reads"
    page.get_by_label("Open a YAML or JSON file").set_input_files(hostile)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(f"“{name}” is not a canvas the editor can open: {reason}", timeout=2000)
    expect(alert).to_contain_text("Your canvas has not changed")
    expect(page.get_by_label("Company or idea")).to_have_value("Kept")
    page.get_by_label("Company or idea").fill("Kept and still typing")  # the tab did not hang
    page.reload()
    assert items_of(page, "Channels") == ["Still here"]
    expect(page.get_by_label("Company or idea")).to_have_value("Kept and still typing")


def test_use_as_template_opens_a_copy_of_a_gallery_canvas(page: Page, fixture_url):
    page.goto(f"{fixture_url}/canvas/xiaomi/")
    channels = page.locator('[data-block="channels"] li').all_inner_texts()
    page.get_by_role("link", name="Use as template").click()
    expect(page.get_by_label("Company or idea")).to_have_value("Xiaomi")
    expect(page.get_by_label("Industry")).to_have_value("consumer-electronics")
    assert items_of(page, "Channels") == channels
    assert "from=" not in page.url  # a reload keeps the copy and does not ask again


def test_a_template_never_replaces_work_without_asking(page: Page, fixture_url):
    open_editor(page, fixture_url)
    add_item(page, "Channels", "My own channel")
    open_editor(page, fixture_url, "?from=acme-robotics")
    page.get_by_role("button", name="Keep my canvas").click()
    assert items_of(page, "Channels") == ["My own channel"]
    open_editor(page, fixture_url, "?from=acme-robotics")
    page.get_by_role("button", name="Replace my canvas").click()
    assert items_of(page, "Channels") == ["Own web shop", "Electronics retailers"]


def test_the_editor_prints_its_canvas_on_one_page(page: Page, fixture_url):
    open_editor(page, fixture_url, "?from=xiaomi")
    expect(page.get_by_label("Company or idea")).to_have_value("Xiaomi")
    page.emulate_media(media="print")
    expect(page.locator(".editor__print .print-title")).to_have_text("Xiaomi Business Model Canvas")
    expect(page.locator('.editor__print [data-print-key="channels"] li')).to_have_count(5)
    expect(page.get_by_role("button", name="Save as YAML")).to_be_hidden()
    assert pdf_page_count(page.pdf(format="A4", landscape=True, print_background=True)) == 1


@pytest.mark.parametrize("width", [1280, 390])
def test_editor_has_no_axe_violations(page: Page, fixture_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_editor(page, fixture_url, "?from=acme-robotics")
    expect(page.get_by_label("Company or idea")).to_have_value("Acme Robotics")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_editor_loads_without_console_errors_or_outside_requests(page: Page, fixture_url):
    problems, outside = [], []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: request.url.startswith(fixture_url) or outside.append(request.url))
    open_editor(page, fixture_url, "?from=xiaomi")
    expect(page.get_by_label("Company or idea")).to_have_value("Xiaomi")
    assert problems == [] and outside == []


def test_editor_page_looks_like_its_reference(page: Page, fixture_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_editor(page, fixture_url, "?from=acme-robotics")
    expect(page.get_by_label("Company or idea")).to_have_value("Acme Robotics")
    page.locator("body").click(position={"x": 1, "y": 1})  # no focus ring in the picture
    assert_matches_reference(page.screenshot(full_page=True, animations="disabled"), "editor-desktop")
