"""Licences: both named in the footer of every page type and on the about page, both texts in the repository,
and downloads that say what they are, where they come from and under which terms (the PNG: test_exports.py)."""

from __future__ import annotations

import json

import pytest
import yaml

from sitebuild import FIXTURES, page_soup as soup, PUBLIC_SITEURL as SITEURL, ROOT


from canvas_gallery.outputs.downloads import canvas_document, canvas_json, download_json
from canvas_gallery.load.seeds import load_gallery, seed_files

CONTENT_LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"
CANVAS_LICENSE = "https://creativecommons.org/licenses/by-sa/3.0/"
PAGE_TYPES = {
    "gallery": "index.html",
    "canvas": "canvas/xiaomi/index.html",
    "industry": "industry/consumer-electronics/index.html",
    "search": "search/index.html",
    "compare": "compare/index.html",
    "editor": "editor/index.html",
    "hand-written page": "about/index.html",
    "404": "404.html",
    "data": "data/index.html",
}


def words(element) -> str:
    return " ".join(element.get_text().split())


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_names_both_licences_and_the_canvas_attribution_in_its_footer(public_site, kind):
    footer = soup(public_site, PAGE_TYPES[kind]).find("footer")
    text = words(footer)
    assert "The canvases and the text written from them are licensed under CC BY-SA 4.0" in text
    assert "the site's code under the MIT licence" in text
    assert "Business Model Canvas by Strategyzer, strategyzer.com, licensed under CC BY-SA 3.0." in text
    licences = {link["href"] for link in footer.find_all("a", rel="license")}
    assert licences == {CONTENT_LICENSE, CANVAS_LICENSE}


def test_about_page_says_what_each_licence_covers(public_site):
    about = soup(public_site, "about/index.html").find("article")
    assert about.find(id="licences")
    text = words(about)
    for words_ in ("CC BY-SA 4.0", "MIT licence", "CC BY-SA 3.0", "LICENSE-content.txt"):
        assert words_ in text
    assert {CONTENT_LICENSE, CANVAS_LICENSE} <= {link["href"] for link in about.find_all("a")}


def test_repository_holds_both_licence_texts():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    content = (ROOT / "LICENSE-content.txt").read_text()
    assert "Creative Commons Attribution-ShareAlike 4.0 International" in content
    assert "Section 3 – License Conditions." in content  # the legal code itself, not only its name


def test_canvas_json_gains_url_license_and_attribution_after_the_seed_fields(public_site, public_seeds):
    data = json.loads((public_site / "canvas" / "xiaomi" / "canvas.json").read_text(encoding="utf-8"))
    seed = yaml.safe_load((public_seeds / "xiaomi.yaml").read_text(encoding="utf-8"))
    assert list(data) == list(seed) + ["url", "license", "attribution"]
    assert data["url"] == f"{SITEURL}/canvas/xiaomi/"
    assert data["license"] == CONTENT_LICENSE
    assert data["attribution"] == (f"Xiaomi Business Model Canvas, Canvas Gallery, {SITEURL}/canvas/xiaomi/, "
                                   "licensed under CC BY-SA 4.0. Business Model Canvas by Strategyzer, "
                                   "strategyzer.com, licensed under CC BY-SA 3.0.")


def test_json_download_is_the_seed_json_with_its_provenance_appended_as_json_would_write_it():
    for canvas in load_gallery(FIXTURES / "seeds").canvases:
        url = f"{SITEURL}/canvas/{canvas.slug}/"
        assert download_json(canvas, url, "Canvas Gallery") == canvas_json(canvas_document(canvas, url, "Canvas Gallery"))


@pytest.mark.parametrize("slug", ["xiaomi", "hostile-example"])
def test_canvas_page_shows_the_attribution_its_json_gives(public_site, slug):
    data = json.loads((public_site / "canvas" / slug / "canvas.json").read_text(encoding="utf-8"))
    credit = soup(public_site, f"canvas/{slug}/index.html").select_one(".canvas-export .canvas-credit")
    assert words(credit) == data["attribution"]


def test_yaml_download_stays_the_seed_byte_for_byte(public_site, public_seeds):
    for seed in seed_files(public_seeds):
        assert (public_site / "canvas" / seed.stem / seed.name).read_bytes() == seed.read_bytes()
