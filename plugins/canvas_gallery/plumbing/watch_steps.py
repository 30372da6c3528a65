"""The steps of ``invoke watch`` (a preview, a whole build), each run in a forked copy of the watcher.

A copy starts with Pelican and the plugin already imported, and what a step leaves in memory goes
with it, so the next step starts clean. A step that fails or is stopped never touches the watcher:
builds and previews are atomic, so the site stays whole whatever happens to the copy.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from typing import Callable

DONE, FAILED, INTERRUPTED = "done", "failed", "interrupted"


class StopFlag:
    """Set by Ctrl-C or SIGTERM, looked at between steps and while one runs. A flag, not an exception: one
    raised from a signal handler can land in fork's own hooks, which swallow it, and the watcher went on."""

    def __init__(self):
        self.requested = False

    def set(self, *signal_and_frame):
        self.requested = True

    def on_signals(self) -> "StopFlag":
        """Make Ctrl-C and SIGTERM set this flag."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self.set)
        return self

    def __bool__(self):
        return self.requested

    __call__ = __bool__  # also what run_step asks: "stop now?"


def _step_in_copy(step: Callable[[], object]) -> None:
    """In the forked copy: Ctrl-C and SIGTERM end it at once, as they would a build started from the shell."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    step()


def run_step(step: Callable[[], object], interrupted: Callable[[], bool]) -> str:
    """``step()`` in a forked copy of this process. Its failure (a broken seed exits the step) is reported,
    not raised: the watcher carries on. When ``interrupted()`` turns true meanwhile (a stop, or a save
    during a catch-up build), the copy is ended. Returns DONE, FAILED or INTERRUPTED."""
    sys.stdout.flush()  # or the copy would print what is still buffered a second time
    sys.stderr.flush()
    process = multiprocessing.get_context("fork").Process(target=_step_in_copy, args=(step,))
    process.start()
    while process.exitcode is None:
        process.join(0.1)
        if process.exitcode is None and interrupted():
            process.terminate()
            process.join()
            if process.exitcode == -signal.SIGTERM:  # not if it finished just before
                return INTERRUPTED
    if process.exitcode != 0:
        print("The site is unchanged; fix the problem above and save again.", file=sys.stderr, flush=True)
        return FAILED
    return DONE
