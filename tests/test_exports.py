"""PDF and PNG downloads: rendered in Chromium by `invoke build --exports` (and `invoke publish`), cached
by content hash, linked from the canvas page only when they exist."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import urllib.request

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page
from pypdf import PdfReader

from sitebuild import FIXTURES, SiteServer, build

from canvas_gallery.after_pelican.exports_render import (CHROMIUM, CHROMIUM_FLAGS, EXPORT_SELECTOR, EXPORTING,
                                                     PNG_VIEWPORT, PNG_WIDTH, SETTLED, png_chunks)
from screenshots import CHANNEL_TOLERANCE, DIFFS, MAX_CHANGED_SHARE

SLUGS = ("acme-robotics", "hostile-example", "xiaomi")
SLACK = 3  # pixels an element may sit off its computed place in the PNG (CSS pixels rounded at 2x)


def export_build(output, cache, seeds=FIXTURES / "seeds", **options):
    return build(output, seeds=seeds, extra=("--exports", "--export-cache", str(cache)), **options)


def exported_files(site):
    """Each export's SHA-256, so that a failure names the files that differ without printing their bytes."""
    return {f"{slug}.{ext}": hashlib.sha256((site / "canvas" / slug / f"{slug}.{ext}").read_bytes()).hexdigest()
            for slug in SLUGS for ext in ("pdf", "png")}


@pytest.fixture(scope="module")
def export_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("export-cache")


@pytest.fixture(scope="module")
def exported_site(tmp_path_factory, export_cache):
    output = tmp_path_factory.mktemp("exported") / "output"
    export_build(output, export_cache)
    return output


@pytest.fixture(scope="module")
def exported_url(exported_site):
    with SiteServer(exported_site) as server:
        yield server.url


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return response.read()


def test_pdf_of_a_canvas_opens_and_has_one_landscape_page(exported_url):
    reader = PdfReader(io.BytesIO(fetch(f"{exported_url}/canvas/xiaomi/xiaomi.pdf")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height
    text = reader.pages[0].extract_text()
    assert "Xiaomi Business Model Canvas" in text and "Key Partners" in text and "/canvas/xiaomi/" in text


def test_png_of_a_canvas_grid_is_2400_pixels_wide(exported_url):
    image = Image.open(io.BytesIO(fetch(f"{exported_url}/canvas/xiaomi/xiaomi.png")))
    assert image.format == "PNG"
    assert image.width == 2400
    assert 1000 < image.height < 2400  # the landscape grid, not the whole page


def changed_share(actual: Image.Image, expected: Image.Image) -> tuple[float, Image.Image]:
    """The share of pixels whose channels differ by more than the screenshots' tolerance, and the mask of them."""
    difference = ImageChops.difference(actual, expected).convert("L").point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    return difference.histogram()[255] / (actual.width * actual.height), difference


def assert_found_in(png: Image.Image, shown: Image.Image, left: int, top: int, name: str) -> None:
    """``shown`` appears in ``png`` at (left, top), give or take SLACK pixels of rounding, within the screenshots'
    tolerance (0.1 % of pixels may change); on failure the crop, the element and a diff go to tests/screenshots/diff/."""
    tries = []
    for dy in range(-SLACK, SLACK + 1):
        for dx in range(-SLACK, SLACK + 1):
            crop = png.crop((left + dx, top + dy, left + dx + shown.width, top + dy + shown.height))
            tries.append((*changed_share(crop, shown), crop))
    share, difference, crop = min(tries, key=lambda entry: entry[0])
    if share > MAX_CHANGED_SHARE:
        DIFFS.mkdir(parents=True, exist_ok=True)
        crop.save(DIFFS / f"{name}.actual.png")
        shown.save(DIFFS / f"{name}.expected.png")
        Image.composite(Image.new("RGB", crop.size, (255, 0, 0)), crop, difference).save(DIFFS / f"{name}.diff.png")
        raise AssertionError(f"{name}: {share:.3%} of pixels differ from the page's own rendering; see {DIFFS}")


def test_png_shows_the_name_above_the_grid_and_the_attribution_below(exported_site, exported_url, browser_type):
    """Renders the exported page as the export step does, reads the name and the credit line it shows, and
    finds both, pixel for pixel within tolerance, at their place in the PNG that was written."""
    png = Image.open(exported_site / "canvas" / "xiaomi" / "xiaomi.png").convert("RGB")
    scale = PNG_WIDTH / 1200
    browser = browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    try:
        page = browser.new_context(viewport=PNG_VIEWPORT, device_scale_factor=scale).new_page()
        page.goto(f"{exported_url}/canvas/xiaomi/")
        page.evaluate(EXPORTING)
        page.evaluate(SETTLED)
        title, credit = page.locator(".canvas-export__title"), page.locator(".canvas-export .canvas-credit")
        assert title.inner_text() == "Xiaomi Business Model Canvas"
        assert " ".join(credit.inner_text().split()) == json.loads(
            (exported_site / "canvas" / "xiaomi" / "canvas.json").read_text(encoding="utf-8"))["attribution"]
        assert "/canvas/xiaomi/" in credit.inner_text() and "Strategyzer" in credit.inner_text()
        frame = page.locator(EXPORT_SELECTOR).bounding_box()
        for name, element in (("png-title", title), ("png-credit", credit)):
            box = element.bounding_box()
            left, top = round((box["x"] - frame["x"]) * scale), round((box["y"] - frame["y"]) * scale)
            shown = Image.open(io.BytesIO(element.screenshot(animations="disabled", caret="hide"))).convert("RGB")
            assert shown.getextrema()[0][0] < 100  # dark text, not an empty box
            assert_found_in(png, shown, left, top, name)
    finally:
        browser.close()


def test_png_carries_no_timestamp_or_text(exported_site):
    png = (exported_site / "canvas" / "xiaomi" / "xiaomi.png").read_bytes()
    assert not {"tIME", "tEXt", "iTXt", "zTXt"} & set(png_chunks(png))


def test_canvas_page_links_pdf_and_png_after_json_and_yaml(page: Page, exported_url):
    page.goto(f"{exported_url}/canvas/xiaomi/")
    links = page.locator(".downloads a")
    assert links.all_inner_texts() == ["JSON", "YAML", "PDF", "PNG"]
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF", exact=True).click()
    assert download.value.suggested_filename == "xiaomi.pdf"
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"


def test_build_without_exports_neither_renders_nor_links_them(fixture_site):
    html = (fixture_site / "canvas" / "xiaomi" / "index.html").read_text()
    assert "xiaomi.pdf" not in html and "xiaomi.png" not in html
    assert not (fixture_site / "canvas" / "xiaomi" / "xiaomi.pdf").exists()


def test_unchanged_canvases_are_taken_from_the_cache(tmp_path, export_cache, exported_site):
    result = export_build(tmp_path / "again", export_cache)
    assert "Exports: 0 canvases rendered to PDF and PNG, 3 canvases from the cache" in result.stdout
    assert exported_files(tmp_path / "again") == exported_files(exported_site)


def test_a_changed_canvas_is_rendered_again(tmp_path, export_cache, exported_site, seeds_copy):
    # The headquarters appear on Xiaomi's page only, so only that page changes.
    seed = seeds_copy / "xiaomi.yaml"
    seed.write_text(seed.read_text().replace("headquarters: Beijing, China", "headquarters: Beijing"))
    result = export_build(tmp_path / "changed", export_cache, seeds=seeds_copy)
    assert "Exports: 1 canvas rendered to PDF and PNG, 2 canvases from the cache" in result.stdout


def test_fresh_renders_of_the_same_canvas_are_byte_identical(tmp_path, exported_site):
    result = export_build(tmp_path / "fresh", tmp_path / "empty-cache")
    assert "3 canvases rendered" in result.stdout
    assert exported_files(tmp_path / "fresh") == exported_files(exported_site)


def test_publish_renders_exports_with_the_public_address(published_fixture):
    url, output = published_fixture
    reader = PdfReader(output / "canvas" / "xiaomi" / "xiaomi.pdf")
    assert f"{url}/canvas/xiaomi/" in reader.pages[0].extract_text()
    html = (output / "canvas" / "xiaomi" / "index.html").read_text()
    assert f'href="{url}/canvas/xiaomi/xiaomi.pdf"' in html


def test_publish_without_exports_skips_them(tmp_path):
    output = tmp_path / "public"
    build(output, seeds=FIXTURES / "seeds", siteurl="https://example.github.io/repo", task="publish",
          extra=("--no-exports",))
    assert not (output / "canvas" / "xiaomi" / "xiaomi.pdf").exists()


def test_a_failed_export_keeps_the_previous_site(tmp_path, seeds_copy):
    output = tmp_path / "output"
    build(output, seeds=seeds_copy)
    before = (output / "index.html").read_bytes()
    # Twelve very long items in every block cannot fit one printed page: the build must stop.
    seed = seeds_copy / "acme-robotics.yaml"
    text = seed.read_text()
    for number, line in enumerate(line for line in text.splitlines() if line.startswith("  ") and ": [" in line):
        items = [f"\"Point {number}-{index} that runs on and on about one narrow detail of this business model "
                 f"and then keeps going with another clause {index} for block {number}\"" for index in range(12)]
        text = text.replace(line, line.split(":")[0] + ": [" + ", ".join(items) + "]")
    seed.write_text(text)
    result = export_build(output, tmp_path / "cache", seeds=seeds_copy, check=False)
    assert result.returncode != 0
    assert "canvas/acme-robotics: the printed canvas takes" in result.stderr
    assert (output / "index.html").read_bytes() == before
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)
