"""Hostile seeds, industries and imported pages are refused quickly, in little memory, with file and line.

Every hostile file is made here, small on disk: an alias bomb of eight levels (the "billion laughs" shape),
a 50 MB file (sparse), lists and mappings nested hundreds deep, a block of 5,000 items, a figure table of
5,000 rows. Builds run in a process of their own whose children's peak memory and wall time are measured
(``getrusage(RUSAGE_CHILDREN)`` in that process, so no other test's builds count); the bounds are loose
enough for a busy two-core machine, and far below what the same files cost without the limits.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from canvas_gallery.load.limits import DEFAULTS
from canvas_gallery.load.seeds import SeedErrors, load_gallery
from sitebuild import MINIMAL_SEED, ROOT

PEAK_MB = 300
SECONDS_PER_REFUSAL = 2.0

GOOD = MINIMAL_SEED

# Runs one command and prints its exit code, wall time and the peak memory of its process tree.
MEASURE = textwrap.dedent("""\
    import json, resource, subprocess, sys, time
    started = time.perf_counter()
    run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"code": run.returncode, "stdout": run.stdout, "stderr": run.stderr,
                      "seconds": seconds, "peak_mb": peak_mb}))
""")


def measured(*command: str) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def build_command(seeds: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "invoke", "build", "--output", str(output), "--seeds", str(seeds), "--siteurl", ""]


def alias_bomb(levels: int = 8) -> str:
    """Ten strings, then each level a list of ten aliases of the level before: 10**9 strings once expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def sparse_file(path: Path, size: int) -> None:
    with path.open("wb") as stream:
        stream.truncate(size)


def figure_of_rows(rows: int) -> str:
    body = "".join(f"      - [R, {n}]\n" for n in range(rows))
    return ("figures:\n  - block: revenue_streams\n    caption: Revenue\n    year: 2024\n    source: Annual report\n"
            "    columns: [Segment, Value]\n    rows:\n" + body)


HOSTILE_SEEDS = {
    # name: (text or a size for a sparse file, what the first line of its problem says)
    "bomb.yaml": (GOOD + alias_bomb(), "seeds/bomb.yaml:14: anchors ('&a0') are not allowed in a seed"),
    "huge.yaml": (50_000_000, "seeds/huge.yaml:1: the file is 50,000,000 bytes, more than the 100,000 allowed "
                              "(CANVAS_MAX_SEED_BYTES=100000)"),
    "deep.yaml": (GOOD.replace("[Example channel]", "[" * 900 + "]" * 900), "seeds/deep.yaml:"),
    "nested.yaml": (GOOD.replace("[Example channel]", "[[[[[[[[x]]]]]]]]"),
                    "seeds/nested.yaml:10: lists and mappings nest more than 6 levels deep here"),
    "many.yaml": (GOOD.replace("  channels: [Example channel]\n",
                               "  channels:\n" + "".join(f"    - Channel {n}\n" for n in range(5000))),
                  "seeds/many.yaml:10: blocks.channels: has 5000 items; a block needs 1 to 12"),
    "rows.yaml": (GOOD + figure_of_rows(5000),
                  "seeds/rows.yaml:20: figures[0].rows: has 5,000 rows, more than the 50 allowed "
                  "(CANVAS_MAX_FIGURE_ROWS=50)"),
}


def write_hostile(seeds: Path) -> None:
    for name, (content, _) in HOSTILE_SEEDS.items():
        if isinstance(content, int):
            sparse_file(seeds / name, content)
        else:
            (seeds / name).write_text(content)


def tree_hashes(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_hostile_seed_is_refused_with_its_file_and_line(seeds_copy):
    write_hostile(seeds_copy)
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds_copy)
    problems = [str(problem) for problem in caught.value.problems]
    for name, (_, expected) in HOSTILE_SEEDS.items():
        mine = [problem for problem in problems if problem.startswith(f"seeds/{name}:")]
        assert len(mine) == 1, (name, mine)  # one problem a file, not one per item, row or alias
        assert mine[0].startswith(expected), (name, mine[0])
    deep = next(problem for problem in problems if problem.startswith("seeds/deep.yaml:"))
    assert deep.startswith("seeds/deep.yaml:10:") and "nest" in deep


def test_a_build_with_hostile_seeds_fails_fast_in_little_memory_and_keeps_the_last_good_site(tmp_path, seeds_copy):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<!doctype html><title>the last good site</title>\n")
    before = tree_hashes(output)
    # An ordinary mistake in another canvas: its problem must still be listed beside the hostile ones.
    (seeds_copy / "typo.yaml").write_text(GOOD + "sumary: typo\n")

    baseline = measured(*build_command(seeds_copy, output))  # start-up and one plain refusal
    assert baseline["code"] != 0 and "seeds/typo.yaml:14: sumary: unknown key" in baseline["stderr"]

    write_hostile(seeds_copy)
    hostile = measured(*build_command(seeds_copy, output))
    assert hostile["code"] != 0
    for name, (_, expected) in HOSTILE_SEEDS.items():
        assert expected in hostile["stderr"], name
    assert "seeds/typo.yaml:14: sumary: unknown key 'sumary'" in hostile["stderr"]
    assert "Traceback" not in hostile["stderr"]
    extra = hostile["seconds"] - baseline["seconds"]
    assert extra < SECONDS_PER_REFUSAL * len(HOSTILE_SEEDS), f"{extra:.1f} s more than a plain refusal"
    assert hostile["peak_mb"] < PEAK_MB, f"peak {hostile['peak_mb']:.0f} MB"
    assert tree_hashes(output) == before
    assert not list(tmp_path.glob(".build-*")), "the staging folder was left behind"


@pytest.mark.parametrize("kind", ["bomb", "huge", "many"])
def test_hostile_industries_file_is_refused_with_its_line(tmp_path, seeds_copy, kind):
    industries = seeds_copy / "industries.yaml"
    if kind == "bomb":
        industries.write_text(industries.read_text() + "# padding\n" + "- " + alias_bomb().replace("\n", "\n  ", 8))
        expected = "seeds/industries.yaml:"
        reason = "anchors ('&a0') are not allowed"
    elif kind == "huge":
        sparse_file(industries, 50_000_000)
        expected, reason = "seeds/industries.yaml:1:", "more than the 200,000 allowed (CANVAS_MAX_INDUSTRIES_BYTES="
    else:
        industries.write_text("".join(f"- {{slug: i{n}, name: I{n}, description: D}}\n" for n in range(2000)))
        expected, reason = "seeds/industries.yaml:1:", "has 2,000 industries, more than the 500 allowed"
    output = tmp_path / "output"
    result = measured(*build_command(seeds_copy, output))
    assert result["code"] != 0
    [line] = [line for line in result["stderr"].splitlines() if line.startswith(expected)]
    assert reason in line
    assert result["peak_mb"] < PEAK_MB
    assert not output.exists()


def test_a_limit_is_a_setting_of_the_environment(seeds_copy, monkeypatch):
    (seeds_copy / "example.yaml").write_text(GOOD + figure_of_rows(3))
    assert "example" in load_gallery(seeds_copy).by_slug()
    monkeypatch.setenv("CANVAS_MAX_FIGURE_ROWS", "2")
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds_copy)
    [problem] = [str(problem) for problem in caught.value.problems if problem.path == "seeds/example.yaml"]
    assert problem.startswith("seeds/example.yaml:20: figures[0].rows: has 3 rows, more than the 2 allowed "
                              "(CANVAS_MAX_FIGURE_ROWS=2); keep the ones that matter most")
    monkeypatch.setenv("CANVAS_MAX_FIGURE_ROWS", "many")
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds_copy)
    assert "CANVAS_MAX_FIGURE_ROWS='many': expected a positive whole number" in str(caught.value)


def test_long_text_and_long_lists_name_their_field_and_setting(seeds_copy):
    text = GOOD.replace("Sells examples.", "Sells examples. " * 200) + "related: [" + ", ".join(["acme-robotics"] * 40) + "]\n"
    (seeds_copy / "x.yaml").write_text(text)
    with pytest.raises(SeedErrors) as caught:
        load_gallery(seeds_copy)
    problems = [str(problem) for problem in caught.value.problems]
    assert any(p.startswith("seeds/x.yaml:3: summary: is 3,199 characters long, more than the 2,000 allowed "
                            "(CANVAS_MAX_TEXT_CHARS=2000)") for p in problems), problems
    assert any(p.startswith("seeds/x.yaml:14: related: has 40 related canvases, more than the 30 allowed")
               for p in problems), problems


def test_every_limit_is_documented():
    documented = (ROOT / "docs" / "limits.md").read_text()
    for name, default in DEFAULTS.items():
        assert f"`{name}`" in documented and f"{default:,}" in documented, name


# --- the importer -----------------------------------------------------------------------------------------

def import_command(page: Path, seeds: Path) -> list[str]:
    return [sys.executable, "-m", "invoke", "import-canvas", str(page), "--seeds", str(seeds)]


@pytest.mark.parametrize("kind", ["huge", "deep-html", "deep-unclosed"])
def test_a_hostile_page_is_refused_by_the_importer_quickly_and_with_its_line(tmp_path, seeds_copy, kind):
    page = tmp_path / "page.html"
    if kind == "huge":
        sparse_file(page, 50_000_000)
        expected = f"{page}:1: the page is 50,000,000 bytes, more than the 3,000,000 allowed (CANVAS_MAX_IMPORT_BYTES="
    else:
        close = "</div>" * 100_000 if kind == "deep-html" else ""
        page.write_text("<html><head><title>Acme Business Model Canvas</title></head>\n<body>\n"
                        + "<div>" * 100_000 + "<h2>Channels</h2><ul><li>Web</li></ul>" + close + "</body></html>\n")
        expected = f"{page}:3: HTML elements nest more than 256 deep here (CANVAS_MAX_IMPORT_DEPTH=256)"
    baseline = measured(*import_command(tmp_path / "missing.html", seeds_copy))
    result = measured(*import_command(page, seeds_copy))
    assert result["code"] != 0 and "Traceback" not in result["stderr"]
    assert f"import-canvas: {expected}" in result["stderr"]
    assert result["seconds"] - baseline["seconds"] < SECONDS_PER_REFUSAL
    assert result["peak_mb"] < PEAK_MB
    assert sorted(p.name for p in seeds_copy.iterdir()) == sorted(p.name for p in (ROOT / "tests" / "fixtures" / "seeds").iterdir())
