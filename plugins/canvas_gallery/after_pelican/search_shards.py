"""Canvas slugs -> the Pagefind bundles the search index is split into, and which pages each indexes.

Pagefind holds everything it indexes in memory, a fixed amount per canvas page, and has no setting to
limit that. A large gallery is therefore indexed in parts of at most
``CANVAS_SEARCH_SHARD_SIZE`` canvas pages, one Pagefind run after another, each writing a bundle of its
own; the search page loads the first and merges the others in the browser (Pagefind's ``mergeIndex``).
A gallery that fits one part is indexed in one run into ``pagefind/``. Every run reads the canvas pages
only (the other pages have nothing to index), so it can start while Pelican writes the rest of the site.

Parts are ranges of the slug's first character, so that Pagefind's ``--glob`` can select them; the
generator (for the search page) and ``tasks.py`` (for the runs) make the same plan from the same slugs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..settings import setting

FIRST_BUNDLE = "pagefind"


@dataclass(frozen=True)
class SearchShard:
    bundle: str  # the bundle's folder in the site: pagefind, pagefind-2, ...
    glob: str  # Pagefind's --glob for the canvas pages of this part


def plan_shards(slugs, canvas_save_as: str, shard_size: int) -> list[SearchShard]:
    """One shard for a gallery of at most ``shard_size`` canvases; otherwise runs of first characters,
    each as large as fits (a single first character shared by more canvases is a shard of its own)."""
    slugs = list(slugs)
    if len(slugs) <= shard_size:
        return [SearchShard(FIRST_BUNDLE, canvas_save_as.format(slug="*"))]
    by_first = Counter(slug[0] for slug in slugs)
    groups: list[list[str]] = [[]]
    size = 0
    for first in sorted(by_first):
        if groups[-1] and size + by_first[first] > shard_size:
            groups.append([])
            size = 0
        groups[-1].append(first)
        size += by_first[first]
    return [SearchShard(FIRST_BUNDLE if number == 1 else f"{FIRST_BUNDLE}-{number}",
                        canvas_save_as.format(slug=f"[{''.join(firsts)}]*"))
            for number, firsts in enumerate(groups, start=1)]


def shards_for(settings, slugs) -> list[SearchShard]:
    """The plan for a build with these Pelican settings."""
    return plan_shards(slugs, setting(settings, "CANVAS_SAVE_AS"), setting(settings, "CANVAS_SEARCH_SHARD_SIZE"))
