"""Live progress bars (rich: a label, a bar, done/total and an estimate of the time left) on a terminal.

Off a terminal nothing is drawn: each caller prints one summary line when its work is done, so CI logs
stay short. The seed check (tasks.py: seeds checked), the build (buildstats.py: canvases loaded and
related, pages written) and the PDF/PNG exports (exports_render.py: exports rendered) share this class;
``advance`` may be called from worker threads, as rich's Progress takes a lock.
"""

from __future__ import annotations


class ProgressBars:
    def __init__(self, console=None):
        self.console = console
        self._progress = None
        self._tasks: dict[str, object] = {}  # counter -> rich task id

    @property
    def live(self) -> bool:
        """True when there is a terminal to draw on."""
        return self.console is not None and self.console.is_terminal

    def expect(self, counter: str, total: int, label: str) -> None:
        """Show (or resize) the bar of ``counter``: ``total`` things are coming."""
        if not self.live:
            return
        if self._progress is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeRemainingColumn(), console=self.console)
            self._progress.start()
        if counter in self._tasks:
            self._progress.update(self._tasks[counter], total=total)
        else:
            self._tasks[counter] = self._progress.add_task(label, total=total)

    def advance(self, counter: str, by: int = 1) -> None:
        if self._progress is not None and counter in self._tasks:
            self._progress.advance(self._tasks[counter], by)

    def stop(self, done: dict[str, int] | None = None) -> None:
        """Stop drawing; ``done`` (counter -> final count) ends a bar whose total was an estimate on the real count."""
        if self._progress is None:
            return
        for counter, count in (done or {}).items():
            if counter in self._tasks:
                self._progress.update(self._tasks[counter], total=count, completed=count)
        self._progress.stop()
        self._progress = None
        self._tasks = {}
