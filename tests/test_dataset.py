"""The whole gallery as one dataset: /data/canvases.json and /data/canvas-items.csv, linked from the gallery and
the about page, reproducible, described by a Dataset JSON-LD on the /data/ page."""

from __future__ import annotations

import csv
import io
import json
import re

import yaml
from bs4 import BeautifulSoup

from sitebuild import build, page_soup as soup, PUBLIC_SITEURL as SITEURL, SEEDS


from canvas_gallery.blocks import BLOCK_KEYS
from canvas_gallery.outputs.dataset import items_csv
from canvas_gallery.model import Canvas, Industry
from canvas_gallery.load.seeds import load_gallery, seed_files

CONTENT_LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"


def json_ld(page: BeautifulSoup, kind: str) -> list[dict]:
    blocks = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    return [block for block in blocks if block["@type"] == kind]


def test_gallery_about_page_and_every_footer_link_the_dataset(public_site):
    assert soup(public_site, "index.html").find("main").find("a", href=f"{SITEURL}/data/")
    about = {link["href"] for link in soup(public_site, "about/index.html").find("article").find_all("a")}
    assert {"../data/", "../data/canvases.json", "../data/canvas-items.csv"} <= about
    footer = soup(public_site, "search/index.html").find("footer")
    assert footer.find("a", string="open data")["href"] == f"{SITEURL}/data/"


def test_dataset_json_holds_every_canvas_with_the_fields_of_its_canvas_json(public_site, public_seeds):
    dataset = json.loads((public_site / "data" / "canvases.json").read_text(encoding="utf-8"))
    slugs = sorted(seed.stem for seed in seed_files(public_seeds))
    assert [canvas["slug"] for canvas in dataset["canvases"]] == slugs
    for canvas in dataset["canvases"]:
        own = json.loads((public_site / "canvas" / canvas["slug"] / "canvas.json").read_text(encoding="utf-8"))
        assert canvas == {"slug": canvas["slug"], **own}
    assert {industry["slug"] for industry in dataset["industries"]} == {"automotive", "consumer-electronics",
                                                                        "consumer-goods"}
    assert [block["key"] for block in dataset["blocks"]] == list(BLOCK_KEYS)
    listed = yaml.safe_load((public_seeds / "patterns.yaml").read_text(encoding="utf-8"))
    assert [pattern["slug"] for pattern in dataset["patterns"]] == [pattern["slug"] for pattern in listed]
    assert dataset["license"] == CONTENT_LICENSE and dataset["url"] == f"{SITEURL}/data/"


def test_dataset_csv_has_every_item_of_every_canvas_in_block_order(public_site, public_seeds):
    text = (public_site / "data" / "canvas-items.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected = [{"canvas": canvas.slug, "block": key, "position": str(position), "item": item}
                for canvas in load_gallery(public_seeds).canvases for key in BLOCK_KEYS
                for position, item in enumerate(canvas.items[key], start=1)]
    assert rows == expected
    assert any("</script>" in row["item"] for row in rows)  # the hostile canvas's text, kept as written


def test_dataset_of_the_real_gallery_holds_every_canvas_and_item_of_seeds(gallery_site):
    canvases = load_gallery(SEEDS).canvases
    dataset = json.loads((gallery_site / "data" / "canvases.json").read_text(encoding="utf-8"))
    assert [entry["slug"] for entry in dataset["canvases"]] == [canvas.slug for canvas in canvases]
    for entry, canvas in zip(dataset["canvases"], canvases):
        assert {key: tuple(items) for key, items in entry["blocks"].items()} == canvas.items
    rows = list(csv.reader(io.StringIO((gallery_site / "data" / "canvas-items.csv").read_text(encoding="utf-8"),
                                       newline="")))
    assert len(rows) - 1 == sum(len(items) for canvas in canvases for items in canvas.items.values())
    types = sum(canvas.is_business_type for canvas in canvases)
    assert f"{len(canvases) - types} companies and {types} business types in" in dataset["description"]


def test_an_item_a_spreadsheet_would_run_gets_an_apostrophe_in_the_csv_only():
    industry = Industry("tools", "Tools", "")
    items = {key: ("Plain item",) for key in BLOCK_KEYS}
    items["revenue_streams"] = ("=HYPERLINK(\"https://example.com\")", "+1 per seat", "Fees")
    canvas = Canvas("acme", "Acme", industry, "", items, "seeds/acme.yaml")
    rows = list(csv.reader(io.StringIO(items_csv([canvas]), newline="")))
    assert [row[3] for row in rows if row[1] == "revenue_streams"] == [
        "'=HYPERLINK(\"https://example.com\")", "'+1 per seat", "Fees"]


def test_dataset_files_and_page_are_byte_identical_across_two_builds(public_site, public_seeds, tmp_path):
    again = tmp_path / "again"
    build(again, seeds=public_seeds, siteurl=SITEURL)
    for name in ("canvases.json", "canvas-items.csv", "index.html"):
        assert (again / "data" / name).read_bytes() == (public_site / "data" / name).read_bytes(), name


def test_data_page_describes_the_dataset_in_json_ld(public_site):
    page = soup(public_site, "data/index.html")
    [description] = json_ld(page, "Dataset")
    for field in ("name", "description", "license", "creator", "dateModified", "distribution"):
        assert description.get(field), field
    assert description["license"] == CONTENT_LICENSE
    assert description["url"] == f"{SITEURL}/data/"
    assert description["creator"]["name"] == "Canvas Gallery"
    assert description["isBasedOn"]["creator"]["name"] == "Strategyzer"
    assert description["isBasedOn"]["license"] == "https://creativecommons.org/licenses/by-sa/3.0/"
    assert 50 <= len(description["description"]) <= 5000  # what dataset search engines accept
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", description["dateModified"])
    assert {(entry["contentUrl"], entry["encodingFormat"]) for entry in description["distribution"]} == {
        (f"{SITEURL}/data/canvases.json", "application/json"), (f"{SITEURL}/data/canvas-items.csv", "text/csv")}
    for entry in description["distribution"]:
        assert (public_site / entry["contentUrl"][len(SITEURL) + 1:]).is_file()
        assert page.find("a", href=entry["contentUrl"])
