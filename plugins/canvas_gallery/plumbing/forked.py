"""The same task for every canvas, shared out over forked worker processes; and one task in the
background, at low priority, for work the build needs only at its end.

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


def fork_context():
    """The ``fork`` start method (None where ``fork`` is missing): workers inherit the gallery in memory."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _run(bounds: tuple[int, int]) -> list:
    start, stop = bounds
    return [_task(index) for index in range(start, stop)]


def map_forked(task: Callable[[int], object], count: int, workers: int,
               on_result: Callable[[], None] | None = None) -> list:
    """``[task(0), ..., task(count - 1)]``, computed in ``workers`` forked processes when it pays.

    ``task`` may be any callable (a closure over the gallery is fine: it is inherited, not pickled);
    its results must pickle. A worker's exception is raised here. ``on_result``, if given, is called
    here once per result as results come back (a progress count).
    """
    global _task
    counted = on_result or (lambda: None)
    context = fork_context() if workers > 1 and count >= MIN_TASKS_TO_FORK else None
    if context is None:
        results = []
        for index in range(count):
            results.append(task(index))
            counted()
        return results
    # A few chunks per worker, so one that drew slower canvases does not leave the other idle at the end.
    size = max(1, -(-count // (workers * 4)))
    chunks = [(start, min(start + size, count)) for start in range(0, count, size)]
    _task = task
    try:
        results = []
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            for chunk in pool.map(_run, chunks):  # in order, each as soon as it and those before it are done
                results += chunk
                for _ in chunk:
                    counted()
        return results
    finally:
        _task = None


def lowest_priority() -> None:
    """For a worker whose results are needed only at the end of the build: the lowest CPU priority, so it
    takes the cycles the build's own steps leave idle (while Pelican starts or renders on one core)
    instead of slowing them down."""
    if hasattr(os, "nice"):
        os.nice(19)


class Background:
    """``task()`` in a forked process at the lowest priority, started now; ``result()`` waits for it.

    The process inherits everything in memory (nothing is pickled on the way in); the result comes back
    through a pipe and must pickle, and an exception in ``task`` is raised by ``result()``. Where
    ``fork`` is missing, ``task`` runs at once, here.
    """

    def __init__(self, task: Callable[[], object]):
        self._process = None
        context = fork_context()
        if context is None:
            self._outcome = _outcome_of(task)
            return
        self._receiver, sender = context.Pipe(duplex=False)
        # Not a daemon: the task may share its own work out with map_forked.
        self._process = context.Process(target=_run_in_background, args=(task, sender))
        self._process.start()
        sender.close()

    def result(self):
        if self._process is not None:
            try:
                self._outcome = self._receiver.recv()
            except EOFError:
                self._outcome = (False, RuntimeError(f"a background task died (exit {self._process.exitcode})"))
            finally:
                self._process.join()
                self._process = None
        finished, value = self._outcome
        if not finished:
            raise value
        return value

    def stop(self) -> None:
        """End the task early (the build failed before it needed the result)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None


def _outcome_of(task: Callable[[], object]) -> tuple[bool, object]:
    try:
        return True, task()
    except Exception as error:  # raised again by Background.result()
        return False, error


def _run_in_background(task: Callable[[], object], sender) -> None:
    lowest_priority()
    sender.send(_outcome_of(task))
    sender.close()
