"""How far one edited item reaches: the share of canvases whose links or text could change with it.

A canvas's related links and analysis depend on the weight (idf) of every term in its own blocks and in
the same blocks of the canvases it links to. An edit changes the weight of the edited item's terms, so
an exact per-canvas cache would have to redo every canvas that, or one of whose links, uses one of them
in that block. This prints that share for random items of a gallery (see docs/performance.md: why the
rebuild target is not met).

    .venv/bin/python -m bench.reach seeds/           # or a bench gallery's seeds folder
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

from canvas_gallery.relate.related import relate_all
from canvas_gallery.load.seeds import load_gallery
from canvas_gallery.settings import DEFAULTS
from canvas_gallery.relate.terms import terms

SAMPLE = 200  # random items
SEED = 1  # the same sample every run


def reach_of_items(seeds_dir) -> list[float]:
    canvases = load_gallery(seeds_dir).canvases
    links = relate_all(canvases, DEFAULTS["CANVAS_RELATED_COUNT"])
    users: dict[tuple[str, str], set[str]] = {}  # (block, term) -> slugs of the canvases using it there
    for canvas in canvases:
        for key, items in canvas.items.items():
            for item in items:
                for term in terms(item):
                    users.setdefault((key, term), set()).add(canvas.slug)
    chosen = random.Random(SEED)
    shares = []
    for _ in range(SAMPLE):
        canvas = chosen.choice(canvases)
        key = chosen.choice([key for key, items in canvas.items.items() if items])
        item = chosen.choice(canvas.items[key])
        touched = set().union(*(users[(key, term)] for term in terms(item)))
        reached = [other for other in canvases
                   if other.slug in touched or any(link.slug in touched for link in links[other.slug])]
        shares.append(len(reached) / len(canvases))
    return shares


def main(argv: list[str]) -> int:
    seeds_dir = Path(argv[0] if argv else "seeds")
    shares = reach_of_items(seeds_dir)
    low, median, high = statistics.quantiles(shares, n=4)
    print(f"{seeds_dir}: one edited item can change the links or text of a median {median:.0%} of canvases "
          f"(quartiles {low:.0%} and {high:.0%}; {SAMPLE} random items)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
