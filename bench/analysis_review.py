"""Draw generated sentences at random from a built site for a blind review (docs/analysis-review.md).

Reads the canvas pages of a built site, takes the sentences the plugin wrote (``data-generated``), and
prints a numbered sheet: the sentence, the block it stands under, and the seed file to read beside it.
The reviewer sees the sentences and the seeds, never the code.

    .venv/bin/python -m bench.analysis_review output/ --count 100 --seed 1 > review.md
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from bs4 import BeautifulSoup

# Ends of words inside names, not of sentences ("Warner Bros. Discovery", "Yum! Brands").
ABBREVIATIONS = ("Bros.", "Inc.", "Co.", "Corp.", "Ltd.", "St.", "Mr.", "Dr.", "e.g.", "i.e.", "Yum!")
# An initial ("D.R. Horton", "C.H. Robinson", "U.S.") ends a sentence too rarely to split at.
INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")


def sentences(text: str) -> list[str]:
    """Split at sentence ends, but not after an abbreviation or initial inside a name ("Warner Bros. Discovery")."""
    found: list[str] = []
    for piece in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text):
        if found and (found[-1].endswith(ABBREVIATIONS) or INITIAL.search(found[-1])):
            found[-1] += " " + piece
        elif piece.strip():
            found.append(piece)
    return [" ".join(sentence.split()) for sentence in found]


def generated(site: Path) -> list[tuple[str, str, str]]:
    """(slug, block, sentence) for every generated sentence of every canvas page, in a stable order."""
    drawn = []
    for page in sorted((site / "canvas").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for paragraph in soup.select(".analysis p"):
            if not paragraph.find_parent(attrs={"data-generated": True}):
                continue
            block = paragraph.find_parent(attrs={"data-analysis": True})["data-analysis"]
            drawn += [(page.parent.name, block, sentence) for sentence in sentences(paragraph.get_text())]
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. output/")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1, help="the same seed draws the same sentences")
    args = parser.parse_args()
    pool = generated(args.site)
    sample = random.Random(args.seed).sample(pool, min(args.count, len(pool)))
    print(f"# Blind review: {len(sample)} of {len(pool)} generated sentences (seed {args.seed})\n")
    print("For each: read the seed file, then mark the sentence ok, or say what needs a fix and why.\n")
    for number, (slug, block, sentence) in enumerate(sample, 1):
        print(f"{number}. [{slug} · {block}] {sentence}  \n   seed: seeds/{slug}.yaml — verdict: ")


if __name__ == "__main__":
    main()
