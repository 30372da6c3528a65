"""Canvas list -> related canvases for each, with a short reason a visitor can read.

How related two canvases are is one symmetric score:

- per block, the cosine of their TF-IDF term vectors (terms.py), weighted by block: customers and
  revenue count most, costs least;
- plus a bonus for the same industry, for sharing revenue models (traits.py), for sharing business-model
  patterns (shared_patterns.py, ``CANVAS_PATTERN_WEIGHT``), and for an editor of the other canvas having
  picked this one ("symmetric-aware": a pick is a hint in both directions).

Dot products go through an inverted index (term -> canvases using it, as numpy arrays), so a canvas is
only compared with canvases it shares a term with; terms used by a large share of all canvases carry almost no
weight and are left out of the index, which keeps large galleries fast. Canvases that
share no term but are in the same industry or earn money the same way are found by group, not by
comparing every pair. Editor-set ``related`` slugs come first; ties are broken by slug.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..blocks import BLOCK_KEYS
from ..writeup.english import Lexicon, join_list
from ..plumbing.forked import map_forked
from ..model import Canvas
from .shared_patterns import DEFAULT_PATTERN_WEIGHT, PatternOverlap, shared_pattern_reasons
from .terms import TermStats, best_item_match, terms
from .traits import revenue_models

# How much a perfect match in each block adds to the score.
BLOCK_WEIGHTS = {
    "customer_segments": 1.5,
    "revenue_streams": 1.4,
    "value_propositions": 1.2,
    "channels": 1.0,
    "key_partners": 0.9,
    "key_activities": 0.8,
    "key_resources": 0.8,
    "customer_relationships": 0.8,
    "cost_structure": 0.6,
}
INDUSTRY_WEIGHT = 0.6
REVENUE_WEIGHT = 0.4  # times the Jaccard overlap of the two sets of revenue models
PICKED_BY_OTHER_WEIGHT = 1.0  # the other canvas's editor lists this one: an editor's judgement beats any guess
# Terms are indexed rarest first while the pair updates they cost (the sum of df squared) stay within
# this budget: every term of a gallery of hundreds, only the telling ones of a gallery of 10,000.
INDEX_BUDGET = 4_000_000
# A block must add at least this much before "also sells through ..." is offered as the reason.
STRONG_BLOCK = 0.12

# "<other canvas> also <verb> <its item>"
REASON_VERBS = {
    "key_partners": "works with",
    "key_activities": "focuses on",
    "key_resources": "relies on",
    "value_propositions": "offers",
    "customer_relationships": "keeps customers with",
    "channels": "sells through",
    "customer_segments": "serves",
    "cost_structure": "spends on",
    "revenue_streams": "earns from",
}


@dataclass(frozen=True)
class RelatedLink:
    slug: str
    reason: str


@dataclass
class _Profile:
    canvas: Canvas
    blocks: dict  # block key -> {term: weight}, each block unit length times sqrt(block weight)
    revenue: frozenset
    industry: str = ""

    def __post_init__(self):
        self.industry = self.canvas.industry.slug


def _indexed_terms(stats: TermStats) -> set:
    """The (block, term) keys worth indexing: rarest first, within INDEX_BUDGET pair updates."""
    indexed, cost = set(), 0
    for key, df in sorted(stats.document_frequency.items(), key=lambda pair: (pair[1], pair[0])):
        cost += df * df
        if cost > INDEX_BUDGET:
            break
        indexed.add(key)
    return indexed


def _postings(profiles: list[_Profile]) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """(block, term) -> (indexes of the canvases using it, their weights for it), in canvas order."""
    lists = defaultdict(lambda: ([], []))
    for i, profile in enumerate(profiles):
        for key, vector in profile.blocks.items():
            for term, weight in vector.items():
                indexes, weights = lists[(key, term)]
                indexes.append(i)
                weights.append(weight)
    return {key: (np.array(indexes, dtype=np.intp), np.array(weights)) for key, (indexes, weights) in lists.items()}


def _best_first(scores: np.ndarray, chunk: int = 256):
    """(index, score) of the non-zero scores, highest first, ties by index; sorted in numpy and handed out
    a chunk at a time, since the caller mostly stops after the first few."""
    found = np.flatnonzero(scores)
    values = scores[found]
    order = np.lexsort((found, -values))
    for start in range(0, len(order), chunk):
        part = order[start:start + chunk]
        yield from zip(found[part].tolist(), values[part].tolist())


def _profiles(canvases: list[Canvas], stats: TermStats) -> list[_Profile]:
    indexed = _indexed_terms(stats)
    profiles = []
    for canvas in canvases:
        blocks = {}
        for key in BLOCK_KEYS:
            counts = Counter(term for item in canvas.items.get(key, ()) for term in terms(item))
            weights = {
                term: (1 + math.log(count)) * stats.idf(key, term)
                for term, count in counts.items()
                if (key, term) in indexed
            }
            norm = math.sqrt(sum(w * w for w in weights.values()))
            if norm:
                scale = math.sqrt(BLOCK_WEIGHTS[key]) / norm
                blocks[key] = {term: w * scale for term, w in weights.items() if w > 0}
        profiles.append(_Profile(canvas, blocks, frozenset(revenue_models(canvas))))
    return profiles


@functools.lru_cache(maxsize=65536)
def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0



class _Relater:
    def __init__(self, canvases: list[Canvas], pattern_weight: float = DEFAULT_PATTERN_WEIGHT):
        self.canvases = sorted(canvases, key=lambda c: c.slug)
        self.patterns = PatternOverlap(self.canvases, pattern_weight)
        self.slugs = [canvas.slug for canvas in self.canvases]
        self.index_of = {slug: i for i, slug in enumerate(self.slugs)}
        # From the caller's list, not the sorted copy: analysis.py asks for the same list and reuses them.
        self.stats = TermStats.from_canvases(canvases)
        self.lexicon = Lexicon.from_canvases(canvases)
        self.profiles = _profiles(self.canvases, self.stats)
        self.postings = _postings(self.profiles)
        self.picked_by = defaultdict(set)  # canvas index -> indexes of canvases whose editors picked it
        for i, canvas in enumerate(self.canvases):
            for slug in canvas.related:
                if slug in self.index_of:
                    self.picked_by[self.index_of[slug]].add(i)
        # Groups for canvases that share no term: same industry and revenue models, or revenue models alone.
        self.industry_groups = defaultdict(lambda: defaultdict(list))
        self.revenue_groups = defaultdict(list)
        for i, profile in enumerate(self.profiles):
            self.industry_groups[profile.canvas.industry.slug][profile.revenue].append(i)
            self.revenue_groups[profile.revenue].append(i)
        self._likeness: dict[frozenset, list] = {}  # see _alike

    def content_scores(self, i: int) -> np.ndarray:
        """Canvas i's dot product with every canvas (0 for itself and for canvases sharing no term).

        numpy's bincount adds the products in the order they are listed, term by term and posting by
        posting, as a loop of ``scores[j] += weight * other`` would: the same floats, without a Python loop."""
        pairs = [(weight, self.postings[(key, term)]) for key, vector in self.profiles[i].blocks.items()
                 for term, weight in vector.items()]
        scores = np.zeros(len(self.profiles))
        if pairs:
            indexes = np.concatenate([posting[0] for _, posting in pairs])
            products = np.concatenate([weight * posting[1] for weight, posting in pairs])
            scores = np.bincount(indexes, weights=products, minlength=len(self.profiles))
        scores[i] = 0.0
        return scores

    def score(self, i: int, j: int, content: float) -> float:
        a, b = self.profiles[i], self.profiles[j]
        total = content + REVENUE_WEIGHT * _jaccard(a.revenue, b.revenue)
        if a.industry == b.industry:
            total += INDUSTRY_WEIGHT
        if i in self.picked_by[j] or j in self.picked_by[i]:
            total += PICKED_BY_OTHER_WEIGHT
        return round(total, 9)  # rounding keeps ties ties, whatever order the sums ran in

    def ranked(self, i: int, need: int) -> list[int]:
        """The ``need`` best canvases for canvas i, best first, ties by slug."""
        # Shared patterns count as content: a canvas sharing only patterns is still found best-first.
        content = self.content_scores(i) + self.patterns.bonus(i)
        slug, profiles, industry = self.slugs, self.profiles, self.profiles[i].industry
        best: list = []  # (-score, slug, index), at most ``need``, kept sorted
        floor = float("-inf")  # the score a newcomer has to reach, once ``need`` are found

        def offer(entries):
            nonlocal best, floor
            best = heapq.nsmallest(need, set(best) | set(entries))
            if len(best) == need:
                floor = -best[-1][0]

        # Editors' picks, either way, are few: score them all.
        picked = self.picked_by[i] | {self.index_of[s] for s in self.canvases[i].related if s in self.index_of}
        offer((-self.score(i, j, float(content[j])), slug[j], j) for j in picked if j != i)
        # Content matches, best first (ties by slug: canvases are in slug order), until even the largest
        # bonus could not lift one into the list.
        batch = []
        for j, value in _best_first(content):
            if value + INDUSTRY_WEIGHT + REVENUE_WEIGHT < floor:
                break
            if j in picked:
                continue
            if profiles[j].industry != industry and value + REVENUE_WEIGHT < floor:
                continue  # cheap test before the full score
            batch.append((-self.score(i, j, value), slug[j], j))
            if len(batch) >= need:
                offer(batch)
                batch = []
        offer(batch)
        # No shared term: same industry and revenue models decide, one value per group of canvases.
        for value, members in self.fallback_groups(industry, self.profiles[i].revenue, floor):
            if value < floor:
                break
            offer((-self.score(i, j, 0.0), slug[j], j) for j in self._first_outside(members, content, picked, i, need))
        return [j for _, _, j in best]

    def fallback_groups(self, industry: str, revenue: frozenset, floor: float):
        """(bonus, members) of the groups of canvases that could still reach ``floor``, best first, for a
        canvas of this industry and these revenue models; ties in the order of each group's first canvas.

        Building and sorting every group for every canvas would dominate relating a large gallery, so
        the groups are walked lazily in order of how alike their revenue models are (one sorted list per
        set of revenue models), since the caller stops after the first few, and a list whose best
        possible bonus is below the floor is not walked at all (the floor only rises).
        """
        same_industry = any_industry = ()
        if floor <= INDUSTRY_WEIGHT + REVENUE_WEIGHT:
            same_industry = self._groups_by_likeness(INDUSTRY_WEIGHT, revenue, self.industry_groups[industry])
        if floor <= REVENUE_WEIGHT:
            any_industry = self._groups_by_likeness(0.0, revenue, self.revenue_groups)
        return heapq.merge(same_industry, any_industry, key=lambda group: -group[0])  # stable: industry first

    def _groups_by_likeness(self, bonus: float, revenue: frozenset, groups: dict):
        for likeness, models in self._alike(revenue):
            for members in sorted((groups[m] for m in models if m in groups), key=lambda members: members[0]):
                yield bonus + REVENUE_WEIGHT * likeness, members

    def _alike(self, revenue: frozenset) -> list[tuple[float, list[frozenset]]]:
        """Every set of revenue models in the gallery, grouped by Jaccard likeness to this one, most alike first."""
        if revenue not in self._likeness:
            by_likeness = defaultdict(list)
            for theirs in self.revenue_groups:
                by_likeness[_jaccard(revenue, theirs)].append(theirs)
            self._likeness[revenue] = sorted(by_likeness.items(), key=lambda pair: -pair[0])
        return self._likeness[revenue]

    @staticmethod
    def _first_outside(members: list[int], content: np.ndarray, picked: set, i: int, need: int) -> list[int]:
        """The first ``need`` members that are neither canvas i, nor picked, nor already scored by content."""
        found = []
        for j in members:  # members are in slug order
            if j != i and j not in picked and not content[j]:
                found.append(j)
                if len(found) == need:
                    break
        return found

    def block_overlap(self, i: int, j: int) -> list[tuple[float, str]]:
        """(contribution, block key) for every block the two canvases share terms in, largest first."""
        a, b = self.profiles[i].blocks, self.profiles[j].blocks
        overlaps = []
        for key in BLOCK_KEYS:
            if key in a and key in b:
                value = sum(w * b[key][t] for t, w in a[key].items() if t in b[key])
                if value > 0:
                    overlaps.append((round(value, 9), key))
        overlaps.sort(key=lambda pair: (-pair[0], BLOCK_KEYS.index(pair[1])))
        return overlaps

    def reasons(self, i: int, j: int) -> list[str]:
        """Every fitting reason for linking canvas i to canvas j, the most telling first."""
        a, b = self.profiles[i], self.profiles[j]
        strong, weak = [], []
        for value, key in self.block_overlap(i, j):
            match = best_item_match(key, a.canvas.items[key], b.canvas.items[key], self.stats)
            phrase = match and self.lexicon.short(b.canvas.items[key][match.theirs])
            if phrase and a.canvas.name not in phrase:  # "also works with Stripe" reads oddly on Stripe's page
                (strong if value >= STRONG_BLOCK else weak).append(f"also {REASON_VERBS[key]} {phrase}")
        same_industry = a.canvas.industry == b.canvas.industry
        industry = [f"same industry: {b.canvas.industry.name.lower()}"] if same_industry else []
        shared_models = sorted(a.revenue & b.revenue, key=lambda label: (label == "product sales", label))
        revenue = [f"similar revenue model: {join_list(shared_models[:2])}"] if shared_models else []
        ordered = shared_pattern_reasons(a.canvas, b.canvas) + strong + industry + revenue + weak
        if b.canvas.slug in a.canvas.related or a.canvas.slug in b.canvas.related:
            ordered.append("picked by the editors for comparison")
        return ordered or ["similar business model"]

    def links(self, i: int, count: int) -> list[RelatedLink]:
        canvas = self.canvases[i]
        picks = [self.index_of[s] for s in dict.fromkeys(canvas.related) if s in self.index_of and s != canvas.slug]
        chosen = picks[:count]
        for j in self.ranked(i, count + len(picks)):
            if len(chosen) >= count:
                break
            if j not in chosen:
                chosen.append(j)
        used: set[str] = set()
        links = []
        for j in chosen:
            options = self.reasons(i, j)
            reason = next((r for r in options if r not in used), options[0])
            used.add(reason)
            links.append(RelatedLink(self.canvases[j].slug, reason))
        return links


def related_links(canvases: list[Canvas], count: int,
                  pattern_weight: float = DEFAULT_PATTERN_WEIGHT) -> Callable[[str], list[RelatedLink]]:
    """slug -> that canvas's related links: the editor's picks, then the best matches, at most ``count``
    in all. The work shared by every canvas (term statistics, postings) is done here, once, before any
    fork; each call then relates one canvas against the whole gallery."""
    relater = _Relater(canvases, pattern_weight)
    return lambda slug: relater.links(relater.index_of[slug], count)


def relate_all(canvases: list[Canvas], count: int, workers: int = 1) -> dict[str, list[RelatedLink]]:
    """Every canvas's related links at once (slug -> links). ``workers`` > 1 shares the canvases out over
    forked processes. (The build relates each canvas just before writing its text: see related_links.)"""
    links_of = related_links(canvases, count)
    slugs = sorted(canvas.slug for canvas in canvases)
    return dict(zip(slugs, map_forked(lambda n: links_of(slugs[n]), len(slugs), workers)))
