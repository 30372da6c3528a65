"""Shared business-model patterns as part of how related two canvases are.

Two canvases that both sell the razor cheap and the blades dear are related whatever their items say:
their patterns' Jaccard overlap, times ``CANVAS_PATTERN_WEIGHT``, adds to the related score, and the
link's reason names a shared pattern ("also razor and blade").
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..model import Canvas

DEFAULT_PATTERN_WEIGHT = 0.5  # CANVAS_PATTERN_WEIGHT: a canvas with the very same patterns gains this much


class PatternOverlap:
    """Pattern postings over canvases in a fixed order, for overlap vectors without comparing pairs."""

    def __init__(self, canvases: list[Canvas], weight: float = DEFAULT_PATTERN_WEIGHT):
        self.weight = weight
        self.sets = [frozenset(use.pattern.slug for use in canvas.patterns) for canvas in canvases]
        self.sizes = np.array([len(found) for found in self.sets], dtype=float)
        postings = defaultdict(list)
        for index, found in enumerate(self.sets):
            for slug in found:
                postings[slug].append(index)
        self.postings = {slug: np.array(indexes, dtype=np.intp) for slug, indexes in postings.items()}

    def bonus(self, i: int) -> np.ndarray:
        """Canvas i's pattern bonus with every canvas (0 for itself and for canvases sharing none)."""
        bonus = np.zeros(len(self.sets))
        if not self.weight or not self.sets[i]:
            return bonus
        shared = np.bincount(np.concatenate([self.postings[slug] for slug in sorted(self.sets[i])]),
                             minlength=len(self.sets)).astype(float)
        union = self.sizes + len(self.sets[i]) - shared
        np.divide(shared, union, out=bonus, where=shared > 0)
        bonus *= self.weight
        bonus[i] = 0.0
        return bonus

    def of_pair(self, i: int, j: int) -> float:
        a, b = self.sets[i], self.sets[j]
        return self.weight * len(a & b) / len(a | b) if a & b else 0.0


def pattern_phrase(name: str) -> str:
    """A pattern's name inside a sentence: "Razor and blade" -> "razor and blade"; "B2B2C" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def shared_pattern_reasons(mine: Canvas, theirs: Canvas) -> list[str]:
    """"also <pattern>" for each pattern of ``theirs`` that ``mine`` uses too, in the order ``theirs`` lists them."""
    own = {use.pattern.slug for use in mine.patterns}
    return [f"also {pattern_phrase(use.pattern.name)}" for use in theirs.patterns if use.pattern.slug in own]
