"""Canvas + its related canvases -> the sections of its analysis text, as HTML ready for the template.

Editors write the analysis of each block (the seed's ``analysis``); this module adds only what the
gallery itself knows and an editor cannot keep up to date by hand: an introduction placing the canvas
among its industry and its related canvases, and, under a block, one sentence setting it beside a
related canvas that lists a closely matching item. A block without editor prose gets a one-sentence
fallback naming its first items. Nothing is inferred that the items do not say in so many words, and a
page carries at most ``MAX_GENERATED`` generated sentences. Phrasings are picked by a hash of slug and
block (english.choose), so every build writes the same words.

Every section links the first mention of another company that has a canvas (mentions.py). Generated
text is marked ``generated`` (``data-generated`` in the page, left out of the search index).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..blocks import BLOCKS_BY_KEY
from .english import Lexicon, capitalize_first, choose, count_of, join_list, number_word, possessive
from .mentions import CANVAS_SUFFIX, Mentions
from ..model import Canvas
from .prose import render_prose
from ..relate.terms import TermStats, best_item_match, terms

INTRODUCTION = "introduction"
# The order in which a canvas is usually filled in: who it is for, what they get, how, then the engine room.
SECTION_ORDER = ("customer_segments", "value_propositions", "channels", "customer_relationships",
                 "revenue_streams", "key_resources", "key_activities", "key_partners", "cost_structure")
NAMED_FIRST = 3  # items named in a fallback sentence
MAX_GENERATED = 8  # generated sentences on one page, introduction included
# Shared weight (summed IDF of two or more terms) before two items count as the same idea; high, because a
# comparison on a weak match ("online customer service" on an airline and a toy maker) says nothing.
COMPARABLE = 5.0
# The shared terms must carry this share of the lighter item's weight: two items that share a rare word but
# are about different things ("Game Pass library" and a design library) are no match.
COVERAGE = 0.5
# At least one shared term must be this rare (used in a block by at most this many canvases): an item many
# canvases list ("Stock-based compensation") matches everywhere and tells a reader nothing.
RARE_DF = 3

# What one item of each block is called in a sentence: (singular, plural).
ITEM_NOUNS = {
    "customer_segments": ("customer group", "customer groups"),
    "value_propositions": ("promise", "promises"),
    "channels": ("channel", "channels"),
    "customer_relationships": ("way of keeping customers", "ways of keeping customers"),
    "revenue_streams": ("revenue stream", "revenue streams"),
    "key_resources": ("key resource", "key resources"),
    "key_activities": ("core activity", "core activities"),
    "key_partners": ("partner", "partners"),
    "cost_structure": ("cost line", "cost lines"),
}

# The fallback of a block no editor has written about: its first items, after a colon so that each keeps
# its own wording (items are headlines, without the articles a sentence would need).
FALLBACKS = ("{its} canvas lists {count}: {list}.", "On {its} canvas, this block holds {count}: {list}.")

# A related canvas with a closely matching item in the same block: both items quoted as written ({mine},
# {their}), so the sentence shows the difference and reads as this page's own.
SIMILAR = (
    "Where {name} lists “{mine}”, {other} lists “{their}”.",
    "{its} “{mine}” comes closest to “{their}” on {other}.",
    "{other} lists “{their}” in the same block, near {its} “{mine}”.",
    "For comparison with {its} “{mine}”, {other} lists “{their}”.",
)

# The introduction: which of the related canvases linked below come from the canvas's own industry.
IN_INDUSTRY = (
    "Of the {peers} other {industry} canvases in the gallery, {neighbours} {are} linked below as related.",
    "Within {industry}, the related {canvases} linked below {are} {neighbours}.",
    "For a comparison within {industry}, the gallery links {name} to {neighbours}.",
    "Among the related canvases below, {neighbours} {come} from {industry} as well.",
)
# Every other canvas of the industry is linked; {all} is "both" or "all" ("" for one).
WHOLE_INDUSTRY = (
    "The gallery's other {industry} {canvases}, {neighbours}, {are} {all}linked below.",
    "{name} shares the {industry} section of the gallery with {neighbours}, {all}linked below.",
    "Filed under {industry} with {name} are {neighbours}, {all}linked below.",
)
ALONE_IN_INDUSTRY = ("{name} is the only {industry} canvas in the gallery so far.",)
NONE_IN_INDUSTRY = ("None of the {peers} other {industry} canvases is among the related canvases linked below.",)


@dataclass(frozen=True)
class AnalysisSection:
    block_key: str  # a block key, or "introduction"
    heading: str  # empty for the introduction
    html: str  # the editor's prose, or a generated fallback
    comparison: str  # a generated sentence beside a related canvas, as HTML, or ""
    generated: bool  # ``html`` was written here from the canvas data, not by an editor


@dataclass
class AnalysisContext:
    """What every canvas's analysis needs to know about the whole gallery; build it once."""

    by_slug: dict[str, Canvas]
    stats: TermStats
    lexicon: Lexicon
    mentions: Mentions
    industry_sizes: dict[str, int]  # industry slug -> canvases filed under it
    turns: dict[str, int]  # canvas slug -> its place among its industry's canvases, by slug


def analysis_context(canvases: list[Canvas], urls: dict[str, str] | None = None) -> AnalysisContext:
    """``urls`` maps slug -> URL of the canvas page (the generator knows SITEURL); default ``/canvas/<slug>/``."""
    urls = urls if urls is not None else {c.slug: f"/{c.url or f'canvas/{c.slug}/'}" for c in canvases}
    members: dict[str, list[str]] = {}
    for canvas in sorted(canvases, key=lambda c: c.slug):
        members.setdefault(canvas.industry.slug, []).append(canvas.slug)
    turns = {slug: turn for slugs in members.values() for turn, slug in enumerate(slugs)}
    return AnalysisContext({c.slug: c for c in canvases}, TermStats.from_canvases(canvases),
                           Lexicon.from_canvases(canvases), Mentions.from_canvases(canvases, urls),
                           {industry: len(slugs) for industry, slugs in members.items()}, turns)


class _Writer:
    def __init__(self, canvas: Canvas, related: list[Canvas], context: AnalysisContext):
        self.canvas, self.related, self.context = canvas, related, context
        # Canvases of one industry take the introduction's phrasings in turn: pages a reader opens side by
        # side differ.
        self.turn = context.turns.get(canvas.slug, 0)
        self.uses = {other.slug: 0 for other in related}  # spread comparisons over the related canvases
        self.phrasings: set[str] = set()  # the comparison phrasings this page has used

    def pick(self, options, *slot):
        return choose(options, self.canvas.slug, *slot)

    @property
    def bare(self) -> str:
        """The name inside a sentence: "coffee shop" for a business type; "SaaS start-up" keeps its capitals."""
        name = self.canvas.name
        first = name.split()[0] if name.split() else name
        if self.canvas.is_business_type and first[:1].isupper() and first[1:].islower():
            return name[:1].lower() + name[1:]
        return name

    @property
    def name(self) -> str:
        """How sentences name the canvas: a company by its name, a business type as one ("the coffee shop business type")."""
        return f"the {self.bare} business type" if self.canvas.is_business_type else self.canvas.name

    def fill(self, template: str, **slots) -> str:
        values = {"name": self.name, "bare": self.bare, "Bare": capitalize_first(self.bare), "its": possessive(self.name),
                  **slots}
        return capitalize_first(template.format(**values))

    def reference(self, other: Canvas, key: str) -> str:
        """How a sentence names another canvas; mentions.py turns the first one into a link."""
        if other.is_business_type:  # "the Coffee Shop canvas", not "Coffee Shop's canvas"
            return self.pick((f"the {other.title_name}{CANVAS_SUFFIX}", f"the {other.title_name} canvas"),
                             key, "reference", other.slug)
        if other.name.endswith(")"):  # not "Inditex (Zara)'s canvas"
            return f"the {other.title_name}{CANVAS_SUFFIX}"
        return self.pick((f"the {other.name}{CANVAS_SUFFIX}", f"{possessive(other.name)} canvas"),
                         key, "reference", other.slug)

    def picked(self, other: Canvas) -> bool:
        return other.slug in self.canvas.related or self.canvas.slug in other.related

    def comparable(self, other: Canvas) -> bool:
        """Only canvases of the same industry, or picked by an editor, are compared block by block."""
        return other.industry.slug == self.canvas.industry.slug or self.picked(other)

    def match(self, key: str, other: Canvas):
        stats = self.context.stats
        found = best_item_match(key, self.canvas.items[key], other.items[key], stats)
        if not found or found.weight < COMPARABLE or len(found.shared) < 2:
            return None
        mine, theirs = self.canvas.items[key][found.mine], other.items[key][found.theirs]
        if mine.casefold() == theirs.casefold():
            return None  # the same entry on both: quoting it shows no difference
        rare = math.log((stats.canvas_count + 1) / (RARE_DF + 0.5))
        if not any(stats.idf(key, term) >= rare for term in found.shared):
            return None
        lighter = min(sum(stats.idf(key, term) for term in terms(item)) for item in (mine, theirs))
        return found if lighter and found.weight >= COVERAGE * lighter else None

    def comparison(self, key: str) -> str | None:
        """One sentence setting this block beside a related canvas with a closely matching item, or None."""
        matches = []
        for order, other in enumerate(self.related):
            found = self.comparable(other) and self.match(key, other)
            if found:
                matches.append((self.uses[other.slug], -found.weight, order, other, found))
        if not matches:
            return None
        _, _, _, other, found = min(matches, key=lambda m: m[:3])
        self.uses[other.slug] += 1
        # The hash's phrasing, or the next one this page has not used yet: a short page repeats none.
        start = SIMILAR.index(self.pick(SIMILAR, key, "similar"))
        options = [SIMILAR[(start + step) % len(SIMILAR)] for step in range(len(SIMILAR))]
        template = next((option for option in options if option not in self.phrasings), options[0])
        self.phrasings.add(template)
        return self.fill(template, other=self.reference(other, key), mine=self.canvas.items[key][found.mine],
                         their=other.items[key][found.theirs])

    def fallback(self, key: str) -> str:
        items = [self.context.lexicon.in_sentence(item) for item in self.canvas.items[key]]
        if len(items) > NAMED_FIRST:
            items = [*items[:NAMED_FIRST], f"{number_word(len(items) - NAMED_FIRST)} more"]
        singular, plural = ITEM_NOUNS[key]
        return self.fill(self.pick(FALLBACKS, key, "fallback"), list=join_list(items),
                         count=count_of(len(self.canvas.items[key]), singular, plural))

    def industry_sentence(self) -> str | None:
        if not self.related:
            return None
        industry = self.canvas.industry
        peers = self.context.industry_sizes.get(industry.slug, 1) - 1
        same = [other.title_name for other in self.related if other.industry.slug == industry.slug]  # all, not a few
        one = len(same) == 1
        slots = dict(industry=industry.name, come="comes" if one else "come", are="is" if one else "are",
                     canvases="canvas" if one else "canvases")
        if same and len(same) == peers:
            linked = "" if one else "both " if len(same) == 2 else "all "
            template = WHOLE_INDUSTRY[self.turn % len(WHOLE_INDUSTRY)].replace("{all}", linked)
            return self.fill(template, neighbours=join_list(same), **slots)
        if same:
            return self.fill(IN_INDUSTRY[self.turn % len(IN_INDUSTRY)], neighbours=join_list(same),
                             peers=number_word(peers), **slots)
        table = ALONE_IN_INDUSTRY if peers == 0 else NONE_IN_INDUSTRY
        return self.fill(table[self.turn % len(table)], peers=number_word(peers), **slots)



def _paragraph_html(sentences: list[str], mentions: Mentions, own_slug: str, linked: frozenset = frozenset()) -> str:
    """Sentences -> one escaped <p>, with the section's first mentions of other companies linked."""
    return f"<p>{mentions.linked_html(' '.join(sentences), own_slug, linked)}</p>"


def analysis_sections(canvas: Canvas, related: list[Canvas] | None = None,
                      context: AnalysisContext | None = None) -> list[AnalysisSection]:
    """The introduction, then one section per block: the editor's prose, or a fallback sentence, with a
    comparison where a related canvas matches closely. ``related`` are the canvases to compare with,
    closest first. Generated sentences are spent in this order until ``MAX_GENERATED``: the industry
    sentence, fallbacks, the cross-industry tie, comparisons."""
    related = [other for other in (related or []) if other.slug != canvas.slug]
    context = context or analysis_context([canvas, *related])
    writer = _Writer(canvas, related, context)
    budget = MAX_GENERATED
    # A business type's kind and examples stand above the canvas (canvas_kind.html): the text does not repeat them.
    intro = [sentence for sentence in (writer.industry_sentence(),) if sentence]
    budget -= len(intro)
    missing = [key for key in SECTION_ORDER if not canvas.analysis.get(key) and canvas.items.get(key)]
    fallbacks = {key: writer.fallback(key) for key in missing[:budget]}
    budget -= len(fallbacks)
    mentions = context.mentions
    sections = []
    if intro:
        sections.append(AnalysisSection(INTRODUCTION, "", _paragraph_html(intro, mentions, canvas.slug), "", True))
    for key in SECTION_ORDER:
        prose, fallback = canvas.analysis.get(key, ""), fallbacks.get(key, "")
        if not prose and not fallback:
            continue
        comparison = writer.comparison(key) if budget > 0 else None
        budget -= bool(comparison)
        linked = frozenset(slug for _, _, slug in mentions.find(prose or fallback, canvas.slug))
        compared = _paragraph_html([comparison], mentions, canvas.slug, linked) if comparison else ""
        heading = BLOCKS_BY_KEY[key].label
        if prose:
            sections.append(AnalysisSection(key, heading, render_prose(prose, mentions, canvas.slug), compared, False))
        else:
            sections.append(AnalysisSection(key, heading, _paragraph_html([fallback], mentions, canvas.slug), compared,
                                            True))
    return sections
