"""A real build of the real seeds: every canvas page carries its nine blocks, escaped; bad seeds fail safely."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import FIXTURES, SEEDS, build, parsed

from canvas_gallery.blocks import BLOCKS
from canvas_gallery.load.seeds import load_gallery
from canvas_gallery.settings import DEFAULTS


def soup(path: Path) -> BeautifulSoup:
    return parsed(path)


def test_every_canvas_page_has_the_nine_blocks_with_the_seed_items(gallery_site):
    gallery = load_gallery(SEEDS)
    assert gallery.canvases, "the gallery has no canvases"
    for canvas in gallery.canvases:
        page = soup(gallery_site / "canvas" / canvas.slug / "index.html")
        assert page.h1.get_text(strip=True) == f"{canvas.title_name} Business Model Canvas"  # "Coffee Shop" for a type
        for spec in BLOCKS:
            [block] = page.select(f'[data-block="{spec.slug}"]')
            assert block.find(["h2", "h3"]).get_text(strip=True) == spec.label
            items = [li.get_text() for li in block.select("ul > li")]
            assert items == list(canvas.items[spec.key]), f"{canvas.slug}: {spec.key}"


def test_a_failures_page_says_when_its_model_stopped_working_and_drafts_stay_out(gallery_site):
    gallery = load_gallery(SEEDS, include_drafts=True)
    failed = [canvas for canvas in gallery.canvases if canvas.ended and not canvas.draft]
    assert failed, "the gallery has instructive failures"
    for canvas in failed:
        facts = soup(gallery_site / "canvas" / canvas.slug / "index.html").select_one(".facts__ended").get_text(" ")
        assert " ".join(facts.split()) == f"Model stopped working {canvas.ended}"
    for canvas in (canvas for canvas in gallery.canvases if canvas.draft):
        assert not (gallery_site / "canvas" / canvas.slug).exists(), canvas.slug


def test_every_industry_has_a_page_listing_its_canvases(gallery_site):
    gallery = load_gallery(SEEDS)
    for industry in gallery.industries:
        page = soup(gallery_site / "industry" / industry.slug / "index.html")
        names = {a.get_text(strip=True) for a in page.select(".card__title a")}
        assert names == {c.name for c in gallery.canvases if c.industry == industry}


def test_gallery_shows_the_first_canvases_of_each_industry_and_links_the_rest(gallery_site):
    """Every canvas is one click from the gallery or two (through its industry's page, tested above)."""
    gallery, page = load_gallery(SEEDS), soup(gallery_site / "index.html")
    limit = DEFAULTS["CANVAS_GALLERY_CARDS"]
    assert any(sum(c.industry == industry for c in gallery.canvases) > limit for industry in gallery.industries)
    for industry in gallery.industries:
        canvases = [c for c in gallery.canvases if c.industry == industry]
        group = page.select_one(f'.gallery-group[data-industry="{industry.slug}"]')
        assert [a.get_text(strip=True) for a in group.select(".card__title a")] == [c.name for c in canvases[:limit]]
        more = group.select_one(".gallery-group__more a")
        if len(canvases) > limit:
            assert more.get_text(strip=True) == f"All {len(canvases)} canvases in {industry.name}"
            assert more["href"].endswith(f"/industry/{industry.slug}/")
        else:
            assert more is None


def test_hand_written_pages_and_404_exist(gallery_site):
    for path in ("about/index.html", "contributing/index.html", "404.html"):
        assert (gallery_site / path).is_file(), path
    assert "Page not found" in soup(gallery_site / "404.html").h1.get_text()


def test_seed_text_that_looks_like_html_is_shown_as_text(fixture_site):
    page = soup(fixture_site / "canvas" / "hostile-example" / "index.html")
    partners = [li.get_text() for li in page.select('[data-block="key-partners"] li')]
    assert partners == ["<script>alert('xss')</script>", '" onmouseover="alert(1)']
    assert page.h1.get_text() == 'Hostile <b>Example</b> "Quotes" & Co Business Model Canvas'
    # The only script elements a canvas page may have are the site's own.
    assert all(script.get("src") or script.get("type") == "application/ld+json" for script in page.find_all("script"))
    assert not page.select("img[onerror], [onmouseover], style:not(head style)")
    analysis = page.select_one('[data-analysis="value_propositions"]')
    assert "<script>alert('analysis')</script>" in analysis.get_text()
    assert all(not a.get("href", "").startswith("javascript:") for a in page.find_all("a"))


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_broken_seed_fails_the_build_and_keeps_the_last_good_site(tmp_path, seeds_copy):
    output = tmp_path / "output"
    build(output, seeds=seeds_copy)
    before = tree_hashes(output)
    broken = seeds_copy / "xiaomi.yaml"
    broken.write_text(broken.read_text().replace("  channels:\n", "  channels:\n    web: shop\n  unused:\n", 1))
    (seeds_copy / "acme-robotics.yaml").write_text("name: [unclosed\n")
    result = build(output, seeds=seeds_copy, check=False)
    assert result.returncode != 0
    assert "seeds/xiaomi.yaml" in result.stderr and "seeds/acme-robotics.yaml:2: invalid YAML" in result.stderr
    assert tree_hashes(output) == before
    assert not list(tmp_path.glob(".build-*")), "the staging folder was left behind"


def test_a_template_error_mid_build_keeps_the_last_good_site(tmp_path, seeds_copy):
    output = tmp_path / "output"
    build(output, seeds=seeds_copy)
    before = tree_hashes(output)
    # A seed that validates but names a related canvas Pelican cannot find would not pass validation,
    # so break the build inside Pelican instead: an unreadable content page.
    result = build(output, seeds=FIXTURES / "does-not-exist", check=False)
    assert result.returncode != 0
    assert tree_hashes(output) == before
