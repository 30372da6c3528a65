"""Long work shows progress: on a terminal, live bars with a count and an estimate of the time left
(seeds checked, canvases loaded and related, pages written, exports rendered); off a terminal, as in CI, one summary line each."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pyte
import pytest

from sitebuild import FIXTURES, ROOT, build

FIXTURE_CANVASES = len(set((FIXTURES / "seeds").glob("*.yaml")) - {FIXTURES / "seeds" / name for name in ("industries.yaml", "patterns.yaml")})
SCREEN_COLUMNS, SCREEN_LINES = 120, 100  # room for the whole build's output: nothing scrolls away
# A bar as rich draws it: label, bar, done/total, time left (h:mm:ss, or -:--:-- at first).
BAR = r"{label}\s+━+\s+(\d+)/(\d+)\s+(\d+:\d\d:\d\d|-:--:--)"
# Settings that make rich treat any output as a terminal (or none): the tests decide that themselves.
TERMINAL_OVERRIDES = ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TERM", "COLUMNS", "LINES")


def without_terminal_overrides() -> dict:
    return {name: value for name, value in os.environ.items() if name not in TERMINAL_OVERRIDES}


def build_on_a_terminal(output, *extra) -> str:
    """`invoke build` with a pseudo-terminal as its stdout and stderr, as a person at a terminal runs it;
    returns the screen it leaves, read through a terminal emulator (live bars redraw themselves in place,
    so the bytes hold every intermediate drawing, the screen only the last)."""
    command = [sys.executable, "-m", "invoke", "build", "--output", str(output),
               "--seeds", str(FIXTURES / "seeds"), "--siteurl", "", *extra]
    try:
        terminal, build_side = pty.openpty()
    except OSError as error:  # a machine without /dev/ptmx has no terminal to show bars on
        pytest.skip(f"no pseudo-terminal here: {error}")
    fcntl.ioctl(build_side, termios.TIOCSWINSZ, struct.pack("HHHH", SCREEN_LINES, SCREEN_COLUMNS, 0, 0))
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=build_side, stderr=build_side,
                               env={**without_terminal_overrides(), "TERM": "xterm-256color"})
    os.close(build_side)
    screen = pyte.Screen(SCREEN_COLUMNS, SCREEN_LINES)
    stream = pyte.ByteStream(screen)
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # EIO: the build has exited and its side of the terminal is closed
            break
        if not chunk:
            break
        stream.feed(chunk)
    os.close(terminal)
    shown = "\n".join(line.rstrip() for line in screen.display).strip()
    assert process.wait() == 0, shown
    return shown


def bar_on_screen(text: str, label: str) -> tuple[int, int]:
    """(done, total) of the bar called ``label`` on the screen; there must be one."""
    drawings = re.findall(BAR.format(label=re.escape(label)), text)
    assert len(drawings) == 1, f"not one {label!r} bar with a count and a time estimate on the screen:\n{text}"
    done, total, _ = drawings[0]
    return int(done), int(total)


def test_a_build_on_a_terminal_shows_bars_with_counts_and_an_estimate(tmp_path):
    shown = build_on_a_terminal(tmp_path / "output")
    assert bar_on_screen(shown, "Seeds checked") == (FIXTURE_CANVASES, FIXTURE_CANVASES)  # parsed, before Pelican
    assert bar_on_screen(shown, "Canvases loaded") == (FIXTURE_CANVASES, FIXTURE_CANVASES)  # in Pelican
    assert bar_on_screen(shown, "Canvases related") == (FIXTURE_CANVASES, FIXTURE_CANVASES)  # links and text
    done, total = bar_on_screen(shown, "Pages written")
    assert done == total > FIXTURE_CANVASES  # canvas pages, industry pages, gallery...
    assert "Canvas Gallery:" not in shown  # the bars say it already


def test_a_build_off_a_terminal_prints_one_summary_line_and_no_bars(tmp_path):
    result = build(tmp_path / "output", seeds=FIXTURES / "seeds", env=dict.fromkeys(TERMINAL_OVERRIDES))  # a pipe, no overrides
    printed = result.stdout + result.stderr
    summaries = [line for line in printed.splitlines() if line.startswith("Canvas Gallery:")]
    assert len(summaries) == 1, printed
    assert re.fullmatch(rf"Canvas Gallery: {FIXTURE_CANVASES} canvases loaded in \d+\.\d s, \d+ pages written in "
                        r"\d+\.\d s, \d+\.\d s in all", summaries[0])
    assert "━" not in printed and "\x1b[" not in printed


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "log"])
def test_export_rendering_shows_its_progress(tmp_path, terminal):
    options = ("--exports", "--export-cache", str(tmp_path / "export-cache"))  # empty: every canvas is rendered
    if terminal:
        shown = build_on_a_terminal(tmp_path / "output", *options)
        assert bar_on_screen(shown, "Exports rendered") == (FIXTURE_CANVASES, FIXTURE_CANVASES)
    else:
        result = build(tmp_path / "output", seeds=FIXTURES / "seeds", extra=options, env=dict.fromkeys(TERMINAL_OVERRIDES))
        shown = result.stdout + result.stderr
        assert "Exports rendered" not in shown and "━" not in shown
    assert f"Exports: {FIXTURE_CANVASES} canvases rendered to PDF and PNG, 0 canvases from the cache" in shown
