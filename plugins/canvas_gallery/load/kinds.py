"""The two kinds of canvas and the fields each allows: a company (the default) and a business type.

A business type describes a kind of business (a coffee shop, a dental clinic), so it has no founding
year, headquarters or website; it may list ``examples`` (company canvases that follow it) and
``variants`` (the versions of it whose models differ). A company lists neither.
"""

from __future__ import annotations

import difflib

from ..model import BUSINESS_TYPE, COMPANY, Variant

KINDS = (COMPANY, BUSINESS_TYPE)
# Fields only one kind may have; every other optional field is shared.
KIND_ONLY_KEYS = {
    COMPANY: ("website", "founded", "headquarters", "ended"),
    BUSINESS_TYPE: ("examples", "variants"),
}
ALL_KIND_KEYS = ("kind",) + KIND_ONLY_KEYS[COMPANY] + KIND_ONLY_KEYS[BUSINESS_TYPE]
VARIANT_KEYS = ("name", "note")
MAX_EXAMPLES = 24  # a type's examples are the best-known few, not a directory
MAX_VARIANTS = 8  # the variants that change the model, not every format

_WRONG_KIND_FIX = {
    "website": "a business type is no single company and has no website; remove it",
    "founded": "a business type has no founding year; remove it (a company canvas listed under examples keeps its own)",
    "headquarters": "a business type has no headquarters; remove it",
    "ended": "a business type has no year its model stopped working; remove it (a failed company keeps its own)",
    "examples": "only a business type lists examples; remove it, or add 'kind: business-type' if this canvas "
                "describes a kind of business rather than one company",
    "variants": "only a business type has variants; remove it, or add 'kind: business-type' if this canvas "
                "describes a kind of business rather than one company",
}


def allowed_keys(kind: str) -> tuple[str, ...]:
    """The fields a canvas of ``kind`` may have beyond the shared ones."""
    return ("kind",) + KIND_ONLY_KEYS.get(kind, ())


def close_matches(word: str, choices, count: int = 3) -> str:
    """' (close matches: a, b)' or '' for an unknown name."""
    close = difflib.get_close_matches(word, list(choices), n=count, cutoff=0.5)
    return f" (close matches: {', '.join(close)})" if close else ""


def check_kind(checker, data: dict) -> str:
    """The canvas's kind, with a problem for an unknown one and for every field its kind does not allow."""
    kind = data.get("kind", COMPANY)
    if kind not in KINDS:
        checker.problem(("kind",), f"unknown kind {kind!r}; write 'kind: company' (the default, which can be "
                                   f"left out) or 'kind: business-type'")
        return COMPANY
    other = BUSINESS_TYPE if kind == COMPANY else COMPANY
    for key in KIND_ONLY_KEYS[other]:
        if key in data:
            checker.problem((key,), f"not allowed on a {'business type' if kind == BUSINESS_TYPE else 'company'}: "
                                    f"{_WRONG_KIND_FIX[key]}")
    return kind


def check_examples(checker, value) -> tuple[str, ...]:
    """A business type's example slugs, checked for shape here; the slugs themselves once every seed is read."""
    if not isinstance(value, list) or not all(isinstance(slug, str) and slug.strip() for slug in value):
        checker.problem(("examples",), "expected a list of company canvas slugs such as [starbucks, costa-coffee]")
        return ()
    if len(value) > MAX_EXAMPLES:
        checker.problem(("examples",), f"has {len(value)} examples, more than the {MAX_EXAMPLES} allowed; "
                                       f"keep the best-known ones")
        return ()
    seen = set()
    for index, slug in enumerate(value):
        if slug in seen:
            checker.problem(("examples", index), f"'{slug}' is listed twice; remove one")
        seen.add(slug)
    return tuple(slug.strip() for slug in value)


def check_variants(checker, value) -> tuple[Variant, ...]:
    if not isinstance(value, list):
        checker.problem(("variants",), "expected a list of variants, each a mapping with a name and a note, "
                                       "e.g. '- {name: Kiosk, note: no seats, high volume}'")
        return ()
    if len(value) > MAX_VARIANTS:
        checker.problem(("variants",), f"has {len(value)} variants, more than the {MAX_VARIANTS} allowed; "
                                       f"keep those whose business model differs")
        return ()
    variants = []
    for index, entry in enumerate(value):
        where = ("variants", index)
        if not isinstance(entry, dict) or not all(key in entry for key in VARIANT_KEYS):
            checker.problem(where, "expected a mapping with 'name' and 'note'")
            continue
        checker.unknown_keys(entry, VARIANT_KEYS, where)
        variants.append(Variant(checker.text(entry["name"], where + ("name",)),
                                checker.text(entry["note"], where + ("note",))))
    return tuple(variants)


def example_problems(canvases: dict, known: set[str], problem) -> None:
    """Checks every business type's examples against the gallery (each must be a company canvas) and
    records on each company the types it is an example of. ``problem(canvas, field_path, message)``."""
    example_of: dict[str, list[str]] = {}
    companies = {slug for slug in known if not (slug in canvases and canvases[slug].is_business_type)}
    for canvas in canvases.values():
        for index, slug in enumerate(canvas.examples):
            if slug not in known:
                problem(canvas, ("examples", index),
                        f"no canvas has the slug '{slug}'{close_matches(slug, companies)}; "
                        f"write the slug of a company canvas (its file name without .yaml) or remove it")
            elif slug in canvases and canvases[slug].is_business_type:
                problem(canvas, ("examples", index),
                        f"'{slug}' is a business type, not a company; list company canvases only")
            else:
                example_of.setdefault(slug, []).append(canvas.slug)
    for slug, types in example_of.items():
        if slug in canvases:
            canvases[slug].example_of = tuple(sorted(types))
