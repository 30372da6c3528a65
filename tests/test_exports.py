"""PDF and PNG downloads: rendered in Chromium by `invoke build --exports` (and `invoke publish`), cached
by content hash, linked from the canvas page only when they exist."""

from __future__ import annotations

import hashlib
import io
import shutil
import urllib.request

import pytest
from PIL import Image
from playwright.sync_api import Page
from pypdf import PdfReader

from sitebuild import FIXTURES, SiteServer, build

from canvas_gallery.after_pelican.exports_render import png_chunks

SLUGS = ("acme-robotics", "hostile-example", "xiaomi")


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


def test_publish_renders_exports_with_the_public_address(tmp_path):
    output = tmp_path / "public"
    build(output, seeds=FIXTURES / "seeds", siteurl="https://example.github.io/repo", task="publish",
          extra=("--export-cache", str(tmp_path / "cache")))
    reader = PdfReader(output / "canvas" / "xiaomi" / "xiaomi.pdf")
    assert "https://example.github.io/repo/canvas/xiaomi/" in reader.pages[0].extract_text()
    html = (output / "canvas" / "xiaomi" / "index.html").read_text()
    assert 'href="https://example.github.io/repo/canvas/xiaomi/xiaomi.pdf"' in html


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
