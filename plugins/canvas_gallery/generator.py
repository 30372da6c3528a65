"""The Pelican generator: runs the steps (load, relate, write up) in ``generate_context`` and hands each
page kind (outputs/*_pages.py) to Pelican's writer in ``generate_output``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pelican.generators import Generator

from .after_pelican.exports_render import rendered_downloads
from .after_pelican.search_shards import shards_for
from .load.seeds import SEED_CACHE_FILE, load_gallery, load_industries, seed_files
from .outputs.canvas_pages import canvas_page, canvas_pages
from .outputs.downloads import downloads_for, export_files
from .outputs.feed import canvas_feed, recent_canvases
from .outputs.find_pages import compare_choices_by_slug, compare_index_file, editor_page, find_pages
from .outputs.gallery_pages import business_types_page, gallery_page
from .outputs.industry_pages import industry_page, industry_pages
from .outputs.pattern_pages import pattern_context, pattern_site_pages
from .outputs.site import Site, canvas_kinds, publisher
from .outputs.sitemap import url_of
from .outputs.social_card import CardCopies, card_for, site_card
from .outputs.structured_data import page_breadcrumb_list, site_breadcrumb_list
from .plumbing.build_signals import canvas_pages_written
from .plumbing.buildstats import BuildStats
from .plumbing.file_cache import write_cached, write_file
from .plumbing.forked import default_workers, map_forked
from .relate.related import related_links
from .settings import apply_defaults, setting
from .writeup.analysis import analysis_context, analysis_sections

logger = logging.getLogger(__name__)
DOWNLOAD_CACHE = "downloads"  # inside CACHE_PATH: the JSON and YAML downloads by content hash


class CanvasGenerator(Generator):
    """Loads ``CANVAS_SEEDS_PATH`` in ``generate_context`` and writes the pages in ``generate_output``."""

    def setting(self, name: str):
        return setting(self.settings, name)

    def project_path(self, path: str) -> str:
        # Relative paths are relative to the content folder's parent, where pelicanconf.py lives.
        return path if os.path.isabs(path) else os.path.join(os.path.dirname(self.path), path)

    def seeds_path(self) -> str:
        return self.project_path(self.setting("CANVAS_SEEDS_PATH"))

    def generate_context(self):
        from pelican.log import console  # Pelican's own rich console: our progress bars sit under its status line

        self.stats = BuildStats(self.setting("CANVAS_TIMINGS_FILE"), console)
        self.stats.expect("load", len(seed_files(Path(self.seeds_path()))))
        workers = self.setting("CANVAS_WORKERS") or default_workers()
        with self.stats.step("load"):
            gallery = load_gallery(self.seeds_path(), include_drafts=self.setting("CANVAS_INCLUDE_DRAFTS"),
                                   on_file=lambda: self.stats.advance("load"),
                                   cache_file=os.path.join(self.settings["CACHE_PATH"], SEED_CACHE_FILE),
                                   workers=workers)
        canvases, by_slug = gallery.canvases, gallery.by_slug()
        for canvas in canvases:
            canvas.url = self.setting("CANVAS_URL").format(slug=canvas.slug)
            canvas.save_as = self.setting("CANVAS_SAVE_AS").format(slug=canvas.slug)
        self.industry_pages = industry_pages(gallery.industries, canvases, self.setting("CANVAS_INDUSTRY_URL"),
                                             self.setting("CANVAS_INDUSTRY_SAVE_AS"),
                                             self.setting("CANVAS_GALLERY_CARDS"))
        pages_by_industry = {page.slug: page for page in self.industry_pages}
        # A preview writes only the pages of the canvases it names; they are still related to, and
        # written up against, the whole gallery.
        self.only = set(self.setting("CANVAS_ONLY"))
        shown = [canvas for canvas in canvases if canvas.slug in self.only] if self.only else canvases
        self.industry_names = {page.slug: page.name for page in self.industry_pages}
        self.cards = CardCopies([self.card_of(canvas) for canvas in shown] + [self.site_card(canvases)],
                                self.project_path(self.setting("CANVAS_SOCIAL_CARD_CACHE")))  # drawn from here on
        with self.stats.step("relate"):
            links_of = related_links(canvases, self.setting("CANVAS_RELATED_COUNT"),
                                     self.setting("CANVAS_PATTERN_WEIGHT"))
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
        self.canvas_pages = canvas_pages(shown, written, pages_by_industry, by_slug)
        # Listed by name, as a visitor scans them (a slug such as aesthetics-clinic would sort apart from its name).
        self.business_types = sorted((canvas for canvas in canvases if canvas.is_business_type),
                                     key=lambda canvas: canvas.name.casefold())
        json_as, yaml_as = self.setting("CANVAS_JSON_SAVE_AS"), self.setting("CANVAS_YAML_SAVE_AS")
        downloads = {canvas.slug: downloads_for(canvas.slug, json_as, yaml_as) for canvas in canvases}
        if self.setting("CANVAS_EXPORTS"):  # linked only in builds that render them
            for canvas in canvases:
                downloads[canvas.slug] += rendered_downloads(canvas.slug, self.setting("CANVAS_EXPORT_SAVE_AS"))
        self.context.update({
            "business_types": self.business_types,
            "company_count": len(canvases) - len(self.business_types),
            "canvases": canvases,
            "industry_pages": self.industry_pages,
            "canvas_pages": self.canvas_pages,
            **pattern_context(gallery.patterns, canvases, gallery.industries, self.setting("CANVAS_PATTERN_URL"),
                              self.setting("CANVAS_PATTERN_SAVE_AS")),
            # The parts the search index is built in (tasks.py runs Pagefind for each): the search page loads them all.
            "search_bundles": [shard.bundle for shard in shards_for(self.settings, [c.slug for c in canvases])],
            "canvas_downloads": downloads,
            "compare_choices": compare_choices_by_slug(self.canvas_pages, self.setting("CANVAS_COMPARE_CHOICES")),
        })
        # Every industry of industries.yaml, also those no canvas uses yet: a new canvas may be the first.
        self.editor_industries = list(load_industries(Path(self.seeds_path()), []).values())
        logger.info("Canvas Gallery: %d canvases in %d industries", len(canvases), len(self.industry_pages))

    def generate_output(self, writer):
        writer = self.stats.writer(writer)  # times render and write, counts pages for the progress bar
        pattern_pages = self.context["pattern_pages"]
        self.stats.expect("pages", len(self.canvas_pages) + len(self.industry_pages) + len(pattern_pages) + 4
                          + bool(self.business_types))
        site = self.site()
        card_as = self.setting("CANVAS_SOCIAL_CARD_SAVE_AS")
        self.write_pages(writer, [
            canvas_page(page, site, self.cards.add(self.card_of(page.canvas), card_as.format(slug=page.canvas.slug)))
            for page in self.canvas_pages])
        canvas_pages_written.send(self, output_path=self.output_path)
        if self.only:  # a preview: the canvases' own files, nothing that lists the gallery
            self.cards.copy_into(self.output_path)
            self.write_downloads([page.canvas for page in self.canvas_pages])
            self.stats.finish()
            return
        self.write_pages(writer, [industry_page(page, site) for page in self.industry_pages])
        self.write_pages(writer, pattern_site_pages(pattern_pages, site, self.setting("CANVAS_PATTERNS_URL"),
                                                    self.setting("CANVAS_PATTERNS_SAVE_AS")))
        if self.business_types:
            self.write_pages(writer, [business_types_page(self.business_types, site,
                                                          self.setting("CANVAS_BUSINESS_TYPES_URL"),
                                                          self.setting("CANVAS_BUSINESS_TYPES_SAVE_AS"))])
        self.write_pages(writer, [gallery_page(self.industry_pages, site, self.setting("CANVAS_GALLERY_SAVE_AS"))])
        self.cards.add(self.site_card([page.canvas for page in self.canvas_pages]), self.setting("CANVAS_SITE_CARD_SAVE_AS"))
        self.cards.copy_into(self.output_path)
        feed_count = self.write_feed(site)
        logger.info("Canvas Gallery: %d social cards drawn, %d reused from the cache; feed of %d canvases",
                    self.cards.drawn, len(self.canvas_pages) + 1 - self.cards.drawn, feed_count)
        canvases = self.context["canvases"]
        self.write_downloads(canvases)
        write_file(self.output_path, self.setting("CANVAS_INDEX_SAVE_AS"),
                   compare_index_file(canvases, self.canvas_pages, self.setting("CANVAS_JSON_SAVE_AS"),
                                      self.setting("CANVAS_PATTERN_URL")))
        self.write_pages(writer, find_pages(self.setting("CANVAS_SEARCH_URL"), self.setting("CANVAS_SEARCH_SAVE_AS"),
                                            self.setting("CANVAS_COMPARE_URL"), self.setting("CANVAS_COMPARE_SAVE_AS")))
        self.write_pages(writer, [editor_page(self.setting("CANVAS_EDITOR_URL"), self.setting("CANVAS_EDITOR_SAVE_AS"),
                                              self.editor_industries, self.setting("CANVAS_JSON_SAVE_AS"))])
        self.stats.finish()

    def write_pages(self, writer, pages):
        for page in pages:
            writer.write_file(page.save_as, self.get_template(page.template), self.context, **page.values)

    def site(self) -> Site:
        logo = self.setting("CANVAS_LOGO")
        siteurl, name = self.settings["SITEURL"], self.settings["SITENAME"]
        return Site(siteurl, name, self.settings["DEFAULT_LANG"],
                    publisher(name, siteurl, Path(self.settings["THEME"], "static", logo),
                              f"{self.settings['THEME_STATIC_DIR']}/{logo}"))

    # Social cards are drawn in the background from generate_context on, copied from their cache at the end.
    def card_of(self, canvas):
        return card_for(canvas, self.industry_names[canvas.industry.slug], self.settings["SITENAME"])

    def site_card(self, canvases):
        return site_card("Business Model Canvas gallery",
                         f"{canvas_kinds(canvases)} in {len(self.industry_pages)} industries", self.settings["SITENAME"])

    def write_downloads(self, canvases):
        """The JSON and YAML download of each canvas, linked from the cache (file_cache.py) by content hash."""
        files = export_files(canvases, self.seeds_path(), self.setting("CANVAS_JSON_SAVE_AS"),
                             self.setting("CANVAS_YAML_SAVE_AS"), self.settings["SITEURL"], self.settings["SITENAME"])
        write_cached(files, Path(self.settings["CACHE_PATH"]) / DOWNLOAD_CACHE, self.output_path)

    def write_feed(self, site: Site) -> int:
        """The Atom feed of the newest canvases; how many it lists."""
        feed_path = self.setting("CANVAS_FEED_ATOM")
        canvases = recent_canvases([page.canvas for page in self.canvas_pages], self.setting("CANVAS_FEED_LIMIT"))
        xml = canvas_feed(canvases, title=f"{site.name}: new and updated canvases", site_url=site.absolute(""),
                          feed_url=site.absolute(feed_path), description=self.settings.get("SITE_TAGLINE", ""),
                          canvas_url=lambda canvas: site.absolute(canvas.url), language=site.language,
                          author=self.settings.get("AUTHOR", ""))
        write_file(self.output_path, feed_path, xml.encode("utf-8"))
        return len(canvases)


def add_template_helpers(pelican):
    """Gives the templates the plugin's settings with their defaults, the sitemap's URL helper and the
    fallback breadcrumbs (signal: initialized)."""
    settings = pelican.settings
    apply_defaults(settings)
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "url_of": url_of}
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "page_breadcrumb_list": page_breadcrumb_list,
                                 "site_breadcrumb_list": site_breadcrumb_list}
