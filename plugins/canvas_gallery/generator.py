"""The Pelican generator: turns seed canvases into canvas, industry and gallery pages."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

from pelican.generators import Generator

from .analysis import analysis_sections
from .model import Canvas, Industry
from .related import related_to
from .seeds import load_gallery
from .settings import setting

logger = logging.getLogger(__name__)


@dataclass
class IndustryPage:
    industry: Industry
    canvases: list[Canvas]
    url: str
    save_as: str

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


class CanvasGenerator(Generator):
    """Loads ``CANVAS_SEEDS_PATH`` in ``generate_context`` and writes the pages in ``generate_output``."""

    def seeds_path(self) -> str:
        path = setting(self.settings, "CANVAS_SEEDS_PATH")
        # Relative paths are relative to the content folder's parent, where pelicanconf.py lives.
        return path if os.path.isabs(path) else os.path.join(os.path.dirname(self.path), path)

    def generate_context(self):
        gallery = load_gallery(self.seeds_path(), include_drafts=setting(self.settings, "CANVAS_INCLUDE_DRAFTS"))
        for canvas in gallery.canvases:
            canvas.url = setting(self.settings, "CANVAS_URL").format(slug=canvas.slug)
            canvas.save_as = setting(self.settings, "CANVAS_SAVE_AS").format(slug=canvas.slug)
        self.industry_pages = [
            IndustryPage(
                industry,
                [canvas for canvas in gallery.canvases if canvas.industry == industry],
                setting(self.settings, "INDUSTRY_URL").format(slug=industry.slug),
                setting(self.settings, "INDUSTRY_SAVE_AS").format(slug=industry.slug),
            )
            for industry in gallery.industries
        ]
        pages_by_industry = {page.slug: page for page in self.industry_pages}
        by_slug = gallery.by_slug()
        count = setting(self.settings, "CANVAS_RELATED_COUNT")
        self.canvas_pages = []
        for canvas in gallery.canvases:
            links = related_to(canvas, gallery.canvases, count)
            self.canvas_pages.append(
                CanvasPage(
                    canvas,
                    pages_by_industry[canvas.industry.slug],
                    [(by_slug[link.slug], link.reason) for link in links],
                    analysis_sections(canvas),
                )
            )
        self.context["canvases"] = gallery.canvases
        self.context["industry_pages"] = self.industry_pages
        self.context["canvas_pages"] = self.canvas_pages
        logger.info("Canvas Gallery: %d canvases in %d industries", len(gallery.canvases), len(self.industry_pages))

    def generate_output(self, writer):
        canvas_template = self.get_template("canvas")
        for page in self.canvas_pages:
            writer.write_file(page.canvas.save_as, canvas_template, self.context, page=page, canvas=page.canvas,
                              url=page.canvas.url)
        industry_template = self.get_template("industry")
        for industry_page in self.industry_pages:
            writer.write_file(industry_page.save_as, industry_template, self.context, industry_page=industry_page,
                              url=industry_page.url)
        writer.write_file(setting(self.settings, "GALLERY_SAVE_AS"), self.get_template("gallery"), self.context,
                          url="")
