"""The page kinds of outputs/ (canvas, industry, gallery, pattern, find pages) on their own, without a
build: the fixture seeds loaded, the pages made from them, the values each template gets checked."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from sitebuild import FIXTURES

from canvas_gallery.load.seeds import load_gallery
from canvas_gallery.model import BUSINESS_TYPE
from canvas_gallery.outputs.canvas_pages import canvas_page, canvas_pages
from canvas_gallery.outputs.find_pages import compare_choices_by_slug, editor_page, find_pages
from canvas_gallery.outputs.gallery_pages import business_types_page, gallery_page
from canvas_gallery.outputs.industry_pages import industry_page, industry_pages
from canvas_gallery.outputs.pattern_pages import pattern_context, pattern_site_pages
from canvas_gallery.outputs.site import HOME_CRUMB, Site, canvas_kinds, latest_update
from canvas_gallery.settings import DEFAULTS

SITE = Site("https://example.org/gallery", "Canvas Gallery", "en", {"@type": "Organization", "name": "Canvas Gallery"})


@pytest.fixture(scope="module")
def gallery():
    gallery = load_gallery(FIXTURES / "seeds")
    for canvas in gallery.canvases:
        canvas.url = DEFAULTS["CANVAS_URL"].format(slug=canvas.slug)
        canvas.save_as = DEFAULTS["CANVAS_SAVE_AS"].format(slug=canvas.slug)
    return gallery


@pytest.fixture(scope="module")
def industries(gallery):
    return industry_pages(gallery.industries, gallery.canvases, DEFAULTS["CANVAS_INDUSTRY_URL"],
                          DEFAULTS["CANVAS_INDUSTRY_SAVE_AS"], featured=1)


def types_of(structured_data) -> list[str]:
    return [data["@type"] for data in structured_data]


def test_each_industry_page_lists_its_canvases_and_features_the_first(gallery, industries):
    assert [page.slug for page in industries] == [industry.slug for industry in gallery.industries]
    for page in industries:
        assert page.canvases == [canvas for canvas in gallery.canvases if canvas.industry == page.industry]
        assert page.featured == page.canvases[:1]
        assert page.url == f"industry/{page.slug}/" and page.save_as == f"industry/{page.slug}/index.html"


def test_an_industry_page_has_its_crumbs_and_an_item_list_of_its_canvases(industries):
    page = next(page for page in industries if page.slug == "consumer-electronics")
    written = industry_page(page, SITE)
    assert (written.save_as, written.template) == ("industry/consumer-electronics/index.html", "industry")
    assert written.values["breadcrumbs"] == [HOME_CRUMB, (page.name, page.url)]
    breadcrumbs, listing = written.values["structured_data"]
    assert types_of([breadcrumbs, listing]) == ["BreadcrumbList", "ItemList"]
    assert [entry["url"] for entry in listing["itemListElement"]] == [
        f"https://example.org/gallery/canvas/{canvas.slug}/" for canvas in page.canvases]
    assert written.values["lastmod"] == latest_update(page.canvases)


def test_a_canvas_page_has_its_card_crumbs_and_article_by_absolute_url(gallery, industries):
    by_slug = gallery.by_slug()
    xiaomi = by_slug["xiaomi"]
    [page] = canvas_pages([xiaomi], [([], [])], {page.slug: page for page in industries}, by_slug)
    written = canvas_page(page, SITE, "canvas/xiaomi/social-card.jpg")
    assert (written.save_as, written.template, written.values["url"]) == (
        "canvas/xiaomi/index.html", "canvas", "canvas/xiaomi/")
    assert written.values["page"] is page and written.values["canvas"] is xiaomi
    assert written.values["social_image"] == "https://example.org/gallery/canvas/xiaomi/social-card.jpg"
    assert written.values["breadcrumbs"] == [HOME_CRUMB, (page.industry_page.name, page.industry_page.url),
                                             ("Xiaomi", "canvas/xiaomi/")]
    breadcrumbs, article = written.values["structured_data"]
    assert types_of([breadcrumbs, article]) == ["BreadcrumbList", "Article"]
    assert article["publisher"] == SITE.publisher and article["inLanguage"] == "en"
    assert written.values["lastmod"] == xiaomi.updated == datetime.date(2026, 11, 24)


def test_the_gallery_lists_the_featured_canvases_of_each_industry_in_order(industries):
    written = gallery_page(industries, SITE, "index.html")
    featured = [canvas for page in industries for canvas in page.featured]
    assert (written.save_as, written.template, written.values["url"]) == ("index.html", "gallery", "")
    assert written.values["listed_count"] == len(featured) == len(industries)
    [_, listing] = written.values["structured_data"]
    assert [entry["name"] for entry in listing["itemListElement"]] == [canvas.name for canvas in featured]


def test_the_business_types_page_names_each_type_by_its_title(gallery):
    types = [canvas for canvas in gallery.canvases if canvas.is_business_type] or gallery.canvases[:1]
    written = business_types_page(types, SITE, "business-types/", "business-types/index.html")
    assert written.values["breadcrumbs"] == [HOME_CRUMB, ("Business types", "business-types/")]
    [_, listing] = written.values["structured_data"]
    assert [entry["name"] for entry in listing["itemListElement"]] == [canvas.title_name for canvas in types]


def test_pattern_pages_come_after_their_index_each_a_defined_term_of_its_set(gallery):
    context = pattern_context(gallery.patterns, gallery.canvases, gallery.industries, DEFAULTS["CANVAS_PATTERN_URL"],
                              DEFAULTS["CANVAS_PATTERN_SAVE_AS"])
    pages = context["pattern_pages"]
    assert context["used_pattern_pages"] == [page for page in pages if page.count] != []
    written = pattern_site_pages(pages, SITE, "patterns/", "patterns/index.html")
    assert [page.template for page in written] == ["patterns"] + ["pattern"] * len(pages)
    [_, term_set] = written[0].values["structured_data"]
    assert term_set["@type"] == "DefinedTermSet" and len(term_set["hasDefinedTerm"]) == len(pages)
    for page, pattern_written in zip(pages, written[1:]):
        assert pattern_written.save_as == f"pattern/{page.slug}/index.html"
        assert pattern_written.values["breadcrumbs"][-1] == (page.name, page.url)
        assert types_of(pattern_written.values["structured_data"]) == ["BreadcrumbList", "DefinedTerm", "ItemList"]


def test_compare_choices_offer_related_canvases_first_then_the_industry(gallery, industries):
    by_slug = gallery.by_slug()
    acme, xiaomi = by_slug["acme-robotics"], by_slug["xiaomi"]
    pages = canvas_pages([xiaomi], [([], [])], {page.slug: page for page in industries}, by_slug)
    pages[0].related = [(acme, "also makes robots")]
    choices = compare_choices_by_slug(pages, limit=30)
    assert choices["xiaomi"].related == [acme]
    assert xiaomi not in choices["xiaomi"].others and acme not in choices["xiaomi"].others


def test_search_compare_and_editor_pages_go_where_the_settings_say(gallery):
    search, compare = find_pages("search/", "search/index.html", "compare/", "compare/index.html")
    assert (search.template, search.save_as, search.values) == ("search", "search/index.html", {"url": "search/"})
    assert (compare.template, compare.save_as, compare.values) == ("compare", "compare/index.html", {"url": "compare/"})
    editor = editor_page("editor/", "editor/index.html", gallery.industries, "canvas/{slug}/canvas.json")
    assert editor.values["industries"] == gallery.industries and len(editor.values["blocks"]) == 9


def test_counts_in_words_name_companies_and_business_types_apart(gallery):
    companies = gallery.canvases  # the fixture seeds are companies; a copy of one stands in for a business type
    kind = dataclasses.replace(companies[0], slug="home-robot-maker", kind=BUSINESS_TYPE)
    assert canvas_kinds([*companies, kind]) == f"{len(companies)} companies and 1 business type"
    assert canvas_kinds(companies[:1]) == "1 company"
