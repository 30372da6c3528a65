"""Lint seed canvases: checks beyond the schema that an editor should see before publishing.

Canvas objects in (from ``seeds.load_gallery``), a list of ``Finding`` out. Each rule is a small
function; ``CANVAS_RULES`` read one canvas, ``shared_prose`` compares canvases with each other.
Errors fail the build, warnings are listed. Run ``python -m canvas_gallery.lint [SEEDS_DIR] [--drafts]``
(with ``plugins`` on PYTHONPATH) or ``invoke lint``.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..blocks import BLOCK_KEYS, BLOCKS_BY_KEY
from ..plumbing.forked import map_forked
from ..model import Canvas, Figure
from ..plumbing.pickle_store import load_versioned, save_versioned

ERROR = "error"
WARNING = "warning"

# One word that names a category instead of saying something about this company ("Partners" alone).
GENERIC_WORDS = frozenset({
    "advertising", "ads", "app", "apps", "brand", "brands", "channels", "clients", "companies", "consumers",
    "content", "costs", "customer", "customers", "distribution", "distributors", "employees", "everyone",
    "investors", "logistics", "manufacturing", "marketing", "online", "operations", "other", "others", "partners",
    "partnerships", "people", "product", "products", "quality", "r&d", "retail", "retailers", "revenue", "sales",
    "service", "services", "staff", "stores", "suppliers", "support", "technology", "users", "vendors", "website",
})
# Stock phrases that are barely better: only a warning, since cost lines such as "Sales and marketing" are
# real budget lines. ("Research and development" is left alone: it says what the money buys.)
GENERIC_PHRASES = frozenset({
    "customer service", "customer support", "marketing and sales", "sales and marketing", "social media",
    "strategic partners", "business partners",
    "key customers", "online and offline", "word of mouth",
})
# Items left in by a template or the importer for the editor to replace.
PLACEHOLDER = re.compile(r"^\s*(todo|tbd|fixme|xxx|lorem ipsum)\b|\.\.\.\s*$", re.IGNORECASE)
# Sources that name nothing an editor could check.
VAGUE_SOURCES = frozenset({"", "-", "n/a", "na", "none", "unknown", "tbd", "todo", "various", "internet", "web",
                           "google", "source", "sources"})
# A column heading that says its values are parts of one whole.
SHARE_HEADING = re.compile(r"\bshare\b|%\s*of\b|\bper ?cent of\b|\bproportion\b|\bbreakdown\b", re.IGNORECASE)
YEAR_HEADING = re.compile(r"^\s*(fiscal |financial )?year\b|^\s*fy\b", re.IGNORECASE)
SHARE_TOLERANCE = 1.5  # percentage points: rounded shares rarely miss 100 by more
NEAR_DUPLICATE_RATIO = 0.9
MIN_SHARED_SENTENCE_WORDS = 6  # shorter sentences ("Hardware still pays.") may match by chance
# A sentence frame (names and numbers masked) may recur on this share of the canvases, and on two at least.
MAX_FRAME_SHARE = 0.02
# A three-word turn may recur in this share of one kind's summaries (companies, business types): the
# summaries stand side by side on the listing pages, where a stamp ("...and survives if") shows at once.
MAX_SUMMARY_PHRASE_SHARE = 0.1
# The same block's analysis is read canvas after canvas; an opening ("People are the...") may start this
# share of one kind's paragraphs on that block, and three at least.
MAX_OPENING_SHARE = 0.01
STALE_FIGURE_YEARS = 2  # fiscal years a canvas's newest figure may lag the date its facts were checked
# A business type's figures come from association surveys and censuses, published every few years.
STALE_TYPE_FIGURE_YEARS = 5

STOPWORDS = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "its", "with", "by", "at", "or", "&"})


@dataclass(frozen=True)
class Finding:
    """One lint finding, phrased for the editor who has to act on it."""

    path: str
    line: int
    rule: str
    severity: str  # ERROR or WARNING
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.severity}: {self.message}"


def _finding(canvas: Canvas, where: tuple, rule: str, severity: str, message: str) -> Finding:
    return Finding(canvas.path, canvas.line_of(*where), rule, severity, message)


# --- text helpers -------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    """Lowercase words without punctuation, plural 's' dropped, so near-identical phrasings compare equal."""
    words = re.findall(r"[a-z0-9&]+", text.lower().replace("'s ", " "))
    return [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
            for word in words]


def _normal(text: str) -> str:
    return " ".join(_words(text))


def _content_words(text: str) -> frozenset[str]:
    return _without_stopwords(_words(text))


def _without_stopwords(words: list[str]) -> frozenset[str]:
    return frozenset(word for word in words if word not in STOPWORDS)


def _number(cell) -> float | None:
    """The number in a figure cell ('52.4', '~30 %', 'RMB 365.9 bn'), or None when there is not exactly one."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        return float(cell)
    numbers = re.findall(r"-?\d[\d,]*(?:\.\d+)?", str(cell))
    if len(numbers) != 1:
        return None
    try:
        return float(numbers[0].replace(",", ""))
    except ValueError:
        return None


# --- rules on one canvas ----------------------------------------------------------------------------

def _possible_near_duplicates(normals: list[str]) -> np.ndarray:
    """possible[a, b]: items a and b may be near duplicates, because SequenceMatcher's cheap upper bound
    quick_ratio() (the characters two strings share, in any order) reaches NEAR_DUPLICATE_RATIO.

    All pairs of one canvas at once in numpy: the character counts of every normal form (ASCII only,
    see ``_words``), the shared count of every pair, the same float division quick_ratio() does. That
    bound was most of lint's time as a loop over pairs. It also implies real_quick_ratio()'s length bound.
    """
    lengths = np.array([len(normal) for normal in normals])
    codes = np.frombuffer("".join(normals).encode("ascii"), dtype=np.uint8).astype(np.intp)
    rows = np.repeat(np.arange(len(normals)), lengths)
    counts = np.bincount(rows * 128 + codes, minlength=len(normals) * 128).reshape(len(normals), 128)
    counts = counts[:, counts.any(axis=0)]  # the characters these items use
    shared = np.minimum(counts[:, None, :], counts[None, :, :]).sum(axis=2)
    total = lengths[:, None] + lengths[None, :]
    ratio = np.divide(2.0 * shared, total, out=np.zeros(shared.shape), where=total > 0)
    return ratio >= NEAR_DUPLICATE_RATIO


def _nearly_same(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= NEAR_DUPLICATE_RATIO


def duplicate_items(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """The same item twice (error inside a block, warning across blocks) or nearly the same (warning).

    Each item is reported against the first earlier item it matches. Same normal form and same words are
    dictionary look-ups; SequenceMatcher only sees the earlier items that pass its cheap bound.
    """
    places = [(block.key, index, item) for block in canvas.blocks for index, item in enumerate(block.items)]
    if not places:
        return []
    word_lists = [_words(item) for _, _, item in places]
    normals = [" ".join(words) for words in word_lists]
    possible = _possible_near_duplicates(normals)
    findings = []
    first_normal: dict[str, int] = {}  # normal form -> the first item with it
    first_words: dict[frozenset, int] = {}
    for position, ((key, index, item), normal) in enumerate(zip(places, normals)):
        words = _without_stopwords(word_lists[position])
        match = min(first_normal.get(normal, position), first_words.get(words, position) if words else position)
        if normal:
            for earlier in np.flatnonzero(possible[position, :match]).tolist():
                if _nearly_same(normal, normals[earlier]):
                    match = earlier
                    break
        if match < position:
            other_key, _, other_item = places[match]
            same_block = other_key == key
            where = "in this block" if same_block else f"in {BLOCKS_BY_KEY[other_key].label}"
            if normal == normals[match]:
                findings.append(_finding(
                    canvas, ("blocks", key, index), "duplicate-item", ERROR if same_block else WARNING,
                    f"'{item}' repeats '{other_item}' {where}; say it once, in the block where it belongs",
                ))
            else:
                findings.append(_finding(
                    canvas, ("blocks", key, index), "near-duplicate-item", WARNING,
                    f"'{item}' says almost the same as '{other_item}' {where}; merge them or make each specific",
                ))
        first_normal.setdefault(normal, position)
        if words:
            first_words.setdefault(words, position)
    return findings


def generic_items(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """Items that only name a category ("Customers", "Marketing") or are placeholders ("TODO")."""
    findings = []
    for block in canvas.blocks:
        for index, item in enumerate(block.items):
            where = ("blocks", block.key, index)
            if PLACEHOLDER.search(item):
                findings.append(_finding(canvas, where, "placeholder-item", ERROR,
                                         f"'{item}' is a placeholder; replace it with a real item or delete it"))
                continue
            bare = re.sub(r"^(key|our|main|other|various|the)\s+", "", item.strip().lower()).strip(" .")
            if bare in GENERIC_WORDS:
                findings.append(_finding(
                    canvas, where, "generic-item", ERROR,
                    f"'{item}' alone says nothing about {canvas.name}; name the particular one "
                    f"(which partner, which channel, spent on what)",
                ))
            elif bare in GENERIC_PHRASES:
                findings.append(_finding(
                    canvas, where, "generic-item", WARNING,
                    f"'{item}' could describe any company; say what is particular to {canvas.name}",
                ))
    return findings


def _figure_where(canvas: Canvas, figure: Figure) -> int:
    return figure.line or canvas.line_of("figures")


def _year_column(figure: Figure) -> int | None:
    for index, heading in enumerate(figure.columns):
        if YEAR_HEADING.search(heading):
            return index
    return None


def share_sums(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """A column headed as a share ("Share of revenue (%)") must add up to about 100."""
    findings = []
    for figure in canvas.figures:
        if _year_column(figure) is not None:
            continue  # a share per year is a time series, not parts of one whole
        for column, heading in enumerate(figure.columns):
            if column == 0 or not SHARE_HEADING.search(heading):
                continue
            values = [_number(row[column]) for row in figure.rows]
            numbers = [value for value in values if value is not None]
            if len(numbers) < 2:
                continue
            total = sum(numbers)
            if abs(total - 100) > SHARE_TOLERANCE:
                findings.append(Finding(
                    canvas.path, _figure_where(canvas, figure), "share-sum", ERROR,
                    f"'{figure.caption}': the column '{heading}' claims a share but adds up to {total:g} %, "
                    f"not 100 %; fix the numbers or add an 'Other' row",
                ))
    return findings


def figure_year_and_source(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """Every figure table needs the year it describes and a source a reader could check."""
    findings = []
    for figure in canvas.figures:
        line = _figure_where(canvas, figure)
        if not figure.year:
            findings.append(Finding(canvas.path, line, "figure-year", ERROR,
                                    f"'{figure.caption}' has no year; add 'year: YYYY' for the period it describes"))
        if figure.source.strip().lower().strip(".") in VAGUE_SOURCES:
            findings.append(Finding(
                canvas.path, line, "figure-source", ERROR,
                f"'{figure.caption}' has no usable source ('{figure.source}'); name the report or page it comes from",
            ))
    return findings


# What a business type's typical economics may rest on: an industry body, official statistics or a study,
# never one company's own figures.
TYPE_SOURCE = re.compile(
    r"\b(association|federation|council|chamber|institute|institution|society|board|alliance|confederation|"
    r"statistics|statistical|census|bureau|office|ministry|department|agency|commission|government|"
    r"survey|study|studies|report|research|university|journal|review|index|benchmark)\b", re.IGNORECASE)


def business_type_figures(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """A business type's figures describe the typical business, so they come from an industry body,
    official statistics or a study, not from one company."""
    if not canvas.is_business_type:
        return []
    return [Finding(canvas.path, _figure_where(canvas, figure), "type-figure-source", ERROR,
                    f"'{figure.caption}': a business type's figures need a source naming an industry association, "
                    f"government statistics or a study ('{figure.source}' names none); cite one, or move the "
                    f"figure to the company canvas it comes from")
            for figure in canvas.figures if not TYPE_SOURCE.search(figure.source)]


def future_years(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """Figures, founding years and 'updated' dates cannot be later than today."""
    findings = []
    for index, figure in enumerate(canvas.figures):
        if figure.year and figure.year > today.year:
            findings.append(Finding(canvas.path, canvas.line_of("figures", index, "year"), "future-year", ERROR,
                                    f"'{figure.caption}' is dated {figure.year}, which has not happened yet; "
                                    f"figures report the past, forecasts belong in the analysis"))
        column = _year_column(figure)
        for row_index, row in enumerate(figure.rows if column is not None else ()):
            year = _number(row[column])
            if year is not None and year > today.year:
                findings.append(Finding(canvas.path, canvas.line_of("figures", index, "rows", row_index),
                                        "future-year", ERROR,
                                        f"'{figure.caption}' has a row for {year:g}, which has not happened yet"))
    if canvas.founded and canvas.founded > today.year:
        findings.append(_finding(canvas, ("founded",), "future-year", ERROR,
                                 f"founded in {canvas.founded}, which is later than this year"))
    if canvas.ended and canvas.ended > today.year:
        findings.append(_finding(canvas, ("ended",), "future-year", ERROR,
                                 f"ended in {canvas.ended}, which is later than this year"))
    if canvas.updated and canvas.updated > today:
        findings.append(_finding(canvas, ("updated",), "future-year", ERROR,
                                 f"updated on {canvas.updated.isoformat()}, which is later than today"))
    return findings


def _unit(text: str) -> frozenset[str]:
    """The unit of a heading or cell: currency, scale, percent; so RMB is never compared with USD."""
    text = text.replace("$", " USD ").replace("€", " EUR ").replace("£", " GBP ").replace("¥", " JPY ")
    units = set(re.findall(r"\b[A-Z]{3}\b", text.replace("RMB", "CNY")))
    for word in re.findall(r"[a-z]+|%", text.lower()):
        scale = {"bn": "bn", "billion": "bn", "b": "bn", "m": "m", "mn": "m", "million": "m", "k": "k",
                 "thousand": "k", "tn": "tn", "trillion": "tn", "%": "%"}.get(word)
        if scale:
            units.add(scale)
    return frozenset(units)


GENERIC_VALUE_HEADING = re.compile(r"^\s*(value|figure|amount|number|data)\s*$", re.IGNORECASE)


def _facts(figure: Figure) -> Iterable[tuple[tuple, frozenset, float, str]]:
    """(year and metric, unit, value, label) for each numeric cell of a table.

    The metric is the row's label plus the column heading ("Smartphones" + "Revenue (RMB bn)"), or the
    row label alone under a "Value" column; the year is the table's, or the row's in a year column.
    """
    year_column = _year_column(figure)
    time_series = year_column is not None and len(figure.columns) == 2
    label_column = None if time_series else next(c for c in range(len(figure.columns)) if c != year_column)
    for row in figure.rows:
        year = figure.year
        if year_column is not None:
            year = _number(row[year_column]) or year
        for column in range(len(row)):
            value = _number(row[column])
            if column in (year_column, label_column) or value is None:
                continue
            heading = figure.columns[column]
            if time_series:
                label = heading  # a time series: one metric, one row per year
            elif GENERIC_VALUE_HEADING.match(heading):
                label = str(row[label_column])
            else:
                label = f"{row[label_column]} {heading}"
            metric = _content_words(re.sub(r"\(.*?\)", " ", label))  # "(USD bn)" is the unit, not the metric
            if metric:
                yield (year, metric), _unit(f"{heading} {row[column]}"), value, label


def contradictory_figures(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """Two tables of one canvas that give the same metric for the same year with different values."""
    findings = []
    known: dict[tuple, tuple[Figure, frozenset, float, str]] = {}
    for figure in canvas.figures:
        facts = list(_facts(figure))
        for (year, metric), unit, value, label in facts:
            key = (year, metric, unit)
            if key in known and known[key][0] is not figure:
                other, _, other_value, _ = known[key]
                if abs(value - other_value) > 0.005 * max(abs(value), abs(other_value)):
                    findings.append(Finding(
                        canvas.path, _figure_where(canvas, figure), "contradictory-figures", ERROR,
                        f"'{figure.caption}' gives {label} for {year:g} as {value:g}, but '{other.caption}' "
                        f"gives {other_value:g}; keep one value, from one source",
                    ))
            else:
                known.setdefault(key, (figure, unit, value, label))
    return findings


def stale_figures(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """A canvas checked recently whose newest figure is years old: the facts were not brought up to date.
    A failure's figures are as new as its model's last years allow."""
    years = [figure.year for figure in canvas.figures if figure.year]
    if not canvas.updated or not years:
        return []
    newest_possible = min(canvas.updated.year, canvas.ended or canvas.updated.year)
    lag = STALE_TYPE_FIGURE_YEARS if canvas.is_business_type else STALE_FIGURE_YEARS
    if newest_possible - max(years) <= lag:
        return []
    return [_finding(canvas, ("updated",), "stale-figures", WARNING,
                     f"updated {canvas.updated.isoformat()}, but the newest figure is from {max(years)}; "
                     f"bring the figures to the latest published fiscal year, or set 'updated' to when they were checked")]


# --- rules across the gallery -----------------------------------------------------------------------

def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip()
    return [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", text) if part]


def _name_pattern(canvas: Canvas) -> re.Pattern:
    """The company's name or its first word (the longer tried first), with an optional possessive: one
    pattern per canvas, since compiling was most of this rule's time."""
    names = sorted({canvas.name, canvas.name.split()[0]}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + r")(['’]s)?", re.IGNORECASE)


def _sentence_key(sentence: str, name: re.Pattern) -> str:
    """A sentence with the company's own name blanked, so 'Acme sells X' and 'Bolt sells X' match."""
    return _normal(name.sub("COMPANY", sentence))


_CAPITALISED_OR_NUMBER = re.compile(r"(?<=\s)[A-Z][\w&'’.-]*|\d[\d,.]*")


def _sentence_frame(sentence: str, name: re.Pattern) -> str:
    """A sentence with its company, the names after its first word and its numbers masked: what stays the
    same when a sentence is a template filled in ('Like Apple, it sells X' and 'Like Sony, it sells X')."""
    return _normal(_CAPITALISED_OR_NUMBER.sub("N", name.sub("COMPANY", sentence)))


def prose_sentences(canvas: Canvas) -> list[tuple[tuple, str, str, str]]:
    """(field, sentence, key, frame) for the summary and analysis sentences long enough to compare, the first of
    each key only: the one-canvas half of ``shared_prose``, done with the one-canvas rules (in the
    workers, and cached)."""
    keyed, seen = [], set()
    name = _name_pattern(canvas)  # compiled once per canvas: re's own cache holds only 512 patterns
    texts = [(("summary",), canvas.summary)] + [(("analysis", key), text) for key, text in canvas.analysis.items()]
    for where, text in texts:
        for sentence in _sentences(text):
            key = _sentence_key(sentence, name)
            if len(key.split()) >= MIN_SHARED_SENTENCE_WORDS and key not in seen:
                seen.add(key)
                keyed.append((where, sentence, key, _sentence_frame(sentence, name)))
    return keyed


def shared_prose(sentences: list[tuple[Canvas, list]]) -> list[Finding]:
    """Analysis (and summary) sentences that appear in more than one canvas: boilerplate, or a copy.
    ``sentences``: each canvas with its ``prose_sentences``, in gallery order (the first one keeps it)."""
    first_seen: dict[str, Canvas] = {}
    findings = []
    for canvas, keyed in sentences:
        for where, sentence, key, _ in keyed:
            other = first_seen.setdefault(key, canvas)
            if other is not canvas:
                findings.append(_finding(
                    canvas, where, "shared-prose", ERROR,
                    f"the sentence '{sentence[:80]}' also appears in {other.path}; write this canvas's own words",
                ))
    return findings


def shared_frames(sentences: list[tuple[Canvas, list]]) -> list[Finding]:
    """Sentence frames on more canvases than ``MAX_FRAME_SHARE`` allows: a formula a reader notices page after
    page even when the names differ. The canvases past the allowed number, in gallery order, are told."""
    allowed = max(2, int(MAX_FRAME_SHARE * len(sentences)))
    seen: dict[str, list[Canvas]] = {}
    findings = []
    for canvas, keyed in sentences:
        for where, sentence, key, frame in keyed:
            users = seen.setdefault(frame, [])
            if canvas in users:
                continue
            users.append(canvas)
            if len(users) > allowed:
                findings.append(_finding(
                    canvas, where, "shared-frame", ERROR,
                    f"the sentence '{sentence[:80]}' follows the same pattern as sentences in "
                    f"{', '.join(c.path for c in users[:allowed])}; say it in a way only this canvas would",
                ))
    return findings


def _turns(text: str, first_only: bool = False) -> list[str]:
    """The three-word runs of a text that hold two words of substance (not 'most of its'); with
    ``first_only``, just its opening run, if that one has them."""
    words = re.findall(r"[a-z]+", text.lower())
    runs = [words[i:i + 3] for i in range(len(words) - 2)]
    if first_only:
        runs = runs[:1]
    return list(dict.fromkeys(" ".join(run) for run in runs if sum(word not in STOPWORDS for word in run) >= 2))


def _shared_turns(canvases: list[Canvas], turns: Callable[[Canvas], list[str]], share: float,
                  least: int, warn: Callable[[Canvas, str, list[Canvas]], Finding]) -> list[Finding]:
    """Turns that more canvases of one kind use than ``share`` of them (and ``least``) allows; the
    canvases past the allowed number, in gallery order, are told once each, for their first such turn."""
    findings = []
    for kind in dict.fromkeys(canvas.kind for canvas in canvases):
        group = [canvas for canvas in canvases if canvas.kind == kind]
        allowed = max(least, int(share * len(group)))
        users: dict[str, list[Canvas]] = {}
        for canvas in group:
            for turn in turns(canvas):
                users.setdefault(turn, []).append(canvas)
        told = set()
        for turn, found in users.items():
            for canvas in found[allowed:]:
                if canvas.slug not in told:
                    told.add(canvas.slug)
                    findings.append(warn(canvas, turn, found))
    return findings


def shared_summary_phrases(canvases: list[Canvas]) -> list[Finding]:
    """Summary phrases on more canvases of one kind than ``MAX_SUMMARY_PHRASE_SHARE`` allows."""
    return _shared_turns(canvases, lambda canvas: _turns(canvas.summary), MAX_SUMMARY_PHRASE_SHARE, 2,
                         lambda canvas, phrase, found: _finding(
                             canvas, ("summary",), "summary-phrase", WARNING,
                             f"the summary's '{phrase}' also stands in {len(found) - 1} other summaries, among "
                             f"them {found[0].path}; the summaries stand side by side, so say it in this canvas's "
                             f"own way"))


def shared_openings(canvases: list[Canvas]) -> list[Finding]:
    """Analysis paragraphs of one block that open alike on more canvases of a kind than
    ``MAX_OPENING_SHARE`` allows: a visitor comparing canvases reads that block on each of them."""
    findings = []
    for key in BLOCK_KEYS:
        def opening(canvas: Canvas, key=key) -> list[str]:
            return _turns(canvas.analysis.get(key, ""), first_only=True)

        findings += _shared_turns(canvases, opening, MAX_OPENING_SHARE, 3,
                                  lambda canvas, turn, found, key=key: _finding(
                                      canvas, ("analysis", key), "analysis-opening", WARNING,
                                      f"the {BLOCKS_BY_KEY[key].label} analysis opens with '{turn}', as it "
                                      f"does on {len(found) - 1} other canvases, among them {found[0].path}; "
                                      f"open it in this canvas's own way"))
    return findings


def missing_patterns(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """A canvas with no business-model pattern is missing from /patterns/ and from every pattern page."""
    if canvas.patterns:
        return []
    return [_finding(canvas, ("name",), "missing-patterns", WARNING,
                     "names no business-model pattern; add 'patterns:' with 1 to 5 slugs from seeds/patterns.yaml, "
                     "each with one line on how this company uses it")]


Rule = Callable[[Canvas, datetime.date], list[Finding]]
CANVAS_RULES: tuple[Rule, ...] = (
    duplicate_items, generic_items, share_sums, figure_year_and_source, future_years, stale_figures,
    contradictory_figures, missing_patterns, business_type_figures,
)


def canvas_findings(canvas: Canvas, today: datetime.date) -> list[Finding]:
    """What the one-canvas rules find in one canvas."""
    return [finding for rule in CANVAS_RULES for finding in rule(canvas, today)]


def _lint_one(canvas: Canvas, today: datetime.date) -> tuple[list[Finding], list]:
    """Everything linting needs from one canvas alone: its findings and its prose sentences."""
    return canvas_findings(canvas, today), prose_sentences(canvas)


def lint_canvases(canvases: list[Canvas], today: datetime.date | None = None, cache_file=None,
                  workers: int = 1) -> list[Finding]:
    """Every finding for these canvases, sorted by file and line.

    With ``cache_file``, the one-canvas rules' findings and the prose sentences are kept per canvas
    (keyed by everything the canvas holds, this module's source and the date), so a rebuild after one
    edit lints one canvas again; comparing the sentences across the gallery always runs, and is only
    dictionary look-ups. ``workers`` > 1 lints the canvases not in the cache in forked processes
    (forked.py).
    """
    today = today or datetime.date.today()
    cache = _CanvasFindings(cache_file, today)
    linted = cache.findings(canvases, workers)
    cache.save()
    findings = [finding for found, _ in linted for finding in found]
    keyed = [(canvas, sentences) for canvas, (_, sentences) in zip(canvases, linted)]
    findings += (shared_prose(keyed) + shared_frames(keyed) + shared_summary_phrases(canvases)
                 + shared_openings(canvases))
    return sorted(findings, key=lambda f: (f.path, f.line, f.rule, f.message))


class _CanvasFindings:
    """``_lint_one`` per canvas, read from and written to ``path`` when one is given."""

    def __init__(self, path, today: datetime.date):
        self.path, self.today = (Path(path) if path else None), today
        self.version = hashlib.sha256(Path(__file__).read_bytes() + today.isoformat().encode()).hexdigest()
        # None yet, or another version of the rules: lint every canvas.
        self.known: dict[str, tuple] = load_versioned(self.path, self.version)
        self.used: dict[str, tuple] = {}

    def findings(self, canvases: list[Canvas], workers: int) -> list[tuple[list[Finding], list]]:
        """(findings, prose sentences) of each canvas, in order: from the cache, or found now."""
        keys = [self.key(canvas) for canvas in canvases]
        todo = [canvas for canvas, key in zip(canvases, keys) if key is None or key not in self.known]
        fresh = iter(map_forked(lambda i: _lint_one(todo[i], self.today), len(todo), workers))
        found = [next(fresh) if key is None or key not in self.known else self.known[key] for key in keys]
        self.used = {key: canvas_found for key, canvas_found in zip(keys, found) if key is not None}
        return found

    def key(self, canvas: Canvas) -> str | None:
        if self.path is None:
            return None
        return hashlib.sha256(pickle.dumps(canvas, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()

    def save(self) -> None:
        if self.path is None or self.used.keys() == self.known.keys():
            return
        save_versioned(self.path, self.version, self.used)


def errors_in(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == ERROR]


def report(findings: list[Finding]) -> str:
    """The findings, one a line, and a closing count line."""
    errors = len(errors_in(findings))
    warnings = len(findings) - errors
    summary = f"lint: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    return "\n".join([*map(str, findings), summary])


def main(argv: list[str]) -> int:
    """Lint a seeds folder (drafts only with --drafts) and print every finding; 1 when there are errors."""
    from ..load.seeds import SeedErrors, load_gallery

    drafts = "--drafts" in argv
    folders = [arg for arg in argv if arg != "--drafts"]
    try:
        gallery = load_gallery(folders[0] if folders else "seeds", include_drafts=drafts)
    except SeedErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    findings = lint_canvases(gallery.canvases)
    print(report(findings))
    return 1 if errors_in(findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
