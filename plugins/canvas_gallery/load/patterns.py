"""The controlled list of business-model patterns (``seeds/patterns.yaml``) and a canvas's ``patterns``.

A canvas names one to five patterns, each with one line on how it uses it::

    patterns:
      razor-and-blade: "Handles sold near cost, refill cartridges carry the margin"

The list is read like ``industries.yaml``: every problem with its file and line. A seeds folder without
the list knows no pattern, so a canvas there may not name one.
"""

from __future__ import annotations

import re

from ..model import Pattern, PatternUse

PATTERNS_FILE = "patterns.yaml"
PATTERN_KEYS = ("slug", "name", "aliases", "definition", "source")
MIN_PATTERNS, MAX_PATTERNS = 1, 5
MAX_HOW_CHARS = 200  # one line under a chip, not a paragraph
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_patterns(seeds_dir, problems: list, limits=None) -> dict[str, Pattern]:
    """slug -> Pattern, in the order of the list; problems are appended to ``problems``. Bounded like
    industries.yaml (size, nesting, count)."""
    from .limits import current_limits
    from .seeds import read_list

    path = seeds_dir / PATTERNS_FILE
    if not path.exists():
        return {}
    read = read_list(path, seeds_dir, problems, limits or current_limits(), "patterns", ", ".join(PATTERN_KEYS))
    if read is None:
        return {}
    entries, checker = read
    patterns: dict[str, Pattern] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(key in entry for key in PATTERN_KEYS):
            checker.problem((index,), "each pattern needs " + ", ".join(PATTERN_KEYS))
            continue
        checker.unknown_keys(entry, PATTERN_KEYS, (index,))
        slug = str(entry["slug"])
        if not _SLUG.match(slug):
            checker.problem((index, "slug"), "use lowercase letters, digits and hyphens")
            continue
        if slug in patterns:
            checker.problem((index, "slug"), f"duplicate pattern '{slug}'; merge the two entries")
            continue
        aliases = entry["aliases"] or []
        if not isinstance(aliases, list):
            checker.problem((index, "aliases"), "expected a list of names such as [Freebie, Free tier]")
            aliases = []
        patterns[slug] = Pattern(
            slug=slug,
            name=checker.text(entry["name"], (index, "name")),
            aliases=tuple(checker.text(alias, (index, "aliases", n)) for n, alias in enumerate(aliases)),
            definition=checker.text(entry["definition"], (index, "definition")),
            source=checker.text(entry["source"], (index, "source")),
        )
    return patterns


def check_patterns(checker, value, known: dict[str, Pattern]) -> tuple[PatternUse, ...]:
    """A canvas's ``patterns`` mapping -> its (pattern, how) pairs; problems go to ``checker``."""
    from .seeds import _describe, _suggest

    if not isinstance(value, dict):
        checker.problem(("patterns",), f"expected a mapping of pattern slugs to one line each, got {_describe(value)}; "
                                       "write 'slug: \"how this canvas uses it\"'")
        return ()
    if not MIN_PATTERNS <= len(value) <= MAX_PATTERNS:
        checker.problem(("patterns",), f"has {len(value)} patterns; a canvas names {MIN_PATTERNS} to {MAX_PATTERNS}, "
                                       "the ones that explain how it makes money")
    uses = []
    for slug, how in value.items():
        where = ("patterns", slug)
        pattern = known.get(str(slug))
        if pattern is None:
            listed = ", ".join(known) if known else f"none (the seeds folder has no {PATTERNS_FILE})"
            checker.problem(where, f"unknown pattern '{slug}'{_suggest(str(slug), known)}; "
                                   f"known patterns are: {listed}")
            continue
        if how is None or not isinstance(how, (str, int, float)) or isinstance(how, bool):
            checker.problem(where, f"expected one line on how this canvas uses {pattern.name}, got {_describe(how)}")
            continue
        text = " ".join(str(how).split())
        if not text:
            checker.problem(where, f"the line on how this canvas uses {pattern.name} is empty; write it")
            continue
        if len(text) > MAX_HOW_CHARS:
            checker.problem(where, f"the line has {len(text)} characters; keep it to {MAX_HOW_CHARS}, "
                                   "one line on how this canvas uses the pattern")
            continue
        uses.append(PatternUse(pattern, text))
    return tuple(uses)
