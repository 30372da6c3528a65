"""What each step of the canvas build costs, and a count while it runs.

Timings go to a JSON file only when ``CANVAS_TIMINGS_FILE`` names one (the benchmark sets it); without
it they are not written anywhere. Progress is a live bar with a count and an estimate on a terminal
(progress.py), and one summary line otherwise, so CI logs stay short. Nothing here knows Pelican: the
generator hands over its writer and rich console.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager

from .progress import ProgressBars

# Step names, in build order; the benchmark prints them in this order too.
STEPS = ("load", "relate", "text", "render", "write")
STEP_LABELS = {
    "load": "load and validate",
    "relate": "relate: term statistics, lexicon and postings",
    "text": "relate each canvas and write its text",
    "render": "render",
    "write": "write",
}
PROGRESS_LABELS = {"load": "Canvases loaded", "text": "Canvases related", "pages": "Pages written"}


class BuildStats:
    """Seconds per step, counts, and (on a terminal) live progress bars."""

    def __init__(self, timings_file: str = "", console=None):
        self.timings_file = timings_file
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.console = console
        self.bars = ProgressBars(console)
        self.started = time.perf_counter()
        self._output_started: float | None = None

    def add(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds

    @contextmanager
    def step(self, name: str):
        """Time a block of work; repeated blocks of the same step add up."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    # Progress ------------------------------------------------------------------------------------
    def expect(self, counter: str, total: int) -> None:
        """Announce how many of something are coming (canvases to load, pages to write)."""
        self.counts.setdefault(counter, 0)
        self.bars.expect(counter, total, PROGRESS_LABELS.get(counter, counter))

    def advance(self, counter: str, by: int = 1) -> None:
        self.counts[counter] = self.counts.get(counter, 0) + by
        self.bars.advance(counter, by)

    # Pelican's writer, timed -----------------------------------------------------------------------
    def writer(self, writer):
        """The same writer, with render and write time measured and every page counted.

        Called as generate_output starts: the "output" step runs from here to ``finish``.
        """
        self._output_started = time.perf_counter()
        return _TimedWriter(writer, self)

    def finish(self) -> None:
        """Stop the bars, print the one-line summary when not on a terminal, write the timings file."""
        if self._output_started is not None:
            self.add("output", time.perf_counter() - self._output_started)
            self._output_started = None
        self.bars.stop(done=self.counts)  # the page total was an estimate; the bars end on the real counts
        if self.console is not None and not self.bars.live:
            self.console.print(self.summary(), soft_wrap=True)
        if self.timings_file:
            self.write_timings(self.timings_file)

    def summary(self) -> str:
        loaded, pages = self.counts.get("load", 0), self.counts.get("pages", 0)
        load_time = self.seconds.get("load", 0.0)
        page_time = self.seconds.get("render", 0.0) + self.seconds.get("write", 0.0)
        return (f"Canvas Gallery: {loaded} canvases loaded in {load_time:.1f} s, "
                f"{pages} pages written in {page_time:.1f} s, {time.perf_counter() - self.started:.1f} s in all")

    def write_timings(self, path: str) -> None:
        """Merge this build's seconds into the JSON file (tasks.py adds its own steps to the same file)."""
        try:
            with open(path, encoding="utf-8") as stream:
                recorded = json.load(stream)
        except (OSError, ValueError):
            recorded = {}
        recorded.setdefault("steps", {}).update({name: round(value, 4) for name, value in self.seconds.items()})
        recorded.setdefault("counts", {}).update(self.counts)
        recorded["steps"]["plugin_total"] = round(time.perf_counter() - self.started, 4)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(recorded, stream, indent=2, sort_keys=True)


def record_step(path: str, name: str, seconds: float) -> None:
    """Add one step measured outside Pelican (seed check, search index) to a timings file, if asked for."""
    if not path:
        return
    try:
        with open(path, encoding="utf-8") as stream:
            recorded = json.load(stream)
    except (OSError, ValueError):
        recorded = {}
    recorded.setdefault("steps", {})[name] = round(seconds, 4)
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(recorded, stream, indent=2, sort_keys=True)


class _TimedTemplate:
    """A Jinja template whose ``render`` time is added to the "render" step."""

    def __init__(self, template, stats: BuildStats):
        self._template = template
        self._stats = stats
        self.seconds = 0.0

    def render(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return self._template.render(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start

    def __getattr__(self, name):
        return getattr(self._template, name)


class _TimedWriter:
    """Forwards to Pelican's writer; ``write_file`` is split into render time and the rest (write)."""

    def __init__(self, writer, stats: BuildStats):
        self._writer = writer
        self._stats = stats

    def write_file(self, name, template, context, *args, **kwargs):
        timed = _TimedTemplate(template, self._stats)
        start = time.perf_counter()
        result = self._writer.write_file(name, timed, context, *args, **kwargs)
        total = time.perf_counter() - start
        self._stats.add("render", timed.seconds)
        self._stats.add("write", total - timed.seconds)
        if name:
            self._stats.advance("pages")
        return result

    def __getattr__(self, name):
        return getattr(self._writer, name)
