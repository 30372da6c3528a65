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

from ..blocks import BLOCKS_BY_KEY
from .english import (Lexicon, capitalize_first, choose, count_of, join_list, number_word, possessive,
                      strip_parentheticals)
from .mentions import CANVAS_SUFFIX, Mentions
from ..model import Canvas
from .prose import render_prose
from ..relate.terms import TermStats, best_item_match
from ..relate.traits import (GENERIC_CUSTOMERS, channel_kinds, cost_kinds, customer_kinds, leading_revenue_model,
                             positioning, revenue_models)

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

# Trait sentences. Slots: {people} and {orgs}, the words that marked the customer groups as individuals or
# organisations ("households", "advertisers"); {online}, {physical} and {third}, what the channels are.
TRAITS = {
    ("customer_segments", "both"): (
        "Selling to {people} and to {orgs} at once, {name} runs two kinds of selling side by side.",
        "The mix of {people} and {orgs} means {name} has to win over two very different kinds of customer.",
        "{people} choose for themselves while {orgs} buy as organisations, so {name} needs two ways of selling.",
        "With {orgs} on one side and {people} on the other, {name} answers to organisations and individuals alike.",
        "{name} has to please {people} and {orgs} at the same time, and the two rarely weigh an offer the same way.",
    ),
    ("customer_segments", "organisations"): (
        "Every group here is an organisation, which makes {name} a business-to-business seller at heart.",
        "These are organisations rather than individuals, so contracts and sales cycles shape how {name} grows.",
        "With {orgs} as its buyers, {name} sells to organisations rather than to the public.",
        "Buyers such as {orgs} sign contracts and compare suppliers, so {name} sells the way business-to-business "
        "firms do.",
    ),
    ("customer_segments", "people"): (
        "All of them are individuals, so {name} wins or loses with consumer taste.",
        "These are people buying for themselves, which puts brand and convenience first for {name}.",
        "{people} decide one at a time whether {name} is worth it, with no purchasing department in between.",
        "{people} buy for themselves, not for a company, so brand and word of mouth count for more than contracts.",
    ),
    ("channels", "mixed"): (
        "{name} reaches buyers on screens, through {online}, and in physical places such as {physical}.",
        "{online} and {physical} sit side by side in how {name} sells.",
        "{name} pairs {online} with {physical}, so a buyer can come in either way.",
        "Between {online} and {physical}, {name} meets buyers both on a screen and in person.",
        "The routes run from {online} to {physical}: part digital, part bricks and mortar.",
    ),
    ("channels", "online"): (
        "All of these routes are digital for {name}.",
        "Every route here runs through a screen rather than a counter.",
        "No route here needs a shop; it all happens through {online}.",
        "Its canvas names no physical route to market; {name} sells entirely through {online} and the like.",
    ),
    ("channels", "physical"): (
        "These routes are physical: buyers meet {name} in a place, not on a screen.",
        "For {name} the customer still walks in somewhere to buy.",
        "{physical} carry the sales here, so where {name} puts them matters.",
    ),
    ("channels", "third-party"): (
        "Part of the reach is borrowed from third parties, trading margin for coverage {name} would not build alone.",
        "Some of this reach belongs to intermediaries, who take a share in return.",
        "Not every sale is {its} own: {third} stand between it and some buyers and keep part of the price.",
        "Working through {third} widens {its} reach, at the cost of a cut on each sale.",
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
        "Taken together, the cost lines are mostly about {kinds}.",
        "Read as a whole, the block says {name} pays chiefly for {kinds}.",
    ),
    ("key_partners", "canvases"): (
        "{companies} also {have} in this gallery.",
        "Readers can follow {companies} to {their_canvas} here.",
    ),
}


def _specific_first(words):
    """The telling words before "customers", "buyers" and the like."""
    return sorted(words, key=lambda word: word in GENERIC_CUSTOMERS)


# How a trait sentence names what signalled a channel kind (traits.py lists the words): nouns a sentence can carry.
CHANNEL_NOUNS = {
    "app": "apps", "online": "online sales", "website": "the web", "web": "the web", "e-commerce": "e-commerce",
    "digital": "digital channels", "social": "social media", "email": "email", "internet": "the internet",
    "mobile": "mobile apps", "platform": "online platforms", "streaming": "streaming", "search": "search",
    "retail": "retail outlets", "wholesale": "wholesalers", "franchise": "franchisees",
    "third-party": "third parties",
}

# The introduction's sentence on the canvas's shape, by what stands out: one fullest block, else one shortest,
# else two fullest; else the range of lengths (naming five blocks says less).
SHAPES = {
    "fullest": (
        "Its canvas fills the nine blocks with {total} entries, the most of them ({most}) under {fullest}.",
        "The {total} entries on its canvas span all nine blocks, and {fullest} holds the most, with {most}.",
        "Of the {total} entries on its canvas, {most} sit under {fullest}, its fullest block.",
        "{fullest} is the fullest of its nine blocks, with {most} of {total} entries.",
    ),
    "shortest": (
        "Its canvas fills the nine blocks with {total} entries; {shortest} is the shortest, with {least}.",
        "The {total} entries on its canvas span all nine blocks, {shortest} the shortest at {least}.",
        "{shortest} is the shortest of its nine blocks, with {least} of {total} entries.",
        "Its canvas is thinnest under {shortest}, with {least} of {total} entries.",
    ),
    "two fullest": (
        "Its canvas fills the nine blocks with {total} entries, {most} each under {fullest}.",
        "The {total} entries on its canvas span all nine blocks; {fullest} hold the most, {most} each.",
    ),
    "even": (
        "Its canvas fills the nine blocks with {total} entries, {least} to {most} in each.",
        "The {total} entries on its canvas spread evenly, {least} to {most} per block.",
        "Its {total} entries are spread across all nine blocks, between {least} and {most} in each.",
        "No block of its canvas stands out: each holds {least} to {most} of its {total} entries.",
        "Its {total} entries fall evenly across the nine blocks, none with fewer than {least} or more than {most}.",
    ),
}

LEADING_REVENUE = (
    "Its revenue block leads with {model}.",
    "Its revenue streams start with {model}.",
    "The first of its revenue streams is about {model}.",
    "Its list of revenue streams opens with {model}.",
    "As its canvas orders them, the largest revenue stream is about {model}.",
    "Revenue, as its canvas lists it, begins with {model}.",
)

COST_WORDS = {
    "people": "staff", "technology": "technology", "marketing": "marketing", "content": "content rights",
    "royalties": "royalties", "production": "production", "logistics": "logistics", "property": "premises",
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
            kind = "both" if len(kinds) == 2 else next(iter(kinds), None)
            people = _specific_first(kinds.get("people", ()))
            return kind and self.fill(self.pick(TRAITS[(key, kind)], key, "trait"), people=next(iter(people), ""),
                                      orgs=next(iter(kinds.get("organisations", ())), ""))
        if key == "channels":
            kinds = channel_kinds(canvas)
            if "online" in kinds and "physical" in kinds:
                kind = "mixed"
            elif "third-party" in kinds and self.pick((0, 1), key, "third"):
                kind = "third-party"
            else:
                kind = next((k for k in ("online", "physical", "third-party") if k in kinds), None)
            named = {k: CHANNEL_NOUNS.get(words[0], words[0]) for k, words in kinds.items()}
            return kind and self.fill(self.pick(TRAITS[(key, kind)], key, "trait"), online=named.get("online"),
                                      physical=named.get("physical"), third=named.get("third-party"))
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

    def shape(self) -> str:
        """How many entries the canvas has, and which block is the fullest or the shortest."""
        canvas = self.canvas
        sizes = {key: len(canvas.items.get(key, ())) for key in SECTION_ORDER}
        total, most, least = sum(sizes.values()), max(sizes.values()), min(sizes.values())
        fullest = [BLOCKS_BY_KEY[key].label for key in SECTION_ORDER if sizes[key] == most]
        shortest = [BLOCKS_BY_KEY[key].label for key in SECTION_ORDER if sizes[key] == least]
        kind = ("fullest" if len(fullest) == 1 else "shortest" if len(shortest) == 1
                else "two fullest" if len(fullest) == 2 else "even")
        return self.pick(SHAPES[kind], "intro", "count").format(
            total=total, most=most, least=least, fullest=join_list(fullest), shortest=join_list(shortest))

    def leading_revenue(self) -> str | None:
        """Only what the canvas itself says: which model its first, largest, revenue stream belongs to."""
        leading = REVENUE_WORDS.get(leading_revenue_model(self.canvas))
        return leading and self.pick(LEADING_REVENUE, "intro", "leading").format(model=leading)

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
        sentences.append(self.shape())
        leading = self.leading_revenue()
        if leading:
            sentences.append(leading)
        stance = positioning(canvas)
        if stance:
            opposite = next((o for o in self.related if positioning(o) not in ("", stance)), None)
            claim = self.pick({
                "premium": ("It aims at the top of its market", "It sells on quality and image rather than price",
                            "Price is not what its offer is about", "It places itself at the upper end of its market"),
                "low-cost": ("It competes on price", "Low prices are central to what it offers",
                             "It wins customers by costing less", "Keeping prices low is a large part of its pitch"),
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

