"""The generator's part for business-model patterns: /patterns/ and one page per pattern.

A mixin of ``CanvasGenerator``: it reads the loaded gallery, hands the pages to Pelican's writer with
the ``patterns`` and ``pattern`` templates, and gives them their breadcrumbs and JSON-LD.
"""

from __future__ import annotations

from .outputs.patterns import (defined_term, defined_term_set, pattern_item_list, pattern_matrix,
                               pattern_pages)
from .settings import setting

PATTERN_SET_NAME = "Business model patterns"


class PatternPages:
    def add_pattern_context(self, gallery):
        self.pattern_pages = pattern_pages(gallery.patterns, gallery.canvases, gallery.industries,
                                           setting(self.settings, "CANVAS_PATTERN_URL"),
                                           setting(self.settings, "CANVAS_PATTERN_SAVE_AS"))
        self.context["pattern_pages"] = self.pattern_pages
        self.context["pattern_pages_by_slug"] = {page.slug: page for page in self.pattern_pages}
        self.context["pattern_matrix"] = pattern_matrix(self.pattern_pages, gallery.industries)
        # The gallery filter and the search page offer the patterns some canvas uses.
        self.context["used_pattern_pages"] = [page for page in self.pattern_pages if page.count]

    def write_pattern_pages(self, writer):
        from .generator import HOME_CRUMB  # the generator imports this module

        index_url = setting(self.settings, "CANVAS_PATTERNS_URL")
        index_crumbs = [HOME_CRUMB, ("Patterns", index_url)]
        term_set = defined_term_set(PATTERN_SET_NAME, self.absolute(index_url),
                                    [(page.pattern, self.absolute(page.url)) for page in self.pattern_pages])
        writer.write_file(setting(self.settings, "CANVAS_PATTERNS_SAVE_AS"), self.get_template("patterns"),
                          self.context, url=index_url, breadcrumbs=index_crumbs,
                          structured_data=[self.breadcrumb_data(index_crumbs), term_set])
        template = self.get_template("pattern")
        for page in self.pattern_pages:
            crumbs = index_crumbs + [(page.name, page.url)]
            term = defined_term(page, self.absolute(page.url), PATTERN_SET_NAME, self.absolute(index_url))
            listing = pattern_item_list(page, self.absolute(page.url), lambda canvas: self.absolute(canvas.url))
            writer.write_file(page.save_as, template, self.context, pattern_page=page, url=page.url,
                              breadcrumbs=crumbs, structured_data=[self.breadcrumb_data(crumbs), term, listing])
