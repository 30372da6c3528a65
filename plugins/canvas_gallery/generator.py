"""The Pelican generator: turns seed canvases into canvas, industry and gallery pages."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pathlib
from pathlib import Path
from dataclasses import dataclass, field

from PIL import Image
from pelican.generators import Generator

from .writeup.analysis import analysis_context, analysis_sections
from .outputs.compare import compare_choices, compare_index, index_json
from .outputs.downloads import downloads_for, export_files
from .blocks import BLOCKS, MAX_ITEMS
from .generator_patterns import PatternPages
from .after_pelican.exports_render import rendered_downloads
from .after_pelican.search_shards import shards_for
from .load.limits import current_limits
from .load.seeds import load_industries
from .model import Canvas, Industry
from .plumbing.forked import default_workers, map_forked
from .relate.related import related_links
from .load.seeds import SEED_CACHE_FILE, load_gallery, seed_files
from .plumbing.buildstats import BuildStats
from .settings import apply_defaults, setting
from .plumbing.build_signals import canvas_pages_written
from .outputs.feed import canvas_feed, recent_canvases
from .plumbing.file_cache import cached_file, link_or_copy
from .outputs.sitemap import SitemapEntry, robots_txt, sitemap_xml, url_of
from .outputs.social_card import CardDrawing, cached_card, card_for, site_card
from .outputs.structured_data import (absolute_url, canvas_article, item_list, page_breadcrumb_list,
                                      site_breadcrumb_list, site_organization)

logger = logging.getLogger(__name__)
DOWNLOAD_CACHE = "downloads"  # inside CACHE_PATH: the JSON and YAML downloads by content hash


@dataclass
class IndustryPage:
    industry: Industry
    canvases: list[Canvas]
    url: str
    save_as: str
    featured: list[Canvas] = field(default_factory=list)  # the first few, shown on the gallery

    @property
    def name(self) -> str:
        return self.industry.name

    @property
    def slug(self) -> str:
        return self.industry.slug


@dataclass
class CanvasPage:
    """What a canvas page template needs beyond the canvas itself."""

    canvas: Canvas
    industry_page: IndustryPage
    related: list = field(default_factory=list)  # (Canvas, reason) pairs
    analysis: list = field(default_factory=list)  # AnalysisSection list
    examples: list = field(default_factory=list)  # a business type's company canvases
    example_of: list = field(default_factory=list)  # a company's business types


class CanvasGenerator(PatternPages, Generator):
    """Loads ``CANVAS_SEEDS_PATH`` in ``generate_context`` and writes the pages in ``generate_output``."""

    def seeds_path(self) -> str:
        path = setting(self.settings, "CANVAS_SEEDS_PATH")
        # Relative paths are relative to the content folder's parent, where pelicanconf.py lives.
        return path if os.path.isabs(path) else os.path.join(os.path.dirname(self.path), path)

    def generate_context(self):
        from pelican.log import console  # Pelican's own rich console: our progress bars sit under its status line

        self.stats = BuildStats(setting(self.settings, "CANVAS_TIMINGS_FILE"), console)
        self.stats.expect("load", len(seed_files(Path(self.seeds_path()))))
        workers = setting(self.settings, "CANVAS_WORKERS") or default_workers()
        with self.stats.step("load"):
            gallery = load_gallery(self.seeds_path(), include_drafts=setting(self.settings, "CANVAS_INCLUDE_DRAFTS"),
                                   on_file=lambda: self.stats.advance("load"),
                                   cache_file=os.path.join(self.settings["CACHE_PATH"], SEED_CACHE_FILE),
                                   workers=workers)
        for canvas in gallery.canvases:
            canvas.url = setting(self.settings, "CANVAS_URL").format(slug=canvas.slug)
            canvas.save_as = setting(self.settings, "CANVAS_SAVE_AS").format(slug=canvas.slug)
        self.industry_pages = [
            IndustryPage(
                industry,
                [canvas for canvas in gallery.canvases if canvas.industry == industry],
                setting(self.settings, "CANVAS_INDUSTRY_URL").format(slug=industry.slug),
                setting(self.settings, "CANVAS_INDUSTRY_SAVE_AS").format(slug=industry.slug),
            )
            for industry in gallery.industries
        ]
        featured = setting(self.settings, "CANVAS_GALLERY_CARDS")
        for industry_page in self.industry_pages:
            industry_page.featured = industry_page.canvases[:featured]
        pages_by_industry = {page.slug: page for page in self.industry_pages}
        by_slug = gallery.by_slug()
        canvases = gallery.canvases
        # A preview writes only the pages of the canvases it names; they are still related to, and
        # written up against, the whole gallery.
        self.only = set(setting(self.settings, "CANVAS_ONLY"))
        shown = [canvas for canvas in canvases if canvas.slug in self.only] if self.only else canvases
        self.start_social_cards(shown, pages_by_industry, len(canvases))  # drawn in the background from here on
        with self.stats.step("relate"):
            links_of = related_links(canvases, setting(self.settings, "CANVAS_RELATED_COUNT"),
                                     setting(self.settings, "CANVAS_PATTERN_WEIGHT"))
            siteurl = self.settings["SITEURL"]
            texts = analysis_context(canvases, {c.slug: f"{siteurl}/{c.url}" for c in canvases})

        def write_up(index):
            """One canvas's related links, then its text, in the same worker (the text compares the blocks the
            links' reasons just compared: terms.best_item_match remembers them)."""
            links = links_of(shown[index].slug)
            return links, analysis_sections(shown[index], [by_slug[link.slug] for link in links], texts)

        self.stats.expect("text", len(shown))
        with self.stats.step("text"):
            written = map_forked(write_up, len(shown), workers, on_result=lambda: self.stats.advance("text"))
        self.canvas_pages = [
            CanvasPage(canvas, pages_by_industry[canvas.industry.slug],
                       [(by_slug[link.slug], link.reason) for link in links], analysis,
                       [by_slug[slug] for slug in canvas.examples if slug in by_slug],  # drafts left out
                       [by_slug[slug] for slug in canvas.example_of if slug in by_slug])
            for canvas, (links, analysis) in zip(shown, written)
        ]
        self.business_types = [canvas for canvas in canvases if canvas.is_business_type]
        self.context["business_types"] = self.business_types
        self.context["company_count"] = len(canvases) - len(self.business_types)
        self.context["canvases"] = gallery.canvases
        self.context["industry_pages"] = self.industry_pages
        self.context["canvas_pages"] = self.canvas_pages
        self.add_pattern_context(gallery)
        self.add_find_context(gallery.canvases)
        self.add_editor_context(gallery)
        logger.info("Canvas Gallery: %d canvases in %d industries", len(gallery.canvases), len(self.industry_pages))

    def generate_output(self, writer):
        writer = self.stats.writer(writer)  # times render and write, counts pages for the progress bar
        self.stats.expect("pages", len(self.canvas_pages) + len(self.industry_pages) + len(self.pattern_pages) + 4
                          + bool(self.business_types))
        canvas_template = self.get_template("canvas")
        for page in self.canvas_pages:
            writer.write_file(page.canvas.save_as, canvas_template, self.context, page=page, canvas=page.canvas,
                              url=page.canvas.url, **self.canvas_seo(page))
        canvas_pages_written.send(self, output_path=self.output_path)
        if self.only:  # a preview: the canvases' own files, nothing that lists the gallery
            self.copy_social_cards()
            self.write_downloads([page.canvas for page in self.canvas_pages])
            self.stats.finish()
            return
        industry_template = self.get_template("industry")
        for industry_page in self.industry_pages:
            writer.write_file(industry_page.save_as, industry_template, self.context, industry_page=industry_page,
                              url=industry_page.url, **self.industry_seo(industry_page))
        self.write_pattern_pages(writer)
        if self.business_types:
            writer.write_file(setting(self.settings, "CANVAS_BUSINESS_TYPES_SAVE_AS"),
                              self.get_template("business_types"), self.context,
                              url=setting(self.settings, "CANVAS_BUSINESS_TYPES_URL"), **self.business_types_seo())
        listed = sum(len(industry_page.featured) for industry_page in self.industry_pages)
        writer.write_file(setting(self.settings, "CANVAS_GALLERY_SAVE_AS"), self.get_template("gallery"), self.context,
                          url="", listed_count=listed, **self.gallery_seo())
        self.write_site_card()
        self.copy_social_cards()
        self.write_feed()
        self.write_find_pages(writer)
        self.write_editor(writer)
        self.stats.finish()

    # Search, compare and downloads: plain modules (exports, compare); Pagefind indexes the site after Pelican.
    def add_find_context(self, canvases):
        # The parts the search index is built in (tasks.py runs Pagefind for each): the search page loads them all.
        self.context["search_bundles"] = [shard.bundle for shard in shards_for(self.settings, [c.slug for c in canvases])]
        json_as, yaml_as = setting(self.settings, "CANVAS_JSON_SAVE_AS"), setting(self.settings, "CANVAS_YAML_SAVE_AS")
        self.context["canvas_downloads"] = {canvas.slug: downloads_for(canvas.slug, json_as, yaml_as) for canvas in canvases}
        limit = setting(self.settings, "CANVAS_COMPARE_CHOICES")
        self.context["compare_choices"] = {
            page.canvas.slug: compare_choices(page.canvas, [other for other, _ in page.related],
                                              page.industry_page.canvases, limit)
            for page in self.canvas_pages}

    def write_find_pages(self, writer):
        canvases, json_as = self.context["canvases"], setting(self.settings, "CANVAS_JSON_SAVE_AS")
        self.write_downloads(canvases)
        related = {page.canvas.slug: [other.slug for other, _ in page.related] for page in self.canvas_pages}
        self.write_bytes(setting(self.settings, "CANVAS_INDEX_SAVE_AS"),
                         index_json(compare_index(canvases, related, json_as,
                                                  setting(self.settings, "CANVAS_PATTERN_URL"))).encode("utf-8"))
        for name in ("search", "compare"):
            writer.write_file(setting(self.settings, f"CANVAS_{name.upper()}_SAVE_AS"), self.get_template(name),
                              self.context, url=setting(self.settings, f"CANVAS_{name.upper()}_URL"))

    def write_downloads(self, canvases):
        """The JSON and YAML download of each canvas, linked from the cache (file_cache.py) by content hash."""
        files = export_files(canvases, self.seeds_path(), setting(self.settings, "CANVAS_JSON_SAVE_AS"),
                             setting(self.settings, "CANVAS_YAML_SAVE_AS"), self.settings["SITEURL"],
                             self.settings["SITENAME"])
        cache = Path(self.settings["CACHE_PATH"]) / DOWNLOAD_CACHE
        for path, content in files.items():
            cached = cache / (hashlib.sha256(content).hexdigest() + Path(path).suffix)
            cached_file(cached, lambda: content)
            target = os.path.join(self.output_path, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link_or_copy(cached, target)

    def write_bytes(self, path: str, content: bytes):
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as stream:
            stream.write(content)

    # The editor and the PDF/PNG downloads (rendered after Pelican by exports_render, called from tasks.py).
    def add_editor_context(self, gallery):
        # Every industry of industries.yaml, also those no canvas uses yet: a new canvas may be the first.
        self.editor_industries = list(load_industries(pathlib.Path(self.seeds_path()), []).values())
        if setting(self.settings, "CANVAS_EXPORTS"):  # linked only in builds that render them
            pattern = setting(self.settings, "CANVAS_EXPORT_SAVE_AS")
            for canvas in gallery.canvases:
                self.context["canvas_downloads"][canvas.slug] += rendered_downloads(canvas.slug, pattern)

    def write_editor(self, writer):
        writer.write_file(setting(self.settings, "CANVAS_EDITOR_SAVE_AS"), self.get_template("editor"), self.context,
                          url=setting(self.settings, "CANVAS_EDITOR_URL"), blocks=BLOCKS, max_items=MAX_ITEMS,
                          max_file_bytes=current_limits().max_editor_file_bytes, industries=self.editor_industries,
                          canvas_json=setting(self.settings, "CANVAS_JSON_SAVE_AS"))

    # SEO and sharing. The steps are plain modules (structured_data, social_card, feed, sitemap); these
    # methods only give them Pelican's settings and paths. Crumbs are (label, site-relative URL) pairs:
    # the templates show them, and the JSON-LD gets the same pairs with absolute URLs.
    def absolute(self, path: str) -> str:
        return absolute_url(self.settings["SITEURL"], path)

    def project_path(self, path: str) -> str:
        return path if os.path.isabs(path) else os.path.join(os.path.dirname(self.path), path)

    @functools.cached_property
    def publisher(self) -> dict:
        """The gallery as an Organization with its logo (setting CANVAS_LOGO, a file of the theme's static folder)."""
        logo = setting(self.settings, "CANVAS_LOGO")
        with Image.open(os.path.join(self.settings["THEME"], "static", logo)) as image:
            size = image.size
        return site_organization(self.settings["SITENAME"], self.absolute(""),
                                 self.absolute(f"{self.settings['THEME_STATIC_DIR']}/{logo}"), size)

    def breadcrumb_data(self, crumbs) -> dict:
        return site_breadcrumb_list(self.settings["SITEURL"], crumbs)

    def canvas_seo(self, page: CanvasPage) -> dict:
        canvas = page.canvas
        crumbs = [HOME_CRUMB, (page.industry_page.name, page.industry_page.url), (canvas.name, canvas.url)]
        image = self.absolute(self.write_social_card(page))
        article = canvas_article(
            canvas, headline=f"{canvas.title_name} Business Model Canvas", url=self.absolute(canvas.url), image=image,
            publisher=self.publisher, industry_name=page.industry_page.name, language=self.settings["DEFAULT_LANG"])
        return {"breadcrumbs": crumbs, "social_image": image, "lastmod": canvas.updated,
                "structured_data": [self.breadcrumb_data(crumbs), article]}

    def industry_seo(self, industry_page: IndustryPage) -> dict:
        crumbs = [HOME_CRUMB, (industry_page.name, industry_page.url)]
        listing = item_list(f"{industry_page.name} Business Model Canvases", self.absolute(industry_page.url),
                            [(canvas.name, self.absolute(canvas.url)) for canvas in industry_page.canvases])
        return {"breadcrumbs": crumbs, "lastmod": latest_update(industry_page.canvases),
                "structured_data": [self.breadcrumb_data(crumbs), listing]}

    def business_types_seo(self) -> dict:
        url = setting(self.settings, "CANVAS_BUSINESS_TYPES_URL")
        crumbs = [HOME_CRUMB, ("Business types", url)]
        listing = item_list("Business types: Business Model Canvases of kinds of business", self.absolute(url),
                            [(canvas.title_name, self.absolute(canvas.url)) for canvas in self.business_types])
        return {"breadcrumbs": crumbs, "lastmod": latest_update(self.business_types),
                "structured_data": [self.breadcrumb_data(crumbs), listing]}

    def gallery_seo(self) -> dict:
        # The gallery shows the first canvases of each industry; the ItemList lists the same, in the same order.
        shown = [canvas for industry_page in self.industry_pages for canvas in industry_page.featured]
        listing = item_list("Business Model Canvas gallery", self.absolute(""),
                            [(canvas.name, self.absolute(canvas.url)) for canvas in shown])
        return {"breadcrumbs": [HOME_CRUMB], "lastmod": latest_update(shown),
                "structured_data": [self.breadcrumb_data([HOME_CRUMB]), listing]}

    def write_social_card(self, page: CanvasPage) -> str:
        """Copies the canvas's card from the cache (drawing it first if needed); returns its site path."""
        card = card_for(page.canvas, page.industry_page.name, self.settings["SITENAME"])
        return self.write_card(card, setting(self.settings, "CANVAS_SOCIAL_CARD_SAVE_AS").format(slug=page.canvas.slug))

    def site_social_card(self, canvas_count: int):
        return site_card("Business Model Canvas gallery",
                         f"{canvas_count} companies in {len(self.industry_pages)} industries", self.settings["SITENAME"])

    def write_site_card(self):
        self.write_card(self.site_social_card(len(self.canvas_pages)),
                        setting(self.settings, "CANVAS_SITE_CARD_SAVE_AS"))

    def social_card_cache(self) -> str:
        return self.project_path(setting(self.settings, "CANVAS_SOCIAL_CARD_CACHE"))

    def start_social_cards(self, canvases, pages_by_industry, gallery_size: int):
        """Draw the missing cards in two processes while the rest of the build runs (see CardDrawing)."""
        cards = [card_for(canvas, pages_by_industry[canvas.industry.slug].name, self.settings["SITENAME"])
                 for canvas in canvases]
        self.card_drawing = CardDrawing(cards + [self.site_social_card(gallery_size)], self.social_card_cache())
        self.card_copies = []

    def write_card(self, card, save_as: str) -> str:
        """Notes the card for ``copy_social_cards``; returns its site path."""
        self.card_copies.append((card, save_as))
        return save_as

    def copy_social_cards(self):
        """Copies every card noted by ``write_card`` from the cache, once the background drawing is done."""
        self.card_drawing.wait()
        self.cards_drawn = self.card_drawing.drawn
        for card, save_as in self.card_copies:
            cached, drawn = cached_card(card, self.social_card_cache())  # drawn here only if not started before
            self.cards_drawn += drawn
            target = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link_or_copy(cached, target)

    cards_drawn = 0

    def write_feed(self):
        feed_path = setting(self.settings, "CANVAS_FEED_ATOM")
        canvases = recent_canvases([page.canvas for page in self.canvas_pages],
                                   setting(self.settings, "CANVAS_FEED_LIMIT"))
        xml = canvas_feed(canvases, title=f"{self.settings['SITENAME']}: new and updated canvases",
                          site_url=self.absolute(""), feed_url=self.absolute(feed_path),
                          description=self.settings.get("SITE_TAGLINE", ""),
                          canvas_url=lambda canvas: self.absolute(canvas.url),
                          language=self.settings["DEFAULT_LANG"], author=self.settings.get("AUTHOR", ""))
        target = os.path.join(self.output_path, feed_path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(xml)
        logger.info("Canvas Gallery: %d social cards drawn, %d reused from the cache; feed of %d canvases",
                    self.cards_drawn, len(self.canvas_pages) + 1 - self.cards_drawn, len(canvases))


HOME_CRUMB = ("Gallery", "")


def latest_update(canvases):
    """The newest ``updated`` date of some canvases, or None when none has one."""
    return max((canvas.updated for canvas in canvases if canvas.updated), default=None)


def add_template_helpers(pelican):
    """Gives the templates the plugin's settings with their defaults, the sitemap's URL helper and the
    fallback breadcrumbs (signal: initialized)."""
    settings = pelican.settings
    apply_defaults(settings)
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "url_of": url_of}
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "page_breadcrumb_list": page_breadcrumb_list,
                                 "site_breadcrumb_list": site_breadcrumb_list}


class SitemapCollector:
    """Collects every HTML page Pelican writes (signal: content_written), then writes sitemap.xml and
    robots.txt (signal: finalized).

    Why not the pelican-sitemap plugin: it does see our pages through content_written, but it gives
    every page that is not a Pelican Article or Page the build time as <lastmod> (builds would not be
    reproducible), and it reads ``.url`` from whatever the context calls ``page``, which for canvas
    pages is our CanvasPage. Here <lastmod> comes from the seeds' ``updated`` dates (``lastmod`` in
    the page's context) and pages without one have none.
    """

    def __init__(self):
        self.entries: list[tuple[str, object]] = []  # (output file, lastmod)

    def page_written(self, path, context):
        output_file = context.get("output_file", "")
        page = context.get("page")
        excluded = setting(context, "CANVAS_SITEMAP_EXCLUDE")
        if not output_file.endswith(".html") or output_file in excluded or getattr(page, "status", "") == "hidden":
            return
        self.entries.append((output_file, context.get("lastmod")))

    def write(self, pelican):
        settings = pelican.settings
        sitemap_path = setting(settings, "CANVAS_SITEMAP_SAVE_AS")
        siteurl = settings["SITEURL"]
        entries = [SitemapEntry(absolute_url(siteurl, url_of(output_file)), lastmod)
                   for output_file, lastmod in self.entries]
        self.entries = []  # pelican --autoreload runs again in the same process
        with open(os.path.join(pelican.output_path, sitemap_path), "w", encoding="utf-8") as stream:
            stream.write(sitemap_xml(entries))
        robots_path = os.path.join(pelican.output_path, setting(settings, "CANVAS_ROBOTS_SAVE_AS"))
        with open(robots_path, "w", encoding="utf-8") as stream:
            stream.write(robots_txt(absolute_url(siteurl, sitemap_path)))


SITEMAP = SitemapCollector()
