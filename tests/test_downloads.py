"""Downloads: every canvas page links its JSON and YAML; the JSON is the seed's data (with its address,
licence and attribution), the YAML the seed."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml
from playwright.sync_api import Page, expect

from sitebuild import FIXTURES

ADDED = ("url", "license", "attribution")  # after the seed's fields: the file says what it is once downloaded
SEEDS = {"xiaomi": FIXTURES / "seeds" / "xiaomi.yaml", "borealis-bikes": FIXTURES / "find" / "borealis-bikes.yaml"}


def as_json_data(value):
    """What JSON can hold of a YAML value: dates become YYYY-MM-DD."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def download_links(page: Page, slug: str, find_url: str) -> dict[str, str]:
    page.goto(f"{find_url}/canvas/{slug}/")
    links = page.locator(".downloads a")
    expect(links).to_have_text(["JSON", "YAML"])
    return {links.nth(i).inner_text(): links.nth(i).get_attribute("href") for i in range(links.count())}


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_json_download_is_the_seed_data_in_seed_order_then_address_licence_and_attribution(page: Page, find_url, slug):
    response = page.request.get(find_url + download_links(page, slug, find_url)["JSON"])
    assert response.ok
    seed = yaml.safe_load(SEEDS[slug].read_text(encoding="utf-8"))
    data = json.loads(response.body())
    assert {key: value for key, value in data.items() if key not in ADDED} == as_json_data(seed)
    assert list(data) == list(seed) + list(ADDED)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_yaml_download_is_the_seed_file(page: Page, find_url, slug):
    response = page.request.get(find_url + download_links(page, slug, find_url)["YAML"])
    assert response.ok
    assert response.body() == SEEDS[slug].read_bytes()


def test_canvas_index_lists_every_canvas_with_its_industry(find_site):
    index = json.loads((find_site / "canvas" / "index.json").read_text(encoding="utf-8"))
    entries = {entry["slug"]: entry for entry in index["canvases"]}
    assert sorted(entries) == ["acme-robotics", "borealis-bikes", "hostile-example", "xiaomi"]
    assert entries["borealis-bikes"]["industry"] == "automotive"
    assert (find_site / entries["xiaomi"]["json"]).is_file()
    assert [block["label"] for block in index["blocks"]][:2] == ["Key Partners", "Key Activities"]
