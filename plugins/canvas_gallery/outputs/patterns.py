"""What /patterns/ and each /pattern/<slug>/ page show: plain data from the canvases' ``patterns``.

Counts, the pattern x industry matrix, each pattern's canvases grouped by industry, the patterns most
often combined with it, and their JSON-LD (DefinedTermSet, DefinedTerm, ItemList). No HTML here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Canvas, Industry, Pattern
from .structured_data import SCHEMA, item_list

COMBINED_COUNT = 5  # "often combined with": at most this many patterns


@dataclass
class IndustryGroup:
    """The canvases of one industry that use a pattern, each with its line on how."""

    industry: Industry
    uses: list[tuple[Canvas, str]]

    @property
    def anchor(self) -> str:
        return f"industry-{self.industry.slug}"


@dataclass
class PatternPage:
    pattern: Pattern
    url: str
    save_as: str
    groups: list[IndustryGroup] = field(default_factory=list)  # in the gallery's industry order
    combined: list[tuple["PatternPage", int]] = field(default_factory=list)  # (pattern, canvases using both)

    @property
    def slug(self) -> str:
        return self.pattern.slug

    @property
    def name(self) -> str:
        return self.pattern.name

    @property
    def canvases(self) -> list[Canvas]:
        return [canvas for group in self.groups for canvas, _ in group.uses]

    @property
    def count(self) -> int:
        return sum(len(group.uses) for group in self.groups)

    def in_industry(self, slug: str) -> int:
        return next((len(group.uses) for group in self.groups if group.industry.slug == slug), 0)


@dataclass
class PatternMatrix:
    """Rows: the patterns some canvas uses, in the list's order; columns: the gallery's industries."""

    industries: list[Industry]
    rows: list[tuple[PatternPage, list[int]]]  # (pattern, canvases per industry, in column order)


def pattern_pages(patterns: list[Pattern], canvases: list[Canvas], industries: list[Industry],
                  url: str, save_as: str) -> list[PatternPage]:
    """One page per pattern of the list (also those no canvas uses yet), in the list's order."""
    pages = [PatternPage(pattern, url.format(slug=pattern.slug), save_as.format(slug=pattern.slug))
             for pattern in patterns]
    by_slug = {page.slug: page for page in pages}
    for industry in industries:
        uses: dict[str, list] = {}
        for canvas in canvases:
            if canvas.industry.slug == industry.slug:
                for use in canvas.patterns:
                    uses.setdefault(use.pattern.slug, []).append((canvas, use.how))
        for slug, found in uses.items():
            if slug in by_slug:
                by_slug[slug].groups.append(IndustryGroup(industry, found))
    together: dict[str, Counter] = {page.slug: Counter() for page in pages}
    for canvas in canvases:
        slugs = [use.pattern.slug for use in canvas.patterns if use.pattern.slug in by_slug]
        for slug in slugs:
            together[slug].update(other for other in slugs if other != slug)
    for page in pages:
        ranked = sorted(together[page.slug].items(), key=lambda pair: (-pair[1], by_slug[pair[0]].name.lower()))
        page.combined = [(by_slug[slug], count) for slug, count in ranked[:COMBINED_COUNT]]
    return pages


def pattern_matrix(pages: list[PatternPage], industries: list[Industry]) -> PatternMatrix:
    used = [page for page in pages if page.count]
    columns = [industry for industry in industries if any(page.in_industry(industry.slug) for page in used)]
    return PatternMatrix(columns, [(page, [page.in_industry(industry.slug) for industry in columns])
                                   for page in used])


def defined_term(page: PatternPage, url: str, set_name: str, set_url: str) -> dict:
    """The DefinedTerm a pattern page is, in the DefinedTermSet of /patterns/."""
    term = {"@context": SCHEMA, **_term(page.pattern, url)}
    term["inDefinedTermSet"] = {"@type": "DefinedTermSet", "name": set_name, "url": set_url}
    return term


def defined_term_set(name: str, url: str, terms: list[tuple[Pattern, str]]) -> dict:
    """Every pattern of /patterns/ as a DefinedTermSet; ``terms``: (pattern, absolute URL of its page)."""
    return {"@context": SCHEMA, "@type": "DefinedTermSet", "name": name, "url": url,
            "hasDefinedTerm": [_term(pattern, term_url) for pattern, term_url in terms]}


def _term(pattern: Pattern, url: str) -> dict:
    term = {"@type": "DefinedTerm", "name": pattern.name, "termCode": pattern.slug,
            "description": pattern.definition, "url": url}
    if pattern.aliases:
        term["alternateName"] = list(pattern.aliases)
    return term


def pattern_item_list(page: PatternPage, url: str, canvas_url) -> dict:
    """The canvases using a pattern, as the page lists them; ``canvas_url``: canvas -> absolute URL."""
    return item_list(f"Business Model Canvases using {page.name}", url,
                     [(canvas.name, canvas_url(canvas)) for canvas in page.canvases])
