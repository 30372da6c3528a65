"""What the compare page and the "Compare with…" pickers need: plain data, no HTML.

The compare page itself is static; its script reads ``compare_index`` (written as JSON) for the pickers
and each canvas's JSON download for the blocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..blocks import BLOCKS
from ..model import Canvas


@dataclass(frozen=True)
class CompareChoices:
    """The canvases offered in one canvas page's "Compare with…" picker: related ones first."""

    related: list[Canvas]
    others: list[Canvas]


def compare_choices(canvas: Canvas, related: list[Canvas], same_industry: list[Canvas], limit: int) -> CompareChoices:
    """``same_industry``: the canvases of this canvas's industry, in gallery order; at most ``limit`` of them.

    Only the same industry, and only so many: listing every canvas on every page made pages grow with
    the gallery (quadratic output in the gallery's size); the compare page's own pickers offer them all.
    """
    related_slugs = {other.slug for other in related}
    others = [other for other in same_industry if other.slug != canvas.slug and other.slug not in related_slugs]
    return CompareChoices(list(related), others[:limit])


def compare_index(canvases: list[Canvas], related: dict[str, list[str]], json_save_as: str,
                  pattern_url: str = "pattern/{slug}/") -> dict:
    """Slugs, names, industries, patterns and data files of every canvas, and the nine blocks in reading order."""
    return {
        "blocks": [{"key": spec.key, "label": spec.label} for spec in BLOCKS],
        "canvases": [
            {
                "slug": canvas.slug,
                "name": canvas.name,
                "industry": canvas.industry.slug,
                "industry_name": canvas.industry.name,
                "url": canvas.url,
                "json": json_save_as.format(slug=canvas.slug),
                "related": list(related.get(canvas.slug, [])),
                "patterns": [{"slug": use.pattern.slug, "name": use.pattern.name, "how": use.how,
                              "url": pattern_url.format(slug=use.pattern.slug)} for use in canvas.patterns],
            }
            for canvas in canvases
        ],
    }


def index_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
