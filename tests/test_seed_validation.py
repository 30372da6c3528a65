"""The loader names the file, the line, the field and the fix for each kind of bad seed, all at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_gallery.load.seeds import SeedErrors, load_gallery
from sitebuild import MINIMAL_SEED

GOOD = MINIMAL_SEED


def problems_for(seeds: Path, text: str | bytes, name: str = "example.yaml") -> list[str]:
    target = seeds / name
    target.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds)
    return [str(problem) for problem in caught.value.problems]


def test_good_seed_loads(seeds_copy):
    (seeds_copy / "example.yaml").write_text(GOOD)
    gallery = load_gallery(seeds_copy)
    assert "example" in gallery.by_slug()


def test_block_given_as_mapping_names_file_line_field_and_fix(seeds_copy):
    text = GOOD.replace("  channels: [Example channel]\n", "  channels:\n    web: shop\n")
    [problem] = problems_for(seeds_copy, text)
    assert problem.startswith("seeds/example.yaml:10: blocks.channels: expected a list of strings, got a mapping")
    assert "one '- item' per line" in problem


def test_unknown_key_suggests_the_right_one(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD + "sumary: typo\n")
    assert problem.startswith("seeds/example.yaml:14: sumary: unknown key 'sumary' (did you mean 'summary'?)")


def test_a_merge_key_is_named_with_its_line_not_a_traceback(seeds_copy):
    text = GOOD + "sources:\n  - title: A\n    url: https://example.com/\n  - <<: {url: https://example.com/}\n    title: B\n"
    [problem] = problems_for(seeds_copy, text)
    assert problem.startswith("seeds/example.yaml:17:") and "merge keys" in problem and "write the fields out" in problem


def test_an_anchor_is_refused_at_its_line_before_any_alias_is_followed(seeds_copy):
    text = GOOD + "sources:\n  - &first\n    title: A\n    url: https://example.com/\n  - <<: *first\n    title: B\n"
    [problem] = problems_for(seeds_copy, text)
    assert problem.startswith("seeds/example.yaml:15: anchors ('&first') are not allowed")
    assert "write each value out in full" in problem


def test_the_json_download_keeps_the_seed_s_keys_in_order_and_dates_as_text(seeds_copy):
    (seeds_copy / "example.yaml").write_text(GOOD + "updated: 2026-11-24\nfounded: 1998\n")
    canvas = load_gallery(seeds_copy).by_slug()["example"]
    assert list(json.loads(canvas.seed_json)) == ["name", "industry", "summary", "blocks", "updated", "founded"]
    assert json.loads(canvas.seed_json)["updated"] == "2026-11-24"


def test_missing_block_is_named(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD.replace("  channels: [Example channel]\n", ""))
    assert "missing block 'channels'" in problem and problem.startswith("seeds/example.yaml:4: blocks:")


def test_empty_item_points_at_its_line(seeds_copy):
    text = GOOD.replace("  channels: [Example channel]\n", "  channels:\n    - Web\n    -\n")
    [problem] = problems_for(seeds_copy, text)
    assert problem.startswith("seeds/example.yaml:12: blocks.channels[1]: item 2 is empty")


def test_duplicate_slug_across_suffixes(seeds_copy):
    (seeds_copy / "example.yaml").write_text(GOOD)
    [problem] = problems_for(seeds_copy, GOOD, name="example.yml")
    assert problem.startswith("seeds/example.yml:1: duplicate slug 'example'")


def test_related_slug_that_does_not_exist(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD + "related: [xiaomi, nokia]\n")
    assert problem.startswith("seeds/example.yaml:14: related[1]: no canvas has the slug 'nokia'")


def test_invalid_yaml_gives_its_line(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD.replace("summary: Sells examples.", "summary: [unclosed"))
    assert problem.startswith("seeds/example.yaml:4: invalid YAML")


def test_non_utf8_bytes_give_their_line(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD.encode().replace(b"Sells examples.", b"Sells \xe9xamples."))
    assert problem == "seeds/example.yaml:3: byte 0xe9 is not UTF-8; save the file as UTF-8"


def test_duplicate_key_in_one_file(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD + "name: Again\n")
    assert problem.startswith("seeds/example.yaml:14: duplicate key 'name'")


def test_unknown_industry_lists_the_known_ones(seeds_copy):
    [problem] = problems_for(seeds_copy, GOOD.replace("industry: consumer-goods", "industry: gadgets"))
    assert "unknown industry 'gadgets'" in problem and "consumer-electronics" in problem


def test_every_problem_in_every_file_is_reported_at_once(seeds_copy):
    (seeds_copy / "first.yaml").write_text(GOOD.replace("name: Example Co\n", ""))
    problems = problems_for(seeds_copy, GOOD + "colour: red\n", name="second.yaml")
    assert len(problems) == 2
    assert problems[0].startswith("seeds/first.yaml") and problems[1].startswith("seeds/second.yaml")


def test_figure_row_with_wrong_cell_count(seeds_copy):
    figures = ("figures:\n  - block: revenue_streams\n    caption: Split\n    year: 2024\n    source: Report\n"
               "    columns: [Segment, Share (%)]\n    rows:\n      - [A, 50]\n      - [B, 50, extra]\n")
    [problem] = problems_for(seeds_copy, GOOD + figures)
    assert problem.startswith("seeds/example.yaml:22: figures[0].rows[1]: row 2 should be a list of 2 cells")


@pytest.mark.parametrize("value, message", [
    ("'about 2010'", "ended: expected the year the business model stopped working, such as 2010, got the text 'about 2010'"),
    ("1990", "ended: 1990 is before the founding year 1998; check both years"),
])
def test_the_year_a_model_ended_is_a_year_after_its_founding(seeds_copy, value, message):
    text = GOOD + f"founded: 1998\nended: {value}\n"
    assert problems_for(seeds_copy, text) == [f"seeds/example.yaml:{len(text.splitlines())}: {message}"]
