"""Work shared out over forked processes gives exactly what one process gives.

The real gallery is below forked.MIN_TASKS_TO_FORK, so the build tests never fork; these tests use a
synthetic gallery large enough to take the forked path in loading, lint, relating and text.
"""

from __future__ import annotations

import os

import pytest

from bench.synth import synthetic_canvases, write_seeds
from canvas_gallery.writeup.analysis import analysis_context, analysis_sections
from canvas_gallery.plumbing.forked import MIN_TASKS_TO_FORK, Background, map_forked
from canvas_gallery.lint.rules import lint_canvases
from canvas_gallery.relate.related import relate_all
from canvas_gallery.load.seeds import SeedErrors, load_gallery
from sitebuild import build

COUNT = MIN_TASKS_TO_FORK + 50


@pytest.fixture(scope="module")
def synthetic_seeds(tmp_path_factory):
    return write_seeds(tmp_path_factory.mktemp("forked") / "seeds", synthetic_canvases(COUNT))


def test_forked_loading_gives_the_same_canvases(synthetic_seeds):
    alone, shared = load_gallery(synthetic_seeds), load_gallery(synthetic_seeds, workers=2)
    assert shared.canvases == alone.canvases
    industries = {industry.slug: industry for industry in shared.industries}
    assert all(canvas.industry is industries[canvas.industry.slug] for canvas in shared.canvases)


def test_forked_loading_reports_every_problem(synthetic_seeds, tmp_path):
    broken = tmp_path / "seeds"
    broken.mkdir()
    for path in synthetic_seeds.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    first, last = sorted(broken.glob("*.yaml"))[0], sorted(broken.glob("*.yaml"))[-1]
    for path in (first, last):
        path.write_text(path.read_text().replace("name:", "nmae:", 1))
    with pytest.raises(SeedErrors) as raised:
        load_gallery(broken, workers=2)
    assert {problem.path.rsplit("/", 1)[-1] for problem in raised.value.problems} >= {first.name, last.name}


def test_forked_lint_relate_and_text_match_one_process(synthetic_seeds):
    canvases = load_gallery(synthetic_seeds).canvases
    assert lint_canvases(canvases, workers=2) == lint_canvases(canvases, workers=1)
    related = relate_all(canvases, 6, workers=2)
    assert related == relate_all(canvases, 6, workers=1)
    by_slug = {canvas.slug: canvas for canvas in canvases}
    context = analysis_context(canvases)

    def text(i):
        return analysis_sections(canvases[i], [by_slug[link.slug] for link in related[canvases[i].slug]], context)

    assert map_forked(text, len(canvases), 2) == [text(i) for i in range(len(canvases))]


def test_a_build_in_two_workers_writes_the_pages_of_one_process(synthetic_seeds, tmp_path):
    # The generator relates each canvas and writes its text in one forked pass (write_up).
    sites = {}
    for workers in ("1", "2"):
        sites[workers] = tmp_path / f"workers-{workers}"
        build(sites[workers], seeds=synthetic_seeds,
              env={"CANVAS_WORKERS": workers, "CANVAS_CACHE_PATH": str(tmp_path / f"cache-{workers}")})
    pages = sorted(path.relative_to(sites["1"]) for path in sites["1"].glob("canvas/*/index.html"))
    assert len(pages) == COUNT
    for page in pages:
        assert (sites["2"] / page).read_bytes() == (sites["1"] / page).read_bytes(), page


def test_a_worker_error_reaches_the_caller():
    def task(i):
        if i == COUNT - 1:
            raise ValueError(f"canvas {i} is broken")
        return i

    with pytest.raises(ValueError, match=f"canvas {COUNT - 1} is broken"):
        map_forked(task, COUNT, 2)


@pytest.mark.parametrize("workers", [1, 2])
def test_every_result_is_counted_here_as_it_comes_back(workers):
    """The progress bars count through ``on_result``: once per task, in this process, forked or not."""
    counted = []
    results = map_forked(lambda i: os.getpid(), COUNT, workers, on_result=lambda: counted.append(os.getpid()))
    assert counted == [os.getpid()] * COUNT
    assert (os.getpid() in results) == (workers == 1)  # the tasks did run in workers when asked to


def test_background_task_returns_its_result_at_the_lowest_priority():
    inherited = list(range(1_000))  # not pickled on the way in: the forked process has it already
    task = Background(lambda: (sum(inherited), os.getpid(), os.getpriority(os.PRIO_PROCESS, 0)))
    total, pid, priority = task.result()
    assert total == sum(inherited)
    assert pid != os.getpid()
    assert priority == 19


def test_background_task_raises_its_error_in_the_caller():
    def broken():
        raise ValueError("a finding the build must not miss")

    with pytest.raises(ValueError, match="must not miss"):
        Background(broken).result()


def test_a_stopped_background_task_leaves_no_process():
    import time

    task = Background(lambda: time.sleep(60))
    process = task._process
    task.stop()
    assert not process.is_alive()
