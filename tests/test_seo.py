"""SEO and sharing: titles, descriptions, canonical URLs, Open Graph, JSON-LD, social cards, sitemap,
robots.txt and the Atom feed, checked by parsing real builds published under a sub-path."""

from __future__ import annotations

import io
import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sitebuild import FIXTURES, SEEDS, SUBPATH_SITEURL, build, html_pages, parsed

from canvas_gallery.load.seeds import load_gallery

SITEURL = SUBPATH_SITEURL
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CANVAS_LINK = re.compile(r"^" + re.escape(SITEURL) + r"/canvas/([^/]+)/")


@pytest.fixture(scope="module")
def seo_site(subpath_gallery):
    """The real gallery built for a sub-path address."""
    return subpath_gallery


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The frozen fixture seeds, hostile example included, built for the same address."""
    output = tmp_path_factory.mktemp("seo-fixture") / "output"
    build(output, seeds=FIXTURES / "seeds", siteurl=SITEURL)
    return output


def file_for(site: Path, url: str) -> Path | None:
    """The built file an absolute URL of the site points to, or None when there is none."""
    if not url.startswith(SITEURL + "/"):
        return None
    path = url[len(SITEURL) + 1:].split("#")[0]
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def of_type(page: BeautifulSoup, kind: str) -> list[dict]:
    return [data for data in json_ld(page) if data.get("@type") == kind]


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def urls_in(data) -> list[str]:
    """Every string in a JSON-LD value that is a URL."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in urls_in(value)]
    if isinstance(data, list):
        return [url for value in data for url in urls_in(value)]
    return [data] if isinstance(data, str) and data.startswith(("http://", "https://")) else []


def test_titles_and_descriptions_are_unique_across_the_site(seo_site):
    titles, descriptions = {}, {}
    for path, page in html_pages(seo_site).items():
        titles.setdefault(page.title.get_text(strip=True), []).append(path)
        description = meta(page, "description")
        assert description and description.strip(), f"{path}: no meta description"
        descriptions.setdefault(description, []).append(path)
    assert [paths for paths in titles.values() if len(paths) > 1] == []
    assert [paths for paths in descriptions.values() if len(paths) > 1] == []


def test_every_indexable_page_has_an_absolute_canonical_url_to_itself(seo_site):
    for path, page in html_pages(seo_site).items():
        if path == "404.html":
            assert meta(page, "robots") == "noindex" and not page.find("link", rel="canonical")
            continue
        [canonical] = page.find_all("link", rel="canonical")
        assert file_for(seo_site, canonical["href"]) == seo_site / path
        assert meta(page, "og:url") == canonical["href"]


def test_every_page_has_open_graph_and_twitter_tags_matching_its_title(seo_site):
    for path, page in html_pages(seo_site).items():
        title = page.title.get_text(strip=True)
        assert meta(page, "og:title") == title == meta(page, "twitter:title"), path
        assert meta(page, "og:description") == meta(page, "description") == meta(page, "twitter:description")
        assert meta(page, "og:site_name") == "Canvas Gallery"
        assert meta(page, "twitter:card") in {"summary", "summary_large_image"}


def test_canvas_pages_share_their_social_card_by_absolute_url(seo_site):
    for canvas in load_gallery(SEEDS).canvases:
        page = parsed(seo_site / "canvas" / canvas.slug / "index.html")
        image = meta(page, "og:image")
        assert image == meta(page, "twitter:image") == f"{SITEURL}/canvas/{canvas.slug}/social-card.jpg"
        assert file_for(seo_site, image) is not None
        assert meta(page, "twitter:card") == "summary_large_image"
        assert meta(page, "og:type") == "article"


def test_every_other_page_shares_the_gallery_card(seo_site):
    for path, page in html_pages(seo_site).items():
        if not path.startswith("canvas/"):
            assert meta(page, "og:image") == meta(page, "twitter:image") == f"{SITEURL}/social-card.jpg", path
            assert meta(page, "og:type") == "website"


def test_social_cards_are_1200_by_630_jpegs(seo_site):
    for card_path in (seo_site / "canvas" / "xiaomi" / "social-card.jpg", seo_site / "social-card.jpg"):
        with Image.open(card_path) as card:
            assert card.format == "JPEG" and card.size == (1200, 630)
        assert card_path.stat().st_mode & 0o044 == 0o044  # readable by the web server (cards are linked from the cache)


def test_social_cards_are_drawn_once_then_reused_from_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cards"
    monkeypatch.setenv("CANVAS_SOCIAL_CARD_CACHE", str(cache))
    build(tmp_path / "first", seeds=FIXTURES / "seeds", siteurl=SITEURL)
    drawn = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.jpg")}
    assert len(drawn) == len(load_gallery(FIXTURES / "seeds").canvases) + 1  # and the gallery's card
    build(tmp_path / "second", seeds=FIXTURES / "seeds", siteurl=SITEURL)
    assert {path.name: path.stat().st_mtime_ns for path in cache.glob("*.jpg")} == drawn
    for card in (tmp_path / "first").glob("**/social-card.jpg"):
        assert card.read_bytes() == (tmp_path / "second" / card.relative_to(tmp_path / "first")).read_bytes()


def test_the_same_canvas_draws_a_byte_identical_card_without_the_cache(tmp_path, monkeypatch, hostile_site):
    monkeypatch.setenv("CANVAS_SOCIAL_CARD_CACHE", str(tmp_path / "empty-cache"))
    build(tmp_path / "output", seeds=FIXTURES / "seeds", siteurl=SITEURL)
    for card in hostile_site.glob("**/social-card.jpg"):
        assert card.read_bytes() == (tmp_path / "output" / card.relative_to(hostile_site)).read_bytes()


def test_a_card_is_the_bytes_of_the_whole_image_encoded():
    # Cards of one industry share their site name and subtitle, drawn once (_background); the title, at its
    # largest size and with descenders, must not reach them. Only the title's rows of JPEG blocks are
    # encoded per card and spliced into the background's (draw): the bytes must be those of the whole card
    # encoded, or the splice is wrong.
    from PIL import ImageDraw

    from canvas_gallery.outputs import social_card

    for title in ("Gypjq Lygpq Business Worldwide Holdings Group Incorporated", "Xiaomi", "Ägypjq", "ÅÉÎ |", "."):
        for subtitle in ("Consumer Electronics · Business Model Canvas", "Retail · Business Model Canvas"):
            card = social_card.SocialCard(title, subtitle, "Canvas Gallery")
            whole = social_card._frame().copy()
            pen, width = ImageDraw.Draw(whole), social_card.TEXT_WIDTH
            size = social_card._title_size(title, width)
            for (y, text, font_size, colour) in ((32, card.site_name, 22, social_card.ACCENT),
                                                 (64, title, size, social_card.INK),
                                                 (140, card.subtitle, 26, social_card.MUTED)):
                pen.text((social_card.MARGIN, y), social_card._fit(text, font_size, width),
                         font=social_card._font(font_size), fill=colour)
            assert social_card.draw(card) == social_card.encode_jpeg(whole), title
            with Image.open(io.BytesIO(social_card.draw(card))) as decoded:
                assert decoded.size == (1200, 630)


def test_every_json_ld_block_parses_and_its_urls_exist_in_the_build(seo_site):
    for path, page in html_pages(seo_site).items():
        blocks = json_ld(page)
        assert blocks, f"{path}: no JSON-LD"
        for data in blocks:
            assert data["@context"] == "https://schema.org"
            for url in urls_in(data):
                if url.startswith("http://127.0.0.1"):
                    assert file_for(seo_site, url), f"{path}: {url} is not in the build"


def test_every_page_has_one_breadcrumb_list_matching_its_visible_breadcrumbs(seo_site):
    for path, page in html_pages(seo_site).items():
        [crumbs] = of_type(page, "BreadcrumbList")
        listed = [(item["name"], item["item"]) for item in crumbs["itemListElement"]]
        assert [item["position"] for item in crumbs["itemListElement"]] == list(range(1, len(listed) + 1))
        assert listed[0] == ("Gallery", SITEURL + "/")
        visible = page.select("nav.breadcrumbs li")
        if path == "index.html":
            assert listed == [("Gallery", SITEURL + "/")] and not visible
            continue
        assert [li.get_text(strip=True) for li in visible] == [name for name, _ in listed], path
        assert [a["href"] for a in page.select("nav.breadcrumbs a")] == [url for _, url in listed[:-1]]
        assert file_for(seo_site, listed[-1][1]) == seo_site / path


def test_canvas_pages_have_an_article_about_the_company_or_the_business_type(seo_site):
    for canvas in load_gallery(SEEDS).canvases:
        page = parsed(seo_site / "canvas" / canvas.slug / "index.html")
        [article] = of_type(page, "Article")
        assert article["headline"] == page.h1.get_text()
        assert article["description"] == meta(page, "description") == canvas.summary
        assert article["url"] == f"{SITEURL}/canvas/{canvas.slug}/"
        assert article["image"] == meta(page, "og:image")
        company = article["about"]
        # A business type is a kind of business, which no Organization is (tests/test_kinds.py).
        assert company["@type"] == ("DefinedTerm" if canvas.is_business_type else "Organization")
        assert company["name"] == canvas.name
        assert company.get("url") == (canvas.website or None)
        assert company.get("foundingDate") == (str(canvas.founded) if canvas.founded else None)
        assert company.get("location", {}).get("name") == (canvas.headquarters or None)
        # Both dates are the seed's `updated` (the format has no separate publication date).
        assert article.get("dateModified") == (canvas.updated.isoformat() if canvas.updated else None)
        assert article.get("datePublished") == article.get("dateModified")
        gallery = article["publisher"]
        assert article["author"] == gallery and gallery["@type"] == "Organization"
        assert gallery["name"] == "Canvas Gallery" and gallery["url"] == SITEURL + "/"
        logo = gallery["logo"]
        assert logo["@type"] == "ImageObject"
        with Image.open(file_for(seo_site, logo["url"])) as image:
            assert (logo["width"], logo["height"]) == image.size and min(image.size) >= 112


def test_every_page_has_its_open_graph_locale(seo_site):
    for path, page in html_pages(seo_site).items():
        assert meta(page, "og:locale") == "en_US", path


STRUCTURED_DATA_CHECKER = Path(__file__).resolve().parent / "tools" / "structured-data.cjs"


def check_structured_data(*pages: Path) -> subprocess.CompletedProcess:
    """structured-data-testing-tool (pinned in tests/tools) with its Google and Facebook presets and the fields
    Google documents for articles, breadcrumbs and lists."""
    return subprocess.run(["node", str(STRUCTURED_DATA_CHECKER), *map(str, pages)], capture_output=True, text=True)


def test_a_structured_data_validator_passes_canvas_gallery_industry_and_search_pages(seo_site):
    pages = {"canvas": seo_site / "canvas" / "apple" / "index.html", "gallery": seo_site / "index.html",
             "industry": seo_site / "industry" / "consumer-electronics" / "index.html",
             "search": seo_site / "search" / "index.html"}
    result = check_structured_data(*pages.values())
    assert result.returncode == 0, result.stdout + result.stderr
    summaries = json.loads(result.stdout.splitlines()[-1])
    found = {kind: summary["schemas"] for kind, summary in zip(pages, summaries)}
    assert found == {"canvas": ["BreadcrumbList", "Article"], "gallery": ["BreadcrumbList", "ItemList"],
                     "industry": ["BreadcrumbList", "ItemList"], "search": ["BreadcrumbList"]}
    assert all(summary["passed"] >= 10 for summary in summaries)


def test_the_structured_data_validator_names_what_a_page_lacks(seo_site, tmp_path):
    html = (seo_site / "canvas" / "apple" / "index.html").read_text()
    lacking = tmp_path / "index.html"
    lacking.write_text(html.replace('"datePublished"', '"published"').replace('"logo"', '"emblem"')
                       .replace('property="og:locale"', 'property="og:language"'))
    result = check_structured_data(lacking)
    assert result.returncode == 1
    for missing in ("datePublished", "publisher.logo.url", "Article[*].publisher.logo.width", "should have locale"):
        assert missing in result.stdout, missing


def test_gallery_and_industry_pages_have_an_item_list_of_the_cards_they_show(seo_site):
    listing_pages = ["index.html", *[str(p.relative_to(seo_site)) for p in sorted(seo_site.glob("industry/*/index.html"))]]
    for path in listing_pages:
        page = parsed(seo_site / path)
        [listing] = of_type(page, "ItemList")
        cards = [(a.get_text(strip=True), a["href"]) for a in page.select(".card__title a")]
        assert [(item["name"], item["url"]) for item in listing["itemListElement"]] == cards, path
        assert listing["numberOfItems"] == len(cards) > 0


def test_hostile_seed_cannot_break_out_of_json_ld(hostile_site):
    html = (hostile_site / "canvas" / "hostile-example" / "index.html").read_text()
    bodies = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(bodies) == 2
    assert all(not set("<>&'") & set(body) for body in bodies)
    page = BeautifulSoup(html, "html.parser")
    [article] = of_type(page, "Article")
    assert article["headline"] == 'Hostile <b>Example</b> "Quotes" & Co Business Model Canvas'
    assert "</script><script>alert('summary')</script>" in article["description"]
    # Every script element that exists is either the site's own file or one of the two JSON-LD blocks.
    assert len(page.find_all("script")) == len(page.find_all("script", src=True)) + 2


def test_every_sitemap_url_has_a_page_and_every_page_but_404_is_in_the_sitemap(seo_site):
    root = ElementTree.parse(seo_site / "sitemap.xml").getroot()
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    assert len(locations) == len(set(locations))
    files = {file_for(seo_site, loc) for loc in locations}
    assert None not in files
    assert files == {page for page in seo_site.rglob("*.html") if page.name != "404.html" or page.parent != seo_site}


def test_sitemap_lastmod_of_a_canvas_is_its_seed_updated_date(seo_site):
    root = ElementTree.parse(seo_site / "sitemap.xml").getroot()
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    for canvas in load_gallery(SEEDS).canvases:
        expected = canvas.updated.isoformat() if canvas.updated else None
        assert lastmod[f"{SITEURL}/canvas/{canvas.slug}/"] == expected


def test_robots_txt_points_to_the_sitemap_by_absolute_url(seo_site):
    robots = (seo_site / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_atom_feed_lists_recent_canvases_newest_first_and_every_page_links_it(seo_site):
    feed_url = f"{SITEURL}/feeds/canvases.atom.xml"
    root = ElementTree.parse(seo_site / "feeds" / "canvases.atom.xml").getroot()
    entries = [(entry.findtext(f"{ATOM}updated"), entry.find(f"{ATOM}link").get("href"))
               for entry in root.iter(f"{ATOM}entry")]
    assert entries, "the feed is empty"
    assert entries == sorted(entries, key=lambda entry: (-int(entry[0][:10].replace("-", "")), entry[1]))
    assert all(file_for(seo_site, link) for _, link in entries)
    for path, page in html_pages(seo_site).items():
        link = page.find("link", rel="alternate", type="application/atom+xml")
        assert link and link["href"] == feed_url, path


def test_every_page_has_a_language_one_h1_and_headings_in_order(seo_site):
    for path, page in html_pages(seo_site).items():
        assert page.html.get("lang"), path
        levels = [int(tag.name[1]) for tag in page.find_all(re.compile(r"^h[1-6]$"))]
        assert levels.count(1) == 1 and levels[0] == 1, path
        skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert skipped == [], f"{path}: heading levels jump {skipped}"


def test_no_page_links_to_a_canvas_that_does_not_exist(seo_site):
    missing = []
    for path, page in html_pages(seo_site).items():
        for anchor in page.find_all("a", href=True):
            match = CANVAS_LINK.match(anchor["href"])
            if match and not (seo_site / "canvas" / match.group(1) / "index.html").is_file():
                missing.append(f"{path} -> {anchor['href']}")
    assert missing == []
