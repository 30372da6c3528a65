"""Canvas list -> related canvases for each, with a short reason a visitor can read."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Canvas


@dataclass(frozen=True)
class RelatedLink:
    slug: str
    reason: str


def related_to(canvas: Canvas, canvases: list[Canvas], count: int) -> list[RelatedLink]:
    """The editor's picks first, then canvases of the same industry, in slug order."""
    by_slug = {other.slug: other for other in canvases}
    links = [RelatedLink(slug, "chosen by the editor") for slug in canvas.related if slug in by_slug]
    chosen = {link.slug for link in links} | {canvas.slug}
    for other in canvases:
        if other.slug not in chosen and other.industry == canvas.industry:
            links.append(RelatedLink(other.slug, f"same industry: {canvas.industry.name.lower()}"))
    return links[:count]
