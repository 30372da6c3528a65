"""Synthetic galleries for the benchmark: N seed canvases, and the same N as plain Markdown articles.

``python -m bench.synth N FOLDER`` writes ``FOLDER/seeds/`` (industries.yaml + N canvases) and
``FOLDER/markdown/`` (N articles with the same text, for stock Pelican). The output depends only on N,
the random seed and the real seeds in ``seeds/``, so two runs compare like with like.

The blocks' items, the editors' prose and the figure tables are sampled from the real seeds, varied per
canvas, so that relating and writing up cost what they cost on real canvases (items drawn from word
lists share few terms and give the text little to say). Names, places and summaries come from the word
lists in ``words.py``.
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
REAL_SEEDS = HERE.parent / "seeds"
COMPANY = "COMPANYNAME"  # where a real sentence named its own company: the synthetic name goes there
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")  # as the lint step splits prose

BLOCK_KEYS = tuple(words.BLOCK_WORDS)
BLOCK_LABELS = {key: key.replace("_", " ").title() for key in BLOCK_KEYS}
ANALYSIS_SHARE = 0.4  # canvases with editor prose
FIGURES_SHARE = 0.3  # canvases with the figure tables of a real seed
RELATED_SHARE = 0.3  # canvases with editor-picked related canvases

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class SyntheticCanvas:
    slug: str
    seed: dict  # exactly what goes into seeds/<slug>.yaml


@dataclass
class RealPools:
    """What the real seeds hold, to sample synthetic canvases from."""

    items: dict[str, list[str]]  # block -> the distinct items of every real seed
    counts: dict[str, list[int]]  # block -> how many items each real seed lists
    sentences: dict[str, list[str]]  # block -> the sentences of the editors' prose, COMPANY for the own name
    figures: list[list[dict]]  # the figure tables of each real seed that has some (a seed's tables agree)


def _item_key(item: str) -> frozenset:
    """An item's words, singular, in any order: two real items with the same key would be one item twice
    to the lint (duplicate-item) if a synthetic canvas drew both into one block."""
    return frozenset(re.sub(r"(?<=[a-z])s$", "", word) for word in re.findall(r"[a-z0-9]+", item.lower()))


def real_pools(folder: Path = REAL_SEEDS) -> RealPools:
    items, counts, sentences, figures = ({key: [] for key in BLOCK_KEYS}, {key: [] for key in BLOCK_KEYS},
                                         {key: [] for key in BLOCK_KEYS}, [])
    seen = {key: set() for key in BLOCK_KEYS}
    for path in sorted(Path(folder).glob("*.yaml")):
        if path.name in ("industries.yaml", "patterns.yaml"):  # the lists, not canvases
            continue
        seed = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if seed.get("draft"):
            continue
        for key in BLOCK_KEYS:
            listed = seed["blocks"][key]
            counts[key].append(len(listed))
            for item in listed:
                if _item_key(item) not in seen[key]:
                    seen[key].add(_item_key(item))
                    items[key].append(item)
        names = sorted({seed["name"], seed["name"].split()[0]}, key=len, reverse=True)
        for key, text in (seed.get("analysis") or {}).items():
            for name in names:  # before splitting: a sentence may start with the name ("Ørsted's skill…")
                text = text.replace(name, COMPANY)
            sentences[key] += SENTENCE_BREAK.split(re.sub(r"\s+", " ", text).strip())
        if seed.get("figures"):
            figures.append(seed["figures"])
    return RealPools(items, counts, sentences, figures)


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


def _real_paragraph(rng: random.Random, pool: list[str], name: str, used: set[str]) -> str:
    """Three to six sentences of the real editors' prose about this block, the company's own name
    replaced. A sentence another canvas already has gets a clause of its own: the lint step rejects
    prose copied between canvases."""
    sentences = []
    for sentence in rng.sample(pool, min(len(pool), rng.randint(3, 6))):
        for _ in range(20):  # compared without the company's name, as the lint step compares them
            if sentence.lower() not in used:
                break
            sentence = (f"{sentence.rstrip('.!?')}, {rng.choice(words.CONNECTORS)} "
                        f"{rng.choice(words.CONSEQUENCES)}.")
        else:
            continue
        used.add(sentence.lower())
        sentences.append(sentence.replace(COMPANY, name))
    return " ".join(sentences)


def synthetic_canvases(n: int, seed: int = 2026) -> list[SyntheticCanvas]:
    """N canvases with every block filled, prose for some, figures for some, spread over all industries."""
    rng = random.Random(seed)
    real = real_pools()
    prose_blocks = [key for key in BLOCK_KEYS if len(real.sentences[key]) >= 3]
    used_sentences: set[str] = set()
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
            "blocks": {block: rng.sample(real.items[block], rng.choice(real.counts[block])) for block in BLOCK_KEYS},
        }
        if rng.random() < ANALYSIS_SHARE:
            analysis = {block: _real_paragraph(rng, real.sentences[block], name, used_sentences)
                        for block in rng.sample(prose_blocks, min(len(prose_blocks), rng.randint(2, 4)))}
            if any(analysis.values()):
                seed_doc["analysis"] = {block: text for block, text in analysis.items() if text}
        if rng.random() < FIGURES_SHARE:
            seed_doc["figures"] = rng.choice(real.figures)
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
                  "| " + " | ".join(map(str, figure["columns"])) + " |", "|" + "---|" * len(figure["columns"])]
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
