"""Related canvases: the editor's picks first, then the closest canvases by content, each with a reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sitebuild import parsed

from canvas_gallery.blocks import BLOCK_KEYS
from canvas_gallery.model import Canvas, Industry
from canvas_gallery.relate.related import relate_all
from canvas_gallery.settings import DEFAULTS

PHONES = Industry("consumer-electronics", "Consumer Electronics", "")
AIRLINES = Industry("travel-hospitality", "Travel & Hospitality", "")


def make_canvas(slug, industry=PHONES, related=(), **blocks) -> Canvas:
    """A canvas with one neutral, unique item per block unless the test gives the block's items."""
    plain = slug.replace("-", "")
    items = {key: tuple(blocks.get(key, (f"Thing{plain}x{index}",))) for index, key in enumerate(BLOCK_KEYS)}
    return Canvas(slug=slug, name=slug.replace("-", " ").title(), industry=industry, summary="", items=items,
                  path=f"seeds/{slug}.yaml", related=tuple(related))


def slugs(links):
    return [link.slug for link in links]


def test_editor_picks_come_first_in_the_editors_order():
    canvases = [make_canvas("alpha", related=["zulu", "mike"]), make_canvas("bravo"), make_canvas("mike"),
                make_canvas("zulu")]
    assert slugs(relate_all(canvases, 3)["alpha"])[:2] == ["zulu", "mike"]


def test_the_number_of_links_is_the_setting_and_defaults_to_six():
    assert DEFAULTS["CANVAS_RELATED_COUNT"] == 6
    canvases = [make_canvas(f"maker-{n:02d}") for n in range(12)]
    assert all(len(links) == 6 for links in relate_all(canvases, DEFAULTS["CANVAS_RELATED_COUNT"]).values())
    assert all(len(links) == 2 for links in relate_all(canvases, 2).values())


def test_shared_content_outranks_a_bare_industry_match():
    carrier = ("Carrier stores and carrier financing plans",)
    canvases = [make_canvas("alpha", channels=carrier, customer_segments=["Premium smartphone buyers"]),
                make_canvas("bravo"),
                make_canvas("zulu", industry=AIRLINES, channels=["Carrier partnerships with financing plans"],
                            customer_segments=["Smartphone buyers on a budget"])]
    assert slugs(relate_all(canvases, 2)["alpha"]) == ["zulu", "bravo"]


def test_a_shared_item_becomes_a_reason_that_names_it():
    canvases = [make_canvas("alpha", channels=["Carrier stores and carrier financing plans"]),
                make_canvas("bravo", industry=AIRLINES, channels=["Carrier partnerships"])]
    [link] = relate_all(canvases, 1)["alpha"]
    assert link.reason == "also sells through carrier partnerships"


def test_same_industry_is_a_reason():
    canvases = [make_canvas("alpha"), make_canvas("bravo")]
    assert relate_all(canvases, 1)["alpha"][0].reason == "same industry: consumer electronics"


def test_price_words_are_no_reason_to_link():
    """'Luxury' or 'affordable' in an item says too little of where a company stands on price to claim it."""
    canvases = [make_canvas("alpha", value_propositions=["Luxury handsets for collectors"]),
                make_canvas("bravo", value_propositions=["Affordable phones for first-time owners"])]
    links = relate_all(canvases, 1)
    assert links["alpha"][0].reason == links["bravo"][0].reason == "same industry: consumer electronics"


def test_every_link_has_a_short_reason_and_reasons_differ_on_a_page():
    canvases = [make_canvas("alpha", channels=["Carrier stores"], key_partners=["Chip foundries"],
                            revenue_streams=["Subscription bundles"]),
                make_canvas("bravo", channels=["Carrier financing"]),
                make_canvas("charlie", key_partners=["Foundries in Taiwan"]),
                make_canvas("delta", revenue_streams=["Music subscription"])]
    reasons = [link.reason for link in relate_all(canvases, 3)["alpha"]]
    assert all(reason and len(reason) <= 60 for reason in reasons)
    assert len(set(reasons)) == 3, reasons


def test_a_pick_by_the_other_canvas_editor_counts_both_ways():
    canvases = [make_canvas("alpha"), *(make_canvas(f"bravo-{n}") for n in range(6)),
                make_canvas("zulu", industry=AIRLINES, related=["alpha"])]
    assert "zulu" in slugs(relate_all(canvases, 3)["alpha"])


def test_the_result_does_not_depend_on_input_order_and_ties_go_by_slug():
    canvases = [make_canvas(f"maker-{n:02d}") for n in range(10)]
    shuffled = canvases[:]
    random.Random(4).shuffle(shuffled)
    assert relate_all(canvases, 6) == relate_all(shuffled, 6)
    # Nothing in common but the industry: every score ties, so slug order decides.
    assert slugs(relate_all(canvases, 3)["maker-05"]) == ["maker-00", "maker-01", "maker-02"]


@pytest.fixture(scope="module")
def canvas_pages(gallery_site):
    return sorted((gallery_site / "canvas").glob("*/index.html"))


def resolve(site: Path, href: str) -> Path:
    path = site / href.split("#")[0].lstrip("/")
    return path / "index.html" if href.endswith("/") else path


def test_every_related_link_in_the_gallery_resolves(gallery_site, canvas_pages):
    for page in canvas_pages:
        nav = parsed(page).select_one('nav[aria-label="Related canvases"]')
        cards = nav.select(".card")
        assert len(cards) == DEFAULTS["CANVAS_RELATED_COUNT"], page
        for card in cards:
            assert resolve(gallery_site, card.select_one(".card__title a")["href"]).is_file(), page
            assert card.select_one(".card__reason").get_text(strip=True), page
