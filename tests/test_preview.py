"""`invoke preview seeds/<slug>.yaml`: one edited canvas's own files, rebuilt into the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sitebuild import FIXTURES, ROOT, build

NEW_ITEM = "Previewed partner for the test"


def invoke(*arguments, cache):
    return subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CANVAS_CACHE_PATH": str(cache)})


def files_of(site):
    return {path.relative_to(site): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def built(tmp_path):
    """The fixture seeds, built once, and their folder to edit."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds", seeds)
    output = tmp_path / "output"
    build(output, seeds=seeds, env={"CANVAS_CACHE_PATH": str(tmp_path / "cache")})
    return seeds, output


def add_partner(seed):
    text = seed.read_text(encoding="utf-8")
    assert "  key_partners:\n" in text
    seed.write_text(text.replace("  key_partners:\n", f"  key_partners:\n  - {NEW_ITEM}\n", 1), encoding="utf-8")


def test_preview_rewrites_only_the_edited_canvas_folder(built, tmp_path):
    seeds, output = built
    before = files_of(output)
    kept = tmp_path / "old-page.html"
    os.link(output / "canvas" / "xiaomi" / "index.html", kept)  # the old site's file, by inode
    add_partner(seeds / "xiaomi.yaml")
    result = invoke("preview", str(seeds / "xiaomi.yaml"), "--output", str(output), cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    after = files_of(output)
    changed = {str(path) for path in before if before[path] != after.get(path)}
    assert changed and all(path.startswith("canvas/xiaomi/") for path in changed), changed
    assert NEW_ITEM in (output / "canvas" / "xiaomi" / "index.html").read_text(encoding="utf-8")
    assert NEW_ITEM in (output / "canvas" / "xiaomi" / "canvas.json").read_text(encoding="utf-8")
    # The new files were put in place by name: the old site's file was never written into.
    assert kept.read_bytes() == before[output.joinpath("canvas/xiaomi/index.html").relative_to(output)]
    assert not list(output.parent.glob(".build-*"))


def test_preview_keeps_the_files_it_does_not_make(built, tmp_path):
    """A build with --exports puts the PDF and PNG in the canvas's folder; a preview does not render them."""
    seeds, output = built
    export = output / "canvas" / "xiaomi" / "xiaomi.pdf"
    export.write_bytes(b"%PDF- an export of the last full build")
    add_partner(seeds / "xiaomi.yaml")
    result = invoke("preview", str(seeds / "xiaomi.yaml"), "--output", str(output), cache=tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert export.read_bytes() == b"%PDF- an export of the last full build"
    assert NEW_ITEM in (output / "canvas" / "xiaomi" / "index.html").read_text(encoding="utf-8")


def test_the_previewed_page_is_the_page_a_full_build_writes(built, tmp_path):
    seeds, output = built
    add_partner(seeds / "xiaomi.yaml")
    assert invoke("preview", str(seeds / "xiaomi.yaml"), "--output", str(output), cache=tmp_path / "cache").returncode == 0
    build(tmp_path / "full", seeds=seeds, env={"CANVAS_CACHE_PATH": str(tmp_path / "cache")})
    for name in ("index.html", "canvas.json", "xiaomi.yaml", "social-card.jpg"):
        assert (output / "canvas" / "xiaomi" / name).read_bytes() == (tmp_path / "full" / "canvas" / "xiaomi" / name).read_bytes(), name


def test_a_broken_seed_is_reported_and_the_site_kept(built, tmp_path):
    seeds, output = built
    before = files_of(output)
    seed = seeds / "xiaomi.yaml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("industry:", "industy:", 1), encoding="utf-8")
    result = invoke("preview", str(seed), "--output", str(output), cache=tmp_path / "cache")
    assert result.returncode != 0
    assert "xiaomi.yaml:" in result.stderr and "industry" in result.stderr
    assert files_of(output) == before


def test_preview_needs_a_built_site(tmp_path):
    result = invoke("preview", str(FIXTURES / "seeds" / "xiaomi.yaml"), "--output", str(tmp_path / "nothing"),
                    cache=tmp_path / "cache")
    assert result.returncode != 0 and "invoke build" in result.stderr
