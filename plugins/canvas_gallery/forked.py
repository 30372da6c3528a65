"""The same task for every canvas, shared out over forked worker processes.

Relating and writing text are pure Python and hold the GIL, so threads would not help; forked
processes inherit the gallery already in memory (nothing is pickled on the way in, only the results
come back). Where ``fork`` is missing, or the work is small, everything runs in this process.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from typing import Callable

# Below this many tasks, starting processes costs more than it saves.
MIN_TASKS_TO_FORK = 200
_task: Callable | None = None  # set before the fork; the workers inherit it


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(bounds: tuple[int, int]) -> list:
    start, stop = bounds
    return [_task(index) for index in range(start, stop)]


def map_forked(task: Callable[[int], object], count: int, workers: int) -> list:
    """``[task(0), ..., task(count - 1)]``, computed in ``workers`` forked processes when it pays.

    ``task`` may be any callable (a closure over the gallery is fine: it is inherited, not pickled);
    its results must pickle. A worker's exception is raised here.
    """
    global _task
    if workers <= 1 or count < MIN_TASKS_TO_FORK or "fork" not in multiprocessing.get_all_start_methods():
        return [task(index) for index in range(count)]
    # A few chunks per worker, so one that drew slower canvases does not leave the other idle at the end.
    size = max(1, -(-count // (workers * 4)))
    chunks = [(start, min(start + size, count)) for start in range(0, count, size)]
    _task = task
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_run, chunks) for result in chunk]
    finally:
        _task = None
