"""The benchmark's synthetic gallery is made of valid seeds: the loader and the lint step accept it."""

from __future__ import annotations

from bench.synth import synthetic_canvases, write_markdown, write_seeds
from canvas_gallery.lint.rules import errors_in, lint_canvases
from canvas_gallery.load.seeds import load_gallery


def test_fifty_synthetic_canvases_load_and_pass_lint(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", synthetic_canvases(50))
    gallery = load_gallery(seeds)
    assert len(gallery.canvases) == 50
    assert not errors_in(lint_canvases(gallery.canvases))
    assert len(gallery.industries) >= 20
    assert any(canvas.analysis for canvas in gallery.canvases) and any(canvas.figures for canvas in gallery.canvases)


def test_every_real_figure_table_can_be_written_as_markdown_for_stock_pelican(tmp_path):
    """Stock Pelican's side of the benchmark gets the same canvases as Markdown; real tables have number headers."""
    canvases = synthetic_canvases(300)
    folder = write_markdown(tmp_path / "markdown", canvases)
    assert len(list(folder.glob("*.md"))) == 300


def test_the_benchmarks_thousand_canvases_pass_lint(tmp_path):
    """The benchmark builds exactly these 1,000 (the same random seed); a lint error would stop its build."""
    gallery = load_gallery(write_seeds(tmp_path / "seeds", synthetic_canvases(1000)))
    assert not [str(finding) for finding in errors_in(lint_canvases(gallery.canvases))]
