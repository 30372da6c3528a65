"""Import a saved canvas web page (HTML or its plain-text dump) as a draft seed for an editor to review.

Page text in, plain data out: ``read_page`` turns the page into a flat list of headings, bullets,
paragraphs and tables; ``place`` sorts those into the nine blocks and figure tables, remembering what
it could not place; ``draft_yaml`` writes the seed text. ``invoke import-canvas PATH`` wires them up.
Nothing here knows Pelican; the draft is marked ``draft: true`` so it is built only with ``--drafts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from pelican.utils import slugify as pelican_slugify

from ..blocks import BLOCKS, BLOCKS_BY_KEY, MAX_ITEMS
from ..model import BUSINESS_TYPE, COMPANY, Industry

# The headings canvas pages use for each block, lowercased, "&" written "and".
BLOCK_HEADINGS = {
    "key_partners": ("key partners", "key partnerships", "partners", "partnerships", "key partner", "partner network"),
    "key_activities": ("key activities", "activities", "key activity"),
    "key_resources": ("key resources", "resources", "key resource"),
    "value_propositions": ("value propositions", "value proposition", "value"),
    "customer_relationships": ("customer relationships", "customer relationship", "relationships"),
    "channels": ("channels", "channel", "distribution channels", "key channels"),
    "customer_segments": ("customer segments", "customer segment", "segments", "target customers"),
    "cost_structure": ("cost structure", "costs", "cost", "key costs"),
    "revenue_streams": ("revenue streams", "revenue stream", "revenues", "revenue", "revenue model"),
}
HEADING_TO_BLOCK = {heading: key for key, headings in BLOCK_HEADINGS.items() for heading in headings}
TITLE = re.compile(r"^\s*(?P<name>.+?)\s+Business Model Canvas\b", re.IGNORECASE)
# A heading that talks about the canvas itself ("Unlock the X Business Model Canvas", "Data Sources") ends a block.
# A page that calls its canvas a kind of business ("A business type: …", "for any type of business").
KIND_LINE = re.compile(r"\b(business[- ]types?|kinds? of business|types? of business)\b", re.IGNORECASE)
END_OF_CANVAS = re.compile(r"\bcanvas(es)?\b|\bbmc\b|\bdata sources\b|\brelated\b", re.IGNORECASE)
# "•", "-", "*" or "1." bullets; not "—", which pages use before a quote's author.
BULLET = re.compile(r"^\s*(?:[•·▪◦‣∙●○■□*+]|[-–](?=\s)|\d{1,2}[.)](?=\s))\s*(?P<text>.+)$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
NUMERIC_FACT = re.compile(r"\d\s*%|[$€£¥]\s*\d|\d\s*(bn|billion|million|m)\b|\b(19[5-9]\d|20\d\d)\b", re.IGNORECASE)
SKIPPED_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "form", "button")
BLOCK_LEVEL_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "ul", "ol", "table", "div", "section", "article",
                    "header", "footer", "main", "nav", "aside", "blockquote", "dl", "dt", "dd", "pre", "figure")
MAX_ITEM_WORDS = 12
MAX_ITEM_CHARS = 90


# --- the page as a flat list of elements --------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: str
    level: int | None = None  # None for plain text, where only the line's shape says it is a heading


@dataclass(frozen=True)
class Bullet:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _clean(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def _line_element(text: str):
    """A loose line of text is a heading when it is short and does not end like a sentence."""
    text = _clean(text)
    words = text.split()
    if (len(words) <= 9 and len(text) <= 70 and not re.search(r"[.,;:!?\"”]$", text)
            and re.search(r"[A-Za-z]", text) and not text[0].islower()):
        return Heading(text)
    return Paragraph(text)


def _cells(line: str) -> tuple[str, ...]:
    cells = [_clean(cell) for cell in line.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return tuple(cells)


def read_text(text: str) -> list:
    """A plain-text dump of a page -> elements: '•'/'-' lines are bullets, '|' lines are tables."""
    elements: list = []
    table: list[tuple[str, ...]] = []

    def end_table():
        if table:
            elements.append(Table(table[0], tuple(table[1:])))
            table.clear()

    for line in text.splitlines():
        if TABLE_SEPARATOR.match(line) and "|" in line:
            continue
        if line.count("|") >= 2:
            table.append(_cells(line))
            continue
        end_table()
        if not line.strip():
            continue
        bullet = BULLET.match(line)
        if bullet:
            elements.append(Bullet(_clean(bullet.group("text"))))
        else:
            elements.append(_line_element(line))
    end_table()
    return elements


def _has_block_children(tag: Tag) -> bool:
    return tag.find(BLOCK_LEVEL_TAGS) is not None


def _walk(node: Tag, elements: list) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.strip() and type(child) is NavigableString:  # not a comment or doctype
                elements.append(_line_element(str(child)))
            continue
        if not isinstance(child, Tag) or child.name in SKIPPED_TAGS:
            continue
        if re.fullmatch(r"h[1-6]", child.name):
            text = _clean(child.get_text(" "))
            if text:
                elements.append(Heading(text, int(child.name[1])))
        elif child.name == "li":
            nested = child.find_all(["ul", "ol"])
            for sub in nested:
                sub.extract()
            text = _clean(child.get_text(" "))
            if text:
                elements.append(Bullet(text))
            for sub in nested:
                _walk(sub, elements)
        elif child.name == "table":
            rows = [tuple(_clean(cell.get_text(" ")) for cell in row.find_all(["th", "td"]))
                    for row in child.find_all("tr")]
            rows = [row for row in rows if any(row)]
            if rows:
                elements.append(Table(rows[0], tuple(rows[1:])))
        elif _has_block_children(child):
            _walk(child, elements)
        else:
            text = _clean(child.get_text(" "))
            if text:
                elements.append(_line_element(text))


def read_html(html: str) -> list:
    """A saved HTML page -> elements, in document order; scripts, styles and forms are dropped."""
    soup = BeautifulSoup(html, "html.parser")
    elements: list = []
    title = soup.find("title")
    if title and title.get_text(strip=True):
        elements.append(Heading(_clean(title.get_text(" ")), 0))  # level 0: the page's own title
    _walk(soup.body or soup, elements)
    return elements


def looks_like_html(text: str) -> bool:
    return re.search(r"<(html|body|div|h[1-6]|ul|p|table)\b", text[:5000], re.IGNORECASE) is not None


def read_page(text: str) -> list:
    return read_html(text) if looks_like_html(text) else read_text(text)


# --- placing elements in blocks ---------------------------------------------------------------------------

@dataclass
class ImportedCanvas:
    """What the importer found: plain data for a draft seed, and notes on what it left out."""

    name: str
    slug: str
    industry: str | None  # an industry slug, or None when the page does not say
    items: dict[str, list[str]] = field(default_factory=lambda: {spec.key: [] for spec in BLOCKS})
    figures: list[dict] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    kind: str = COMPANY


# Pelican's slugify transliterates to ASCII ("Nestlé" -> "nestle"); these make its result a seed slug.
SLUG_SUBSTITUTIONS = (("&", " and "), ("'", ""), (r"[^a-z0-9]+", "-"), (r"^-+|-+$", ""))


def slugify(name: str) -> str:
    return pelican_slugify(name, regex_subs=SLUG_SUBSTITUTIONS) or "imported-canvas"


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


def block_for_heading(text: str, name: str) -> str | None:
    """The block a heading names ("Key Partnerships", "Xiaomi's Channels:"), or None."""
    heading = _key(text)
    for prefix in (_key(name) + " s ", _key(name) + " ", "the ", "our "):
        if name and heading.startswith(prefix):
            heading = heading[len(prefix):]
    return HEADING_TO_BLOCK.get(heading)


def find_name(elements: list) -> str | None:
    """The company from the first "<Name> Business Model Canvas" heading: the page title first."""
    headings = sorted((e for e in elements if isinstance(e, Heading)), key=lambda e: e.level is None)
    for heading in headings:
        match = TITLE.match(heading.text)
        if match and match.group("name").lower() not in ("the", "a", "your", "free"):
            return re.sub(r"^(the|unlock the)\s+", "", match.group("name"), flags=re.IGNORECASE).strip()
    return None


def find_kind(elements: list) -> str:
    """A business type when the page says so before its first block; a company otherwise."""
    for element in elements:
        if isinstance(element, Heading) and block_for_heading(element.text, ""):
            break
        if isinstance(element, (Heading, Paragraph)) and KIND_LINE.search(element.text):
            return BUSINESS_TYPE
    return COMPANY


def _industry_key(text: str) -> str:
    return _key(text).replace(" and ", " ")


def match_industry(text: str, industries: dict[str, Industry]) -> str | None:
    """The industry slug that a stated industry names: its slug, its name, or one half of "A & B"."""
    wanted = _industry_key(text)
    if not wanted:
        return None
    for slug, industry in industries.items():
        if wanted in (_industry_key(slug.replace("-", " ")), _industry_key(industry.name)):
            return slug
    for slug, industry in industries.items():
        parts = [_industry_key(part) for part in re.split(r"&|\band\b|,", industry.name)]
        if wanted in parts:
            return slug
    return None


def find_industry(elements: list, name: str, industries: dict[str, Industry]) -> str | None:
    """The industry a page states: an "Industry: X" line, or a "<Name> <Industry>" tag line under the title."""
    texts = [e.text for e in elements if isinstance(e, (Heading, Paragraph, Bullet))]
    for text in texts:
        stated = re.match(r"^\s*(industry|sector)\s*[:\-–]\s*(?P<industry>.+)$", text, re.IGNORECASE)
        if stated and match_industry(stated.group("industry"), industries):
            return match_industry(stated.group("industry"), industries)
    for text in texts:
        if name and text.lower().startswith(name.lower() + " "):
            found = match_industry(text[len(name):], industries)
            if found:
                return found
    return None


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_ITEM_WORDS and len(text) <= MAX_ITEM_CHARS


def _item_text(text: str) -> str:
    return _clean(text).rstrip(" .;,")


class _Placer:
    """Walks the elements once, keeping track of the block being read."""

    def __init__(self, canvas: ImportedCanvas, source: str):
        self.canvas = canvas
        self.source = source
        self.block: str | None = None
        self.block_level: int | None = None
        self.finished = False  # a heading about the canvas itself came after at least one block
        self.outside: str | None = None  # heading of the section being skipped, outside any block
        self.outside_counts: dict[str, int] = {}
        self.prose: dict[str, int] = {}
        self.facts: dict[str, list[str]] = {}
        self.overflow: dict[str, list[str]] = {}

    # what ends up in the draft

    def add_item(self, text: str) -> None:
        text = _item_text(text)
        items = self.canvas.items[self.block]
        if not text or _key(text) in {_key(item) for item in items}:
            return
        if len(items) >= MAX_ITEMS:
            self.overflow.setdefault(self.block, []).append(text)
        else:
            items.append(text)

    def note_fact(self, text: str) -> None:
        self.facts.setdefault(self.block, []).append(text)

    # element handlers

    def heading(self, element: Heading) -> None:
        key = block_for_heading(element.text, self.canvas.name)
        if key and not (self.finished and self.canvas.items[key]):
            self.block, self.block_level, self.outside = key, element.level, None
            return
        nested = self.block and (element.level is None or self.block_level is None or element.level > self.block_level)
        if self.block and nested and not END_OF_CANVAS.search(element.text):
            self.add_item(element.text)  # a sub-heading names one item of the block
            return
        if END_OF_CANVAS.search(element.text) and any(self.canvas.items.values()):
            self.finished = True  # later block headings (a walkthrough, related canvases) add nothing new
        self.block = None
        self.outside = element.text

    def bullet(self, element: Bullet) -> None:
        if not self.block:
            if self.outside and any(self.canvas.items.values()):
                self.outside_counts[self.outside] = self.outside_counts.get(self.outside, 0) + 1
            return
        text = element.text
        label = re.match(r"^(?P<label>[^:]{2,60}):\s+(?P<rest>.+)$", text)
        if label and NUMERIC_FACT.search(label.group("rest")) or label and re.search(r"\d", label.group("label")):
            self.note_fact(text)  # "R&D spending: CNY 19.1 billion" is a figure, not an item
        elif label and len(label.group("label").split()) <= 6:
            self.add_item(label.group("label"))  # "Exclusive benefits: early access ..." -> the label
        elif not _short(text) or (NUMERIC_FACT.search(text) and len(text.split()) > 4) \
                or (text.endswith(".") and len(text.split()) > 6):
            self.note_fact(text)  # a sentence, often with numbers in it: the editor decides what to keep
        else:
            self.add_item(text)

    def paragraph(self, element: Paragraph) -> None:
        if self.block:
            self.prose[self.block] = self.prose.get(self.block, 0) + 1

    def table(self, element: Table) -> None:
        if not self.block:
            if self.outside and any(self.canvas.items.values()):
                self.outside_counts[self.outside] = self.outside_counts.get(self.outside, 0) + len(element.rows)
            return
        header, rows = element.header, [row for row in element.rows if any(row)]
        if not rows:
            return
        year_column = next((i for i, h in enumerate(header) if re.fullmatch(r"(fiscal )?year|fy", h.strip().lower())),
                           None)
        for row in rows:
            first = row[0] if row else ""
            if year_column == 0 or not first or re.fullmatch(r"[\d\s.,%$€£~+-]+", first):
                continue
            second = row[1] if len(row) > 1 and year_column != 1 else ""
            if second and len(second.split()) <= 5 and not re.search(r"\d|[.;]$", second) \
                    and _key(second) != _key(first):
                self.add_item(f"{first} ({second})")
            else:
                self.add_item(first)
        self.figure(header, rows, year_column)

    def figure(self, header: tuple[str, ...], rows: list[tuple[str, ...]], year_column: int | None) -> None:
        label = BLOCKS_BY_KEY[self.block].label
        header_years = [int(y) for y in YEAR.findall(" ".join(header))]
        if year_column is not None:
            years = [int(m) for row in rows for m in YEAR.findall(row[year_column] if year_column < len(row) else "")]
        else:
            years = header_years
        if not years:
            self.canvas.unplaced.append(
                f"{label}: a table ({', '.join(header)}) gives no year; its rows became items, no figures were kept")
            return
        year = max(years)
        if len(set(years)) > 1 and year_column is None:
            self.canvas.unplaced.append(
                f"{label}: the table ({', '.join(header)}) mixes the years {', '.join(map(str, sorted(set(years))))};"
                f" it was dated {year}, check each row")
        width = len(header)
        uneven = [row for row in rows if len(row) != width]
        if uneven:
            self.canvas.unplaced.append(f"{label}: {len(uneven)} table row(s) had the wrong number of cells; "
                                        f"they were padded or cut to {width}")
        self.canvas.figures.append({
            "block": self.block,
            "caption": f"{label}: {', '.join(header)}",
            "year": year,
            "source": self.source,
            "columns": list(header),
            "rows": [[_cell_value(cell) for cell in (list(row) + [""] * width)[:width]] for row in rows],
        })

    def notes(self) -> list[str]:
        notes = []
        for key, count in self.prose.items():
            notes.append(f"{BLOCKS_BY_KEY[key].label}: {count} paragraph(s) of prose not imported; "
                         f"write the analysis in your own words")
        for key, facts in self.facts.items():
            listed = "; ".join(f"'{fact[:70]}'" for fact in facts)
            notes.append(f"{BLOCKS_BY_KEY[key].label}: {len(facts)} bullet sentence(s) not imported: {listed}")
        for key, extra in self.overflow.items():
            notes.append(f"{BLOCKS_BY_KEY[key].label}: more than {MAX_ITEMS} items; left out: {'; '.join(extra)}")
        for heading, count in self.outside_counts.items():
            notes.append(f"'{heading}': {count} bullet(s) or row(s) outside the nine blocks, not imported")
        return notes


def _cell_value(cell: str):
    """Plain numbers stay numbers (so the linter can add up shares); everything else stays text."""
    if re.fullmatch(r"-?\d+", cell):
        return int(cell)
    if re.fullmatch(r"-?\d+\.\d+", cell):
        return float(cell)
    return cell


PLACEHOLDER_ITEM = "TODO: nothing found for this block on the imported page"


def place(elements: list, industries: dict[str, Industry], *, source_name: str, slug: str | None = None,
          industry: str | None = None, name: str | None = None, kind: str | None = None) -> ImportedCanvas:
    """Sort a page's elements into the nine blocks and figure tables; note everything left out."""
    found_name = name or find_name(elements)
    canvas_name = found_name or re.sub(r"[-_]+", " ", source_name.rsplit(".", 1)[0]).title()
    found_industry = match_industry(industry, industries) if industry else \
        find_industry(elements, canvas_name, industries)
    canvas = ImportedCanvas(canvas_name, slug or slugify(canvas_name), found_industry,
                            kind=kind or find_kind(elements))
    if not found_name:
        canvas.unplaced.append(f"name: no '<Name> Business Model Canvas' title; used '{canvas_name}'")
    placer = _Placer(canvas, f"{canvas_name} Business Model Canvas page, imported from {source_name}")
    for element in elements:
        if isinstance(element, Heading):
            placer.heading(element)
        elif isinstance(element, Bullet):
            placer.bullet(element)
        elif isinstance(element, Paragraph):
            placer.paragraph(element)
        elif isinstance(element, Table):
            placer.table(element)
    missing = [BLOCKS_BY_KEY[key].label for key, items in canvas.items.items() if not items]
    for key, items in canvas.items.items():
        if not items:
            items.append(PLACEHOLDER_ITEM)
    if missing:
        canvas.unplaced.insert(0, f"blocks not found on the page (a TODO item stands in): {', '.join(missing)}")
    canvas.unplaced.extend(placer.notes())
    return canvas


def import_page(text: str, industries: dict[str, Industry], **options) -> ImportedCanvas:
    """A saved page's text (HTML or plain) -> the imported canvas."""
    return place(read_page(text), industries, **options)


# --- the draft seed file ------------------------------------------------------------------------------------

class _DraftDumper(yaml.SafeDumper):
    """Block style everywhere except figure rows, which read best one per line as [a, b, c]."""


class _Row(list):
    pass


_DraftDumper.add_representer(
    _Row, lambda dumper, row: dumper.represent_sequence("tag:yaml.org,2002:seq", row, flow_style=True))


def draft_yaml(canvas: ImportedCanvas, source_name: str) -> str:
    """The seed file text for an imported canvas, marked as a draft with a note for the editor."""
    business_type = canvas.kind == BUSINESS_TYPE
    money = "this kind of business makes money" if business_type else f"{canvas.name} makes money"
    data = {"name": canvas.name, **({"kind": BUSINESS_TYPE} if business_type else {}), "industry": canvas.industry,
            "summary": f"TODO: one or two sentences in your own words on how {money}.", "draft": True}
    if business_type:
        data["examples"] = []  # the company canvases that follow the type, for the editor to fill in
    data["blocks"] = {key: list(items) for key, items in canvas.items.items()}
    if canvas.figures:
        data["figures"] = [dict(figure, columns=_Row(figure["columns"]), rows=[_Row(row) for row in figure["rows"]])
                           for figure in canvas.figures]
    header = (f"# Draft imported from {source_name} by `invoke import-canvas`.\n"
              f"# Review every item, replace the TODOs, write the analysis and sources yourself,\n"
              f"# then delete `draft: true` to publish it.\n")
    body = yaml.dump(data, Dumper=_DraftDumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    return header + body


# --- the command ------------------------------------------------------------------------------------------------

class CanvasImportError(Exception):
    """Why nothing was written, phrased for the editor."""


def _bounded_page(path: Path, limits) -> str:
    """The page's text, refused when it is larger or nests deeper than any canvas page (limits.py)."""
    from .page_bounds import deepest_element

    size = path.stat().st_size
    if size > limits.max_import_bytes:
        raise CanvasImportError(f"{path}:1: the page is {size:,} bytes, more than the {limits.max_import_bytes:,} "
                                f"allowed ({limits.named('max_import_bytes')}); save only the canvas page itself")
    text = path.read_text(encoding="utf-8", errors="replace")
    line = deepest_element(text, limits.max_import_depth) if looks_like_html(text) else None
    if line is not None:
        raise CanvasImportError(f"{path}:{line}: HTML elements nest more than {limits.max_import_depth} deep here "
                                f"({limits.named('max_import_depth')}); no canvas page does, so this is not one")
    return text


def import_file(path, seeds_dir, *, slug: str | None = None, industry: str | None = None,
                force: bool = False, kind: str | None = None) -> tuple[Path, ImportedCanvas]:
    """Import the saved page at ``path`` into ``seeds_dir/<slug>.yaml``; returns the file and what was found."""
    from .limits import LimitSettingError, current_limits
    from .seeds import SLUG_PATTERN, SEED_SUFFIXES, SeedProblem, load_industries

    path, seeds_dir = Path(path), Path(seeds_dir)
    if not path.is_file():
        raise CanvasImportError(f"{path}: no such file")
    try:
        limits = current_limits()
    except LimitSettingError as error:
        raise CanvasImportError(str(error)) from None
    problems: list[SeedProblem] = []
    industries = load_industries(seeds_dir, problems, limits)
    if problems:
        raise CanvasImportError("\n".join(map(str, problems)))
    if industry and not match_industry(industry, industries):
        raise CanvasImportError(f"unknown industry '{industry}'; known industries are: {', '.join(industries)}")
    if slug and not SLUG_PATTERN.match(slug):
        raise CanvasImportError(f"--slug '{slug}': use lowercase letters, digits and hyphens, e.g. acme-corp")
    if kind not in (None, COMPANY, BUSINESS_TYPE):
        raise CanvasImportError(f"--kind '{kind}': use '{COMPANY}' or '{BUSINESS_TYPE}'")
    canvas = import_page(_bounded_page(path, limits), industries, source_name=path.name, slug=slug, industry=industry,
                         kind=kind)
    if canvas.industry is None:
        raise CanvasImportError(f"{path.name}: the page does not say which industry {canvas.name} is in; run again "
                                f"with --industry SLUG, one of: {', '.join(industries)}")
    existing = [seeds_dir / f"{canvas.slug}{suffix}" for suffix in SEED_SUFFIXES
                if (seeds_dir / f"{canvas.slug}{suffix}").exists()]
    if existing and not force:
        raise CanvasImportError(f"{existing[0]} already exists; pick another --slug, or add --force to overwrite it")
    target = seeds_dir / f"{canvas.slug}.yaml"
    target.write_text(draft_yaml(canvas, path.name), encoding="utf-8")
    return target, canvas
