"""Plain data for one canvas and the things it refers to. Nothing here knows YAML, Pelican or HTML."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .blocks import BLOCKS, BlockSpec


@dataclass(frozen=True)
class Industry:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Pattern:
    """A business-model pattern from seeds/patterns.yaml (razor and blade, freemium, ...)."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    definition: str
    source: str  # where the pattern is described, as a citation


@dataclass(frozen=True)
class PatternUse:
    """One pattern a canvas uses, with the canvas's one line on how."""

    pattern: Pattern
    how: str


@dataclass(frozen=True)
class Figure:
    """A table of figures that belongs to one block, always with its year and source."""

    block: str
    caption: str
    year: int
    source: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    line: int = 0  # where the table starts in its seed file, for lint messages


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Variant:
    """A variant of a business type that changes its model (dine-in or delivery-only), with a short note."""

    name: str
    note: str


COMPANY = "company"
BUSINESS_TYPE = "business-type"
# Title case leaves these lower-case after a name's first word ("Bed and Breakfast", "Buy-to-Let Landlord").
MINOR_TITLE_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the",
                               "to"})


@dataclass(frozen=True)
class Block:
    """One filled block of a canvas: its spec and the canvas's items."""

    spec: BlockSpec
    items: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.spec.key


@dataclass
class Canvas:
    slug: str
    name: str
    industry: Industry
    summary: str
    items: dict[str, tuple[str, ...]]  # block key -> items, all nine keys present
    path: str  # the seed file, as the editor would type it: seeds/acme.yaml
    analysis: dict[str, str] = field(default_factory=dict)  # block key -> editor's Markdown
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = ()  # editor-chosen related slugs
    sources: tuple[Source, ...] = ()
    website: str = ""
    founded: int | None = None
    ended: int | None = None  # a failure: the year its business model stopped working
    headquarters: str = ""
    updated: datetime.date | None = None
    draft: bool = False
    patterns: tuple[PatternUse, ...] = ()  # in the seed's order
    # A company (the default) or a business type: a kind of business, drawn from the companies that follow it.
    kind: str = COMPANY
    examples: tuple[str, ...] = ()  # a business type's company canvases, by slug
    variants: tuple[Variant, ...] = ()  # a business type's variants that matter
    example_of: tuple[str, ...] = ()  # a company's business types, by slug: filled in from their `examples`
    lines: dict[tuple, int] = field(default_factory=dict, repr=False)  # field path -> line in the seed
    # The seed as JSON, its download: made where the seed is parsed (in the load's workers, then cached).
    seed_json: str = field(default="", repr=False)
    # Filled in by the generator from the URL settings, as Pelican does for its own content.
    url: str = ""
    save_as: str = ""

    @property
    def is_business_type(self) -> bool:
        return self.kind == BUSINESS_TYPE

    @property
    def kind_label(self) -> str:
        """The kind as a visitor reads it, and as the search filter names it."""
        return "business type" if self.is_business_type else "company"

    @property
    def title_name(self) -> str:
        """The name as page titles use it: a business type's in title case ("Coffee Shop", "Print-on-Demand
        Store"), a company's as written."""
        if not self.is_business_type:
            return self.name
        parts = re.split(r"([ -])", self.name)
        return "".join(part if index and (part in " -" or part in MINOR_TITLE_WORDS) else part[:1].upper() + part[1:]
                       for index, part in enumerate(parts))

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(Block(spec, self.items[spec.key]) for spec in BLOCKS)

    def line_of(self, *path) -> int:
        """The seed-file line of a field, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1
