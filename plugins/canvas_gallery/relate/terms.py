"""Item text -> normalised terms (lowercase, stop words out, light stemming) and their weights.

related.py ranks canvases with these terms and analysis.py uses them to find the items two canvases
have in common, so both agree on what "shared" means.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..blocks import BLOCK_KEYS
from ..plumbing.gallery_memo import per_gallery
from ..model import Canvas

STOP_WORDS = frozenset("""
a about above across after against all also am among an and any are around as at be been before being
below between both but by can could did do does doing down during each either etc even every few for
from further had has have having he her here hers him his how i if in into is it its itself just least
less many may me might more most much must my no nor not of off on once one only or other others our
out over own per same several she should since so some such than that the their them then there these
they this those through to too under until up upon us very via was we well were what when where which
while who whom whose why will with within without would yet you your
including includes mainly mostly largely especially e.g eg i.e ie new main key
""".split())

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'+.-]*[a-z0-9+]|[a-z0-9]")
_VOWELS = set("aeiouy")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer (plurals, -ing, -ed, a final e): "partners" and "partner",
    "stores" and "store", "shipping" and "ship" meet; it only has to agree with itself."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 4 and _VOWELS & set(base):
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # shipping -> ship
            word = base
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=None)
def terms(text: str) -> tuple[str, ...]:
    """The normalised terms of a piece of text, in order, repeats kept (cached: items repeat a lot)."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    found = []
    for token in _TOKEN.findall(text):
        token = token.removesuffix("'s").strip("'.")
        if not token or token.isdigit():
            continue
        if "-" in token:  # "low-cost": the joined word and its parts
            parts = [part for part in token.split("-") if part]
            found.extend(stem(part) for part in parts
                         if len(part) > 1 and part not in STOP_WORDS and not part.isdigit())
            token = "".join(parts)
        if token and token not in STOP_WORDS and len(token) > 1:
            found.append(stem(token))
    return tuple(found)


@functools.lru_cache(maxsize=None)
def _term_set(item: str) -> frozenset[str]:
    return frozenset(terms(item))  # cached: best_item_match asks for the same items again and again


@functools.lru_cache(maxsize=65536)
def _block_terms(items: tuple) -> tuple[tuple[frozenset, ...], frozenset]:
    """Each item's terms, and all of them: a block is compared with many others."""
    sets = tuple(_term_set(item) for item in items)
    return sets, frozenset().union(*sets)


@dataclass(eq=False)  # hashed by identity: one per gallery, a key of best_item_match's memo
class TermStats:
    """How many canvases use each (block, term): the basis of every weight."""

    canvas_count: int
    document_frequency: dict[tuple[str, str], int]

    @classmethod
    def from_canvases(cls, canvases: list[Canvas]) -> "TermStats":
        """Counted once per gallery: related.py and analysis.py share the result."""
        return _count_terms(canvases)

    def idf(self, block_key: str, term: str) -> float:
        """Rare terms weigh more; a term every canvas uses weighs almost nothing."""
        weight = self._idf.get((block_key, term))
        if weight is None:
            df = self.document_frequency.get((block_key, term), 0)
            weight = self._idf[(block_key, term)] = math.log((self.canvas_count + 1) / (df + 0.5)) if df else 0.0
        return weight

    def __post_init__(self):
        self._idf: dict[tuple[str, str], float] = {}  # computed once per (block, term)


@per_gallery
def _count_terms(canvases: list[Canvas]) -> TermStats:
    frequency: Counter = Counter()
    for canvas in canvases:
        for key in BLOCK_KEYS:
            frequency.update({(key, term) for item in canvas.items.get(key, ()) for term in terms(item)})
    return TermStats(len(canvases), dict(frequency))


@dataclass(frozen=True)
class ItemMatch:
    """The best pair of items two canvases have in one block, and how much they share."""

    weight: float
    mine: int  # index into the first canvas's items
    theirs: int  # index into the second canvas's items
    shared: frozenset


def best_item_match(block_key: str, mine, theirs, stats: TermStats) -> ItemMatch | None:
    """The pair of items (one from each list) sharing the most weight, ties broken by item order."""
    return _best_item_match(block_key, tuple(mine), tuple(theirs), stats)


# A canvas's related links give the reason for each link (related.py), then its text compares the same
# blocks with the same canvases (analysis.py), one canvas after the other in one worker: a short memory
# answers the second asking.
@functools.lru_cache(maxsize=1024)
def _best_item_match(block_key: str, mine: tuple, theirs: tuple, stats: TermStats) -> ItemMatch | None:
    best, best_weight = None, 0.0
    my_terms, _ = _block_terms(mine)
    their_terms, all_theirs = _block_terms(theirs)
    for i, my_set in enumerate(my_terms):
        if my_set.isdisjoint(all_theirs):
            continue  # most items share no term with any of the other block's
        for j, their_set in enumerate(their_terms):
            if my_set.isdisjoint(their_set):
                continue
            shared = my_set & their_set
            weight = round(sum(stats.idf(block_key, term) for term in shared), 9)
            if best is None or weight > best_weight:
                best, best_weight = (i, j, shared), weight
    return None if best is None else ItemMatch(best_weight, *best)
