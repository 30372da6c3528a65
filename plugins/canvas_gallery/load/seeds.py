"""Load and validate seed canvases: ``seeds/<slug>.yaml`` -> ``Canvas`` objects, every error at once.

Run ``python -m canvas_gallery.load [PATH ...]`` to check files.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..blocks import BLOCK_KEYS, MAX_ITEMS, MIN_ITEMS
from ..outputs.downloads import seed_json
from ..plumbing.forked import map_forked
from ..model import Canvas, Figure, Industry, Pattern, PatternUse, Source
from .kinds import ALL_KIND_KEYS, check_examples, check_kind, check_variants, example_problems
from .limits import LimitSettingError, Limits, current_limits
from .patterns import PATTERNS_FILE, check_patterns, load_patterns
from .seed_cache import SeedCache
from .yaml_lines import YamlProblem, load_located

INDUSTRIES_FILE = "industries.yaml"
SEED_CACHE_FILE = "canvas-seeds.pickle"  # in Pelican's CACHE_PATH; see seed_cache.py
SEED_SUFFIXES = (".yaml", ".yml")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

REQUIRED_KEYS = ("name", "industry", "summary", "blocks")
OPTIONAL_KEYS = (
    "analysis", "figures", "related", "sources", "updated", "draft", "patterns",
) + ALL_KIND_KEYS  # kinds.py: which of these each kind allows
FIGURE_KEYS = ("block", "caption", "year", "source", "columns", "rows")
SOURCE_KEYS = ("title", "url")
INDUSTRY_KEYS = ("slug", "name", "description")


@dataclass(frozen=True)
class SeedProblem:
    """One thing wrong in one seed file, phrased for the editor who has to fix it."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}: {where}{self.message}"


class SeedErrors(Exception):
    """Raised with every problem found, so an editor can fix them all in one pass."""

    def __init__(self, problems: list[SeedProblem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the seed canvases:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))


@dataclass
class Gallery:
    canvases: list[Canvas]  # sorted by slug
    industries: list[Industry]  # in the order of industries.yaml
    patterns: list[Pattern] = field(default_factory=list)  # every pattern of patterns.yaml, in its order

    def by_slug(self) -> dict[str, Canvas]:
        return {canvas.slug: canvas for canvas in self.canvases}


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {str(value)[:40]!r}"


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _display(path: Path, root: Path) -> str:
    """Paths as the editor would type them, relative to the project when possible."""
    try:
        # A seed in the seeds folder: only the folder is resolved (once), not each of thousands of files.
        resolved = _resolved(root) / path.name if path.parent == root else path.resolve()
        return str(resolved.relative_to(_resolved(root).parent))
    except ValueError:
        return str(path)


def _resolved(folder: Path) -> Path:
    return _resolved_in(os.getcwd(), folder)


@functools.lru_cache(maxsize=16)
def _resolved_in(cwd: str, folder: Path) -> Path:  # keyed by the working directory too: a relative folder
    return folder.resolve()


class _FileChecker:
    """Validates one parsed seed file and collects its problems."""

    def __init__(self, path: str, lines: dict, problems: list[SeedProblem], limits: Limits):
        self.path = path
        self.lines = lines
        self.problems = problems
        self.limits = limits

    def line(self, field_path: tuple) -> int:
        while field_path:
            if field_path in self.lines:
                return self.lines[field_path]
            field_path = field_path[:-1]
        return 1

    def problem(self, field_path: tuple, message: str) -> None:
        name = ".".join(str(part) if not isinstance(part, int) else f"[{part}]" for part in field_path)
        name = name.replace(".[", "[")
        self.problems.append(SeedProblem(self.path, self.line(field_path), name, message))

    def text(self, value, field_path: tuple, *, required: bool = True, limit: str = "max_text_chars") -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # "founded: 1998"-style numbers read naturally as text too
        if not isinstance(value, str):
            self.problem(field_path, f"expected text, got {_describe(value)}")
            return ""
        if required and not value.strip():
            self.problem(field_path, "is empty; write the text or remove the key")
        self.length(value, field_path, limit)
        return value.strip()

    def length(self, value: str, field_path: tuple, limit: str = "max_text_chars") -> None:
        if len(value) > getattr(self.limits, limit):
            self.problem(field_path, f"is {len(value):,} characters long, more than the "
                                     f"{getattr(self.limits, limit):,} allowed ({self.limits.named(limit)}); shorten it")

    def count(self, value: list, field_path: tuple, limit: str, what: str) -> bool:
        """False, with a problem, when a list is longer than its bound: the caller then skips its contents."""
        if len(value) <= getattr(self.limits, limit):
            return True
        self.problem(field_path, f"has {len(value):,} {what}, more than the {getattr(self.limits, limit):,} allowed "
                                 f"({self.limits.named(limit)}); keep the ones that matter most")
        return False

    def unknown_keys(self, mapping: dict, allowed, field_path: tuple) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(
                    field_path + (key,),
                    f"unknown key '{key}'{_suggest(key, allowed)}; allowed keys are: {', '.join(allowed)}",
                )


def _check_items(checker: _FileChecker, value, field_path: tuple) -> tuple[str, ...]:
    if not isinstance(value, list):
        checker.problem(
            field_path, f"expected a list of strings, got {_describe(value)}; write one '- item' per line"
        )
        return ()
    if not MIN_ITEMS <= len(value) <= MAX_ITEMS:
        checker.problem(field_path, f"has {len(value)} items; a block needs {MIN_ITEMS} to {MAX_ITEMS}")
        if len(value) > MAX_ITEMS:
            return ()  # thousands of items: one problem, not one per item
    items = []
    for index, item in enumerate(value):
        where = field_path + (index,)
        if item is None or (isinstance(item, str) and not item.strip()):
            checker.problem(where, f"item {index + 1} is empty; write the item or delete the line")
        elif isinstance(item, (dict, list)):
            checker.problem(
                where, f"item {index + 1} is {_describe(item)}, not text; quote it if it contains ': '"
            )
        else:
            checker.length(str(item), where)
            items.append(str(item).strip())
    return tuple(items)


def _check_figures(checker: _FileChecker, value) -> tuple[Figure, ...]:
    if not isinstance(value, list):
        checker.problem(("figures",), f"expected a list of tables, got {_describe(value)}")
        return ()
    if not checker.count(value, ("figures",), "max_figures", "figure tables"):
        return ()
    figures = []
    for index, table in enumerate(value):
        where = ("figures", index)
        if not isinstance(table, dict):
            checker.problem(where, f"expected a table (a mapping with {', '.join(FIGURE_KEYS)})")
            continue
        checker.unknown_keys(table, FIGURE_KEYS, where)
        missing = [key for key in FIGURE_KEYS if key not in table]
        for key in missing:
            checker.problem(where, f"missing '{key}'; every figure table needs {', '.join(FIGURE_KEYS)}")
        if missing:
            continue
        block = table["block"]
        if block not in BLOCK_KEYS:
            checker.problem(
                where + ("block",), f"unknown block '{block}'{_suggest(str(block), BLOCK_KEYS)}; use one of: {', '.join(BLOCK_KEYS)}"
            )
        year = table["year"]
        if isinstance(year, bool) or not isinstance(year, int):
            checker.problem(where + ("year",), f"expected a year such as 2024, got {_describe(year)}")
        columns = table["columns"]
        rows = table["rows"]
        if not isinstance(columns, list) or not columns:
            checker.problem(where + ("columns",), "expected a list of column headings")
            continue
        if not isinstance(rows, list) or not rows:
            checker.problem(where + ("rows",), "expected a list of rows, each a list of cells")
            continue
        if not (checker.count(columns, where + ("columns",), "max_figure_columns", "columns")
                & checker.count(rows, where + ("rows",), "max_figure_rows", "rows")):
            continue
        for column_index, column in enumerate(columns):
            checker.length(str(column), where + ("columns", column_index))
        clean_rows = []
        for row_index, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != len(columns):
                checker.problem(
                    where + ("rows", row_index),
                    f"row {row_index + 1} should be a list of {len(columns)} cells, one per column",
                )
                continue
            for cell_index, cell in enumerate(row):
                checker.length(str(cell), where + ("rows", row_index, cell_index))
            clean_rows.append(tuple(row))
        figures.append(
            Figure(
                block=str(block),
                caption=checker.text(table["caption"], where + ("caption",)),
                year=year if isinstance(year, int) else 0,
                source=checker.text(table["source"], where + ("source",)),
                columns=tuple(str(c) for c in columns),
                rows=tuple(clean_rows),
                line=checker.line(where),
            )
        )
    return tuple(figures)


def _check_sources(checker: _FileChecker, value) -> tuple[Source, ...]:
    if not isinstance(value, list):
        checker.problem(("sources",), f"expected a list of sources (title and url), got {_describe(value)}")
        return ()
    if not checker.count(value, ("sources",), "max_sources", "sources"):
        return ()
    sources = []
    for index, source in enumerate(value):
        where = ("sources", index)
        if not isinstance(source, dict) or not all(key in source for key in SOURCE_KEYS):
            checker.problem(where, "expected a mapping with 'title' and 'url'")
            continue
        checker.unknown_keys(source, SOURCE_KEYS, where)
        url = checker.text(source["url"], where + ("url",))
        if url and not url.startswith(("https://", "http://")):
            checker.problem(where + ("url",), "must start with https:// or http://")
        sources.append(Source(checker.text(source["title"], where + ("title",)), url))
    return tuple(sources)


def _check_canvas(slug, display_path, document, industries, problems, limits: Limits, patterns=None) -> Canvas | None:
    checker = _FileChecker(display_path, document.lines, problems, limits)
    data = document.value
    if not isinstance(data, dict):
        checker.problem((), f"expected a mapping of fields (name, industry, ...), got {_describe(data)}")
        return None
    before = len(problems)
    checker.unknown_keys(data, REQUIRED_KEYS + OPTIONAL_KEYS, ())
    kind = check_kind(checker, data)
    for key in REQUIRED_KEYS:
        if key not in data:
            checker.problem((), f"missing required key '{key}'")

    industry = None
    if "industry" in data:
        industry = industries.get(str(data["industry"]))
        if industry is None:
            checker.problem(
                ("industry",),
                f"unknown industry '{data['industry']}'{_suggest(str(data['industry']), industries)}; "
                f"known industries are: {', '.join(industries)} (add new ones to seeds/{INDUSTRIES_FILE})",
            )

    items: dict[str, tuple[str, ...]] = {}
    blocks = data.get("blocks")
    if "blocks" in data and not isinstance(blocks, dict):
        checker.problem(("blocks",), f"expected a mapping of the nine blocks, got {_describe(blocks)}")
    elif isinstance(blocks, dict):
        checker.unknown_keys(blocks, BLOCK_KEYS, ("blocks",))
        for key in BLOCK_KEYS:
            if key not in blocks:
                checker.problem(("blocks",), f"missing block '{key}'; add '{key}:' with 1 to {MAX_ITEMS} items")
            else:
                items[key] = _check_items(checker, blocks[key], ("blocks", key))

    analysis = data.get("analysis") or {}
    if not isinstance(analysis, dict):
        checker.problem(("analysis",), f"expected a mapping of block keys to prose, got {_describe(analysis)}")
        analysis = {}
    checker.unknown_keys(analysis, BLOCK_KEYS, ("analysis",))
    analysis = {key: checker.text(text, ("analysis", key), limit="max_analysis_chars")
                for key, text in analysis.items() if key in BLOCK_KEYS}

    related = data.get("related") or []
    if not isinstance(related, list) or not all(isinstance(s, str) for s in related):
        checker.problem(("related",), "expected a list of canvas slugs such as [apple, samsung]")
        related = []
    elif not checker.count(related, ("related",), "max_related", "related canvases"):
        related = []

    founded = data.get("founded")
    if founded is not None and (isinstance(founded, bool) or not isinstance(founded, int)):
        checker.problem(("founded",), f"expected a year such as 1998, got {_describe(founded)}")
        founded = None
    ended = data.get("ended")
    if ended is not None and (isinstance(ended, bool) or not isinstance(ended, int)):
        checker.problem(("ended",), f"expected the year the business model stopped working, such as 2010, "
                                    f"got {_describe(ended)}")
        ended = None
    elif ended is not None and founded is not None and ended < founded:
        checker.problem(("ended",), f"{ended} is before the founding year {founded}; check both years")
        ended = None

    updated = data.get("updated")
    if isinstance(updated, str):
        try:
            updated = datetime.date.fromisoformat(updated)
        except ValueError:
            updated = None
            checker.problem(("updated",), "expected a date written as YYYY-MM-DD")
    elif updated is not None and not isinstance(updated, datetime.date):
        checker.problem(("updated",), "expected a date written as YYYY-MM-DD")
        updated = None

    draft = data.get("draft", False)
    if not isinstance(draft, bool):
        checker.problem(("draft",), "expected true or false")
        draft = False

    website = checker.text(data.get("website", ""), ("website",), required=False)
    if website and not website.startswith(("https://", "http://")):
        checker.problem(("website",), "must start with https:// or http://")

    canvas = Canvas(
        slug=slug,
        name=checker.text(data["name"], ("name",)) if "name" in data else "",
        industry=industry,
        summary=checker.text(data["summary"], ("summary",)) if "summary" in data else "",
        items=items,
        path=display_path,
        analysis=analysis,
        figures=_check_figures(checker, data["figures"]) if "figures" in data else (),
        related=tuple(related),
        sources=_check_sources(checker, data["sources"]) if "sources" in data else (),
        website=website,
        founded=founded,
        ended=ended,
        headquarters=checker.text(data.get("headquarters", ""), ("headquarters",), required=False),
        updated=updated,
        draft=draft,
        patterns=check_patterns(checker, data["patterns"], patterns or {}) if "patterns" in data else (),
        lines=document.lines,
        kind=kind,
        examples=check_examples(checker, data["examples"]) if "examples" in data else (),
        variants=check_variants(checker, data["variants"]) if "variants" in data else (),
    )
    return canvas if len(problems) == before else None


def _too_large(path: Path, display_path: str, problems: list[SeedProblem], limits: Limits, limit: str,
               fix: str) -> bool:
    """Told by the file's size alone, before a byte of it is read."""
    size = path.stat().st_size
    if size <= getattr(limits, limit):
        return False
    problems.append(SeedProblem(display_path, 1, "", f"the file is {size:,} bytes, more than the "
                                f"{getattr(limits, limit):,} allowed ({limits.named(limit)}); {fix}"))
    return True


def _read_document(path: Path, display_path: str, problems: list[SeedProblem], limits: Limits,
                   raw: bytes | None = None):
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            SeedProblem(display_path, line, "", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
        )
        return None
    try:
        return load_located(text, limits.max_yaml_depth)
    except YamlProblem as problem:
        problems.append(SeedProblem(display_path, problem.line, "", problem.message))
        return None


def read_list(path: Path, seeds_dir: Path, problems: list[SeedProblem], limits: Limits, what: str,
              fields: str) -> tuple[list, "_FileChecker"] | None:
    """A controlled list (industries.yaml, patterns.yaml) read with the bounds of one: its entries and the
    checker that words their problems, or None when it cannot be read (the problems say why)."""
    display_path = _display(path, seeds_dir)
    if _too_large(path, display_path, problems, limits, "max_industries_bytes",
                  f"the list of {what} needs some kilobytes: keep only {fields}"):
        return None
    document = _read_document(path, display_path, problems, limits)
    if document is None:
        return None
    checker = _FileChecker(display_path, document.lines, problems, limits)
    if not isinstance(document.value, list):
        checker.problem((), f"expected a list of {what}, each with {fields}")
        return None
    if not checker.count(document.value, (), "max_industries", what):
        return None
    return document.value, checker


def load_industries(seeds_dir: Path, problems: list[SeedProblem], limits: Limits | None = None) -> dict[str, Industry]:
    path = seeds_dir / INDUSTRIES_FILE
    if not path.exists():
        problems.append(SeedProblem(_display(path, seeds_dir), 1, "", "the list of industries is missing; create it"))
        return {}
    read = read_list(path, seeds_dir, problems, limits or current_limits(), "industries", "slug, name and description")
    if read is None:
        return {}
    entries, checker = read
    industries = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(key in entry for key in INDUSTRY_KEYS):
            checker.problem((index,), "each industry needs slug, name and description")
            continue
        slug = str(entry["slug"])
        if not SLUG_PATTERN.match(slug):
            checker.problem((index, "slug"), "use lowercase letters, digits and hyphens")
        industries[slug] = Industry(slug, checker.text(entry["name"], (index, "name")),
                                    checker.text(entry["description"], (index, "description")))
    return industries


def seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(p for p in seeds_dir.iterdir() if p.suffix in SEED_SUFFIXES
                  and p.name not in (INDUSTRIES_FILE, PATTERNS_FILE))


def _parse_seed(slug: str, display_path: str, raw: bytes, industries: dict[str, Industry], limits: Limits,
                patterns=None):
    """(canvas or None, problems) for one seed file's bytes."""
    problems: list[SeedProblem] = []
    document = _read_document(Path(display_path), display_path, problems, limits, raw)
    canvas = None if document is None else _check_canvas(slug, display_path, document, industries, problems, limits,
                                                         patterns)
    if canvas is not None:
        canvas.seed_json = seed_json(document.value)
    return canvas, problems


def load_gallery(seeds_dir, *, include_drafts: bool = False, only: list[Path] | None = None,
                 on_file=None, cache_file=None, workers: int = 1) -> Gallery:
    """Load every seed canvas in ``seeds_dir``; raise SeedErrors listing every problem found.

    ``on_file``, when given, is called after each seed file (the build's progress count).
    ``cache_file``, when given, keeps the validated canvases by file hash (``seed_cache.py``).
    ``workers`` > 1 parses the seeds not in the cache in forked processes (forked.py).
    """
    seeds_dir = Path(seeds_dir)
    problems: list[SeedProblem] = []
    try:
        limits = current_limits()
    except LimitSettingError as error:
        raise SeedErrors([SeedProblem("environment", 1, "", str(error))]) from None
    industries = load_industries(seeds_dir, problems, limits)
    patterns = load_patterns(seeds_dir, problems, limits)
    # A canvas depends on both lists and on the bounds: either list edited, or a bound made stricter, every
    # seed is checked again.
    lists = b"".join((seeds_dir / name).read_bytes() if (seeds_dir / name).is_file() else b"\0"
                     for name in (INDUSTRIES_FILE, PATTERNS_FILE))
    cache = SeedCache(cache_file, repr(limits).encode() + lists)
    canvases: dict[str, Canvas] = {}
    first_path: dict[str, str] = {}
    to_parse: list[tuple[str, str, bytes]] = []  # (slug, display path, bytes) of seeds not in the cache
    for path in only if only is not None else seed_files(seeds_dir):
        display_path = _display(path, seeds_dir)
        slug = path.stem.lower()
        if not SLUG_PATTERN.match(slug):
            problems.append(SeedProblem(display_path, 1, "", "the file name is the slug: rename it with lowercase letters, digits and hyphens, e.g. acme-corp.yaml"))
            continue
        if slug in first_path:
            problems.append(SeedProblem(display_path, 1, "", f"duplicate slug '{slug}': {first_path[slug]} already defines it; merge or rename one file"))
            continue
        first_path[slug] = display_path
        if _too_large(path, display_path, problems, limits, "max_seed_bytes",
                      "a canvas fits in a few kilobytes, so shorten the text or leave out what is not the canvas"):
            continue
        raw = path.read_bytes()
        canvas = cache.get(display_path, raw, industries)
        if canvas is None:
            to_parse.append((slug, display_path, raw))
        else:  # a cached copy: share this run's Pattern objects, as for its Industry
            canvas.patterns = tuple(PatternUse(patterns[use.pattern.slug], use.how) for use in canvas.patterns)
            canvases[slug] = canvas
            if on_file is not None:
                on_file()
    parsed = map_forked(lambda i: _parse_seed(*to_parse[i], industries, limits, patterns), len(to_parse), workers,
                        on_result=on_file)
    for (slug, display_path, raw), (canvas, found) in zip(to_parse, parsed):
        problems += found
        if canvas is not None:
            canvas.industry = industries[canvas.industry.slug]  # a worker's copy -> this run's Industry
            canvas.patterns = tuple(PatternUse(patterns[use.pattern.slug], use.how) for use in canvas.patterns)
            cache.put(display_path, raw, canvas)
            canvases[slug] = canvas
    # Checking single files (an editor's quick check) leaves cross-file links to the full build.
    known = set(first_path)
    for canvas in canvases.values() if only is None else ():
        for index, slug in enumerate(canvas.related):
            if slug not in known:
                problems.append(SeedProblem(
                    canvas.path, canvas.line_of("related", index), f"related[{index}]",
                    f"no canvas has the slug '{slug}'{_suggest(slug, known)}; create seeds/{slug}.yaml or remove it",
                ))
    for canvas in canvases.values():
        canvas.example_of = ()  # a cached canvas may remember a type that no longer lists it
    if only is None:
        example_problems(canvases, known, lambda canvas, path, message: problems.append(SeedProblem(
            canvas.path, canvas.line_of(*path), "".join(f"[{p}]" if isinstance(p, int) else p for p in path), message)))
    if problems:
        raise SeedErrors(problems)
    cache.save()
    listed = [canvases[slug] for slug in sorted(canvases) if include_drafts or not canvases[slug].draft]
    used = {canvas.industry.slug for canvas in listed}
    return Gallery(listed, [industry for industry in industries.values() if industry.slug in used],
                   list(patterns.values()))


def main(argv: list[str]) -> int:
    """Validate the seeds folder, or the files named, and print every problem."""
    paths = [Path(arg) for arg in argv] or [Path("seeds")]
    seeds_dir = paths[0] if paths[0].is_dir() else paths[0].parent
    only = None if paths[0].is_dir() else paths
    try:
        gallery = load_gallery(seeds_dir, include_drafts=True, only=only)
    except SeedErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    print(f"{len(gallery.canvases)} canvases OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
