"""Synthetic galleries for the benchmark: N seed canvases, and the same N as plain Markdown articles.

``python -m bench.synth N FOLDER`` writes ``FOLDER/seeds/`` (industries.yaml + N canvases) and
``FOLDER/markdown/`` (N articles with the same text, for stock Pelican). The output depends only on N
and the random seed, so two runs compare like with like.
"""

from __future__ import annotations

import datetime
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import words

HERE = Path(__file__).resolve().parent
INDUSTRIES = HERE / "industries.yaml"

BLOCK_KEYS = tuple(words.BLOCK_WORDS)
BLOCK_LABELS = {key: key.replace("_", " ").title() for key in BLOCK_KEYS}
ANALYSIS_SHARE = 0.4  # canvases with editor prose
FIGURES_SHARE = 0.3  # canvases with at least one table of figures
RELATED_SHARE = 0.3  # canvases with editor-picked related canvases

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class SyntheticCanvas:
    slug: str
    seed: dict  # exactly what goes into seeds/<slug>.yaml


def _slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    names, taken = [], set()
    while len(names) < n:
        name = (rng.choice(words.NAME_STARTS) + rng.choice(words.NAME_MIDDLES) + rng.choice(words.NAME_ENDS)
                + rng.choice(words.NAME_SUFFIXES))
        slug = _slugify(name)
        if slug in taken:
            slug = f"{slug}-{len(names)}"
            name = f"{name} {len(names)}"
        taken.add(slug)
        names.append((name, slug))
    return names


def _item(rng: random.Random, block: str) -> str:
    # Offers read as phrases of their own; other blocks get an adjective in front.
    adjective = "" if block == "value_propositions" else rng.choice(words.ADJECTIVES)
    item = f"{adjective} {rng.choice(words.BLOCK_WORDS[block])} {rng.choice(words.QUALIFIERS)}"
    item = item.strip()
    return item[0].upper() + item[1:]


def _sentence(rng: random.Random, block: str) -> str:
    # Enough parts that no two canvases share a sentence (the lint step rejects copied prose).
    return (f"{rng.choice(words.OPENERS)} {rng.choice(words.VERBS)} {rng.choice(words.ADJECTIVES)} "
            f"{rng.choice(words.BLOCK_WORDS[block])} {rng.choice(words.QUALIFIERS)}, {rng.choice(words.CONNECTORS)} "
            f"{rng.choice(words.CONSEQUENCES)} and {rng.choice(words.BLOCK_WORDS[block])} account for about "
            f"{rng.randint(3, 60)} percent of the effort.").replace("  ", " ").replace(" ,", ",")


def _paragraph(rng: random.Random, block: str) -> str:
    sentences = [_sentence(rng, block) for _ in range(rng.randint(4, 7))]
    # Some Markdown, as editors write it.
    sentences[1] = f"**{sentences[1][:-1]}**."
    return " ".join(sentences)


def _figure(rng: random.Random, block: str, year: int) -> dict:
    labels = rng.sample(words.BLOCK_WORDS[block], rng.randint(3, 6))
    # Shares that add up to 100 %, as the lint step checks.
    cuts = sorted(rng.sample(range(1, 100), len(labels) - 1))
    shares = sorted((b - a for a, b in zip([0, *cuts], [*cuts, 100])), reverse=True)
    total = rng.uniform(50, 5000)
    rows = [[label.capitalize(), round(total * share / 100, 1), share] for label, share in zip(labels, shares)]
    return {
        "block": block,
        "caption": f"{BLOCK_LABELS[block]} by line, fiscal {year}",
        "year": year,
        "source": "Annual report (synthetic)",
        "columns": ["Line", "Amount (USD m)", "Share (%)"],
        "rows": rows,
    }


def synthetic_canvases(n: int, seed: int = 2026) -> list[SyntheticCanvas]:
    """N canvases with every block filled, prose for some, figures for some, spread over all industries."""
    rng = random.Random(seed)
    industries = [entry["slug"] for entry in yaml.safe_load(INDUSTRIES.read_text())]
    names = _names(rng, n)
    slugs = [slug for _, slug in names]
    canvases = []
    for index, (name, slug) in enumerate(names):
        industry = industries[index % len(industries)] if index < len(industries) else rng.choice(industries)
        year = rng.randint(2019, 2024)
        founded, city = rng.randint(1890, 2018), rng.choice(words.CITIES)
        seed_doc = {
            "name": name,
            "industry": industry,
            "summary": f"Founded in {founded} in {city.split(',')[0]}, {name} sells {rng.choice(words.OFFERS)} "
                       f"to {rng.choice(words.SEGMENTS)} {rng.choice(words.QUALIFIERS)} and earns its money from "
                       f"{rng.choice(words.REVENUES)} and {rng.choice(words.REVENUES)}.".replace("  ", " "),
            "founded": founded,
            "headquarters": city,
            "website": f"https://www.{slug}.example/",
            "updated": datetime.date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            "blocks": {block: sorted({_item(rng, block) for _ in range(rng.randint(3, 8))}) for block in BLOCK_KEYS},
        }
        if rng.random() < ANALYSIS_SHARE:
            seed_doc["analysis"] = {block: _paragraph(rng, block)
                                    for block in rng.sample(BLOCK_KEYS, rng.randint(2, 4))}
        if rng.random() < FIGURES_SHARE:
            blocks = rng.sample(("revenue_streams", "cost_structure", "customer_segments"), rng.randint(1, 2))
            seed_doc["figures"] = [_figure(rng, block, year) for block in blocks]
        if rng.random() < RELATED_SHARE and n > 1:
            picks = {rng.choice(slugs) for _ in range(rng.randint(1, 4))} - {slug}
            if picks:
                seed_doc["related"] = sorted(picks)
        seed_doc["sources"] = [
            {"title": f"{name} annual report {year - k}", "url": f"https://www.{slug}.example/reports/{year - k}"}
            for k in range(rng.randint(1, 3))
        ]
        canvases.append(SyntheticCanvas(slug, seed_doc))
    return canvases


def write_seeds(folder: Path, canvases: list[SyntheticCanvas]) -> Path:
    """seeds/industries.yaml and one seeds/<slug>.yaml per canvas; returns the seeds folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(INDUSTRIES, folder / "industries.yaml")
    for canvas in canvases:
        text = yaml.dump(canvas.seed, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{canvas.slug}.yaml").write_text(text, encoding="utf-8")
    return folder


def _markdown(canvas: SyntheticCanvas, industry_names: dict[str, str]) -> str:
    seed = canvas.seed
    lines = [
        f"Title: {seed['name']} Business Model Canvas",
        f"Date: {seed['updated'].isoformat()}",
        f"Category: {industry_names[seed['industry']]}",
        f"Slug: {canvas.slug}",
        f"Summary: {seed['summary']}",
        "",
        seed["summary"],
        "",
        f"- Founded: {seed['founded']}",
        f"- Headquarters: {seed['headquarters']}",
        f"- Website: <{seed['website']}>",
        "",
    ]
    for block in BLOCK_KEYS:
        lines += [f"## {BLOCK_LABELS[block]}", ""] + [f"- {item}" for item in seed["blocks"][block]] + [""]
    if seed.get("analysis"):
        lines += ["## Analysis", ""]
        for block, text in seed["analysis"].items():
            lines += [f"### {BLOCK_LABELS[block]}", "", text, ""]
    for figure in seed.get("figures", ()):
        lines += [f"**{figure['caption']} ({figure['year']})**", "",
                  "| " + " | ".join(figure["columns"]) + " |", "|" + "---|" * len(figure["columns"])]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in figure["rows"]]
        lines += ["", f"Source: {figure['source']}.", ""]
    lines += ["## Sources", ""] + [f"- [{s['title']}]({s['url']})" for s in seed["sources"]] + [""]
    if seed.get("related"):
        lines += ["## Related", ""] + [f"- [{slug}](/{slug}.html)" for slug in seed["related"]] + [""]
    return "\n".join(lines)


def write_markdown(folder: Path, canvases: list[SyntheticCanvas]) -> Path:
    """The same canvases as Markdown articles for stock Pelican; returns the content folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    industry_names = {entry["slug"]: entry["name"] for entry in yaml.safe_load(INDUSTRIES.read_text())}
    for canvas in canvases:
        (folder / f"{canvas.slug}.md").write_text(_markdown(canvas, industry_names), encoding="utf-8")
    return folder


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m bench.synth N FOLDER", file=sys.stderr)
        return 2
    n, folder = int(argv[0]), Path(argv[1])
    canvases = synthetic_canvases(n)
    write_seeds(folder / "seeds", canvases)
    write_markdown(folder / "markdown", canvases)
    print(f"{n} canvases in {folder / 'seeds'} and {folder / 'markdown'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
