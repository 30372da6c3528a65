"""Canvas + its related canvases -> the sections of its analysis text, as HTML ready for the template.

An introduction, then one section per block in the order the canvas is usually filled in (customers
first, costs last). A block with editor prose shows that prose; the others get text written here from
the canvas data: its concrete items in sentences, one or two traits read from them (traits.py) and a
comparison with a related canvas. Phrasings are picked by a hash of slug and block (english.choose),
so two pages rarely share a sentence shape and every build writes the same words.

Every section, editor-written or generated, links the first mention of another company that has a
canvas (mentions.py). Generated sections carry ``generated=True`` (``data-generated`` in the page).
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import BLOCKS_BY_KEY
from .english import (Lexicon, capitalize_first, choose, count_of, join_list, number_word, possessive,
                      strip_parentheticals)
from .mentions import CANVAS_SUFFIX, Mentions
from .model import Canvas
from .prose import render_prose
from .terms import TermStats, best_item_match
from .traits import channel_kinds, cost_kinds, customer_kinds, leading_revenue_model, positioning, revenue_models

INTRODUCTION = "introduction"
# The order in which a canvas is usually filled in: who it is for, what they get, how, then the engine room.
SECTION_ORDER = ("customer_segments", "value_propositions", "channels", "customer_relationships",
                 "revenue_streams", "key_resources", "key_activities", "key_partners", "cost_structure")
NAMED_FIRST = 3  # items named in a section's first sentence
NAMED_MORE = 3  # items named in the sentence after it
COMPARABLE = 3.0  # shared weight (summed IDF of two or more terms) before two items count as "the same idea"

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

OPENINGS = {
    "customer_segments": (
        "{name} sells to {count}, led by {list}.",
        "The customers {name} has in mind are {list}.",
        "On the demand side, {name} serves {list}.",
        "{name} builds its business around {list}.",
        "{its} canvas names {count}: {list}.",
    ),
    "value_propositions": (
        "{name} asks customers to choose it for {list}.",
        "What {name} offers comes down to {list}.",
        "The case for buying from {name} rests on {list}.",
        "{its} canvas lists {count}: {list}.",
    ),
    "channels": (
        "{name} reaches its customers through {list}.",
        "{its} offer gets to buyers via {list}.",
        "To get in front of buyers, {name} uses {list}.",
        "{its} canvas names {count} for reaching customers, among them {list}.",
    ),
    "customer_relationships": (
        "{name} keeps customers close through {list}.",
        "{its} relationship with customers runs on {list}.",
        "To bring buyers back, {name} relies on {list}.",
        "Loyalty at {name} is built with {list}.",
    ),
    "revenue_streams": (
        "{name} earns its money from {list}.",
        "{its} canvas counts {count}, with {list} at the top.",
        "At {name}, money comes in through {list}.",
        "{its} income rests on {list}.",
    ),
    "key_resources": (
        "{name} depends on {list}.",
        "The assets that matter most to {name} are {list}.",
        "Behind the offer, {name} holds {list}.",
        "{its} canvas names {count}, starting with {list}.",
    ),
    "key_activities": (
        "Day to day, {name} spends its effort on {list}.",
        "The work that keeps {name} running includes {list}.",
        "{its} core activities are {list}.",
        "Most of {its} effort goes into {list}.",
    ),
    "key_partners": (
        "{name} works with {list}.",
        "Outside its own walls, {name} leans on {list}.",
        "The partners {name} cannot do without include {list}.",
        "{its} canvas names {count}, among them {list}.",
    ),
    "cost_structure": (
        "{name} spends most on {list}.",
        "The big costs for {name} are {list}.",
        "On the cost side, {its} canvas lists {list}.",
        "Running {name} means paying for {list}.",
    ),
}

MORE_ITEMS = (
    "The block also lists {rest}.",
    "Beyond those, {its} canvas adds {rest}.",
    "{name} also counts {rest}.",
    "Further entries cover {rest}.",
    "The list goes on with {rest}.",
)

SIMILAR = (
    "Compare {other}, where the same block lists {their}.",
    "There is a parallel in {other}, which counts {their} among its {nouns}.",
    "{other} shows a similar choice, listing {their}.",
    "The closest match is in {other}, with {their}.",
    "The same idea turns up in {other} as {their}.",
)

CONTRAST = (
    "{other}, by contrast, leans on {their}.",
    "Set this beside {other}, where the same block holds {their}.",
    "A different answer appears in {other}, built around {their}.",
    "{other} takes another route here, with {their}.",
)

TRAITS = {
    ("customer_segments", "both"): (
        "Selling to individual people and to organisations at once, {name} runs two kinds of selling side by side.",
        "The mix of people and organisations means {name} has to win over two very different buyers.",
    ),
    ("customer_segments", "organisations"): (
        "Every group here is an organisation, which makes {name} a business-to-business seller at heart.",
        "These are organisations rather than individuals, so contracts and sales cycles shape how {name} grows.",
    ),
    ("customer_segments", "people"): (
        "All of them are individuals, so {name} wins or loses with consumer taste.",
        "These are people buying for themselves, which puts brand and convenience first for {name}.",
    ),
    ("channels", "mixed"): (
        "{name} combines digital routes with physical ones.",
        "Screens and physical places sit side by side in how {name} sells.",
    ),
    ("channels", "online"): (
        "All of these routes are digital for {name}.",
        "Every route here runs through a screen rather than a counter.",
    ),
    ("channels", "physical"): (
        "These routes are physical: buyers meet {name} in a place, not on a screen.",
        "For {name} the customer still walks in somewhere to buy.",
    ),
    ("channels", "third-party"): (
        "Part of the reach is borrowed from third parties, trading margin for coverage {name} would not build alone.",
        "Some of this reach belongs to intermediaries, who take a share in return.",
    ),
    ("revenue_streams", "models"): (
        "Put simply, the money comes from {models}.",
        "In short, {name} earns through {models}.",
        "That adds up to a model built on {models}.",
    ),
    ("cost_structure", "kinds"): (
        "Between them these lines cover {kinds}.",
        "The spending is weighted towards {kinds}.",
        "Most of the money goes on {kinds}.",
    ),
    ("key_partners", "canvases"): (
        "{companies} also {have} in this gallery.",
        "Readers can follow {companies} to {their_canvas} here.",
    ),
}

COST_WORDS = {
    "people": "staff", "technology": "technology", "marketing": "marketing", "content": "content rights",
    "production": "production", "logistics": "logistics", "property": "sites and property",
}
REVENUE_WORDS = {
    "subscriptions": "subscriptions", "advertising": "advertising", "commissions": "commissions",
    "transaction fees": "transaction fees", "licensing": "licensing", "interest": "interest income",
    "product sales": "product sales", "services": "paid services", "usage charges": "usage charges",
    "fees": "fees",  # only the leading revenue model: fees of no particular kind
}


@dataclass(frozen=True)
class AnalysisSection:
    block_key: str  # a block key, or "introduction"
    heading: str  # empty for the introduction
    html: str
    generated: bool  # written here from the canvas data, not by an editor


@dataclass
class AnalysisContext:
    """What every canvas's analysis needs to know about the whole gallery; build it once."""

    by_slug: dict[str, Canvas]
    stats: TermStats
    lexicon: Lexicon
    mentions: Mentions


def analysis_context(canvases: list[Canvas], urls: dict[str, str] | None = None) -> AnalysisContext:
    """``urls`` maps slug -> URL of the canvas page (the generator knows SITEURL); default ``/canvas/<slug>/``."""
    urls = urls if urls is not None else {c.slug: f"/{c.url or f'canvas/{c.slug}/'}" for c in canvases}
    return AnalysisContext({c.slug: c for c in canvases}, TermStats.from_canvases(canvases),
                           Lexicon.from_canvases(canvases), Mentions.from_canvases(canvases, urls))


class _Writer:
    def __init__(self, canvas: Canvas, related: list[Canvas], context: AnalysisContext):
        self.canvas, self.related, self.context = canvas, related, context
        self.uses = {other.slug: 0 for other in related}  # spread comparisons over the related canvases

    # -- small pieces ------------------------------------------------------------------------------

    def pick(self, options, *slot):
        return choose(options, self.canvas.slug, *slot)

    def items(self, canvas: Canvas, key: str) -> list[str]:
        return [self.context.lexicon.in_sentence(item) for item in canvas.items[key]]

    def reference(self, other: Canvas, key: str) -> str:
        """How a sentence names another canvas; mentions.py turns the first one into a link."""
        return self.pick((f"the {other.name}{CANVAS_SUFFIX}", other.name, f"the {other.name}{CANVAS_SUFFIX}"),
                         key, "reference", other.slug)

    def fill(self, template: str, **slots) -> str:
        values = {"name": self.canvas.name, "its": possessive(self.canvas.name), **slots}
        return capitalize_first(template.format(**values))

    # -- comparisons -------------------------------------------------------------------------------

    def comparison(self, key: str) -> str | None:
        """One sentence setting this block beside a related canvas: a shared idea, or a different answer."""
        if not self.related:
            return None
        matches = []
        for order, other in enumerate(self.related):
            match = best_item_match(key, self.canvas.items[key], other.items[key], self.context.stats)
            if match and match.weight >= COMPARABLE and len(match.shared) >= 2:
                matches.append((self.uses[other.slug], -match.weight, order, other, match))
        if matches:
            _, _, _, other, match = min(matches, key=lambda m: m[:3])
            self.uses[other.slug] += 1
            their = self.context.lexicon.in_sentence(strip_parentheticals(other.items[key][match.theirs]))
            template = self.pick(SIMILAR, key, "similar")
            return self.fill(template, other=self.reference(other, key), their=their, nouns=ITEM_NOUNS[key][1])
        shortlist = sorted(self.related[:4], key=lambda o: (self.uses[o.slug], self.related.index(o)))
        other = shortlist[0] if self.pick((0, 1, 2), key, "contrast?") else None
        if other is None:
            return None
        self.uses[other.slug] += 1
        their = join_list([strip_parentheticals(i) for i in self.items(other, key)[:2]])
        return self.fill(self.pick(CONTRAST, key, "contrast"), other=self.reference(other, key), their=their)

    # -- traits ------------------------------------------------------------------------------------

    def trait(self, key: str) -> str | None:
        canvas = self.canvas
        if key == "customer_segments":
            kinds = customer_kinds(canvas)
            kind = "both" if len(kinds) == 2 else kinds[0] if kinds else None
            return kind and self.fill(self.pick(TRAITS[(key, kind)], key, "trait"))
        if key == "channels":
            kinds = channel_kinds(canvas)
            if "online" in kinds and "physical" in kinds:
                kind = "mixed"
            elif "third-party" in kinds and self.pick((0, 1), key, "third"):
                kind = "third-party"
            else:
                kind = next((k for k in ("online", "physical", "third-party") if k in kinds), None)
            return kind and self.fill(self.pick(TRAITS[(key, kind)], key, "trait"))
        if key == "revenue_streams":
            models = [REVENUE_WORDS[m] for m in revenue_models(canvas)][:3]
            return models and self.fill(self.pick(TRAITS[(key, "models")], key, "trait"), models=join_list(models))
        if key == "cost_structure":
            kinds = [COST_WORDS[k] for k in cost_kinds(canvas)][:3]
            return kinds and self.fill(self.pick(TRAITS[(key, "kinds")], key, "trait"), kinds=join_list(kinds))
        if key == "key_partners":
            found = []
            for item in canvas.items[key]:
                for _, _, slug in self.context.mentions.find(item, canvas.slug):
                    if slug not in found:
                        found.append(slug)
            if not found:
                return None
            names = [self.context.by_slug[slug].name for slug in found[:3]]
            many = len(names) > 1
            return self.fill(self.pick(TRAITS[(key, "canvases")], key, "trait"), companies=join_list(names),
                             have="have canvases" if many else "has a canvas", their_canvas="their canvases" if many else "its canvas")
        return None

    # -- sections ----------------------------------------------------------------------------------

    def block_sentences(self, key: str) -> list[str]:
        items = self.items(self.canvas, key)
        singular, plural = ITEM_NOUNS[key]
        first, more = items[:NAMED_FIRST], items[NAMED_FIRST:NAMED_FIRST + NAMED_MORE]
        left = len(items) - len(first) - len(more)
        opening = self.pick(OPENINGS[key], key, "opening")
        sentences = [self.fill(opening, list=join_list(first), count=count_of(len(items), singular, plural))]
        if more:
            if left:
                more.append(f"{number_word(left)} further {singular if left == 1 else plural}")
            sentences.append(self.fill(self.pick(MORE_ITEMS, key, "more"), rest=join_list(more)))
        for extra in (self.trait(key), self.comparison(key)):
            if extra:
                sentences.append(extra)
        return sentences

    def introduction(self) -> list[str]:
        canvas = self.canvas
        industry = canvas.industry.name
        place = canvas.headquarters
        if canvas.founded:
            opening = self.pick((
                f"{canvas.name} was founded in {canvas.founded}" + (f" and is based in {place}" if place else "")
                + f"; the gallery files it under {industry}.",
                f"Founded in {canvas.founded}" + (f" and headquartered in {place}" if place else "")
                + f", {canvas.name} appears in this gallery under {industry}.",
                f"In business since {canvas.founded}, {canvas.name} is one of the canvases filed under {industry}"
                + (f", with its head office in {place}." if place else "."),
            ), "intro")
        else:
            opening = self.pick((
                f"{canvas.name}" + (f", based in {place}," if place else "") + f" appears here under {industry}.",
                f"The gallery files {canvas.name}" + (f", based in {place}," if place else "") + f" under {industry}.",
            ), "intro")
        sentences = [capitalize_first(opening)]
        total = sum(len(items) for items in canvas.items.values())
        # Only what the canvas itself says: which model its first (largest) revenue stream belongs to.
        leading = leading_revenue_model(canvas)
        counts = self.pick((
            f"Its canvas fills the nine blocks with {total} entries",
            f"The {total} entries on its canvas span all nine blocks",
        ), "intro", "count")
        sentences.append(counts + (f", and its revenue block leads with {REVENUE_WORDS[leading]}." if leading else "."))
        stance = positioning(canvas)
        if stance:
            opposite = next((o for o in self.related if positioning(o) not in ("", stance)), None)
            claim = self.pick({
                "premium": ("It aims at the top of its market", "It sells on quality and image rather than price"),
                "low-cost": ("It competes on price", "Low prices are central to what it offers"),
            }[stance], "intro", "stance")
            if opposite is not None:
                sentences.append(f"{claim}, a contrast with the {positioning(opposite)} positioning in "
                                 f"the {opposite.name}{CANVAS_SUFFIX}.")
            else:
                sentences.append(f"{claim}.")
        if self.related:
            names = join_list([other.name for other in self.related[:3]])
            sentences.append(self.pick((
                f"Where it helps, the sections below set {canvas.name} beside {names}.",
                f"Along the way the blocks are compared with {names}.",
                f"For comparison, the text draws on the canvases of {names}.",
            ), "intro", "related"))
        return sentences


def _paragraph_html(sentences: list[str], mentions: Mentions, own_slug: str) -> str:
    """Sentences -> one escaped <p>, with the section's first mentions of other companies linked."""
    return f"<p>{mentions.linked_html(' '.join(sentences), own_slug)}</p>"


def analysis_sections(canvas: Canvas, related: list[Canvas] | None = None,
                      context: AnalysisContext | None = None) -> list[AnalysisSection]:
    """The introduction, then one section per block: the editor's prose where there is some,
    otherwise generated text. ``related`` are the canvases to compare with, closest first."""
    related = [other for other in (related or []) if other.slug != canvas.slug]
    context = context or analysis_context([canvas, *related])
    writer = _Writer(canvas, related, context)
    mentions = context.mentions
    sections = [AnalysisSection(INTRODUCTION, "", _paragraph_html(writer.introduction(), mentions, canvas.slug),
                                True)]
    for key in SECTION_ORDER:
        heading = BLOCKS_BY_KEY[key].label
        if canvas.analysis.get(key):
            html = render_prose(canvas.analysis[key], mentions, canvas.slug)
            sections.append(AnalysisSection(key, heading, html, False))
        elif canvas.items.get(key):
            html = _paragraph_html(writer.block_sentences(key), mentions, canvas.slug)
            sections.append(AnalysisSection(key, heading, html, True))
    return sections

