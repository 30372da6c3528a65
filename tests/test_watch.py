"""`invoke watch --serve` (`make watch`): builds and serves the site, then keeps it up to date while seeds
are edited: an edited canvas is previewed and the rest of the site catches up once edits pause, a new one
rebuilds the site, a broken one leaves the site as it was until it is fixed."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from sitebuild import FIXTURES, ROOT

from canvas_gallery.plumbing.source_changes import changes, snapshot

TIMEOUT = 90  # seconds for one step to show, generous for a busy CI machine
NEW_CANVAS = """\
name: Acme Drones
industry: consumer-electronics
summary: A fictional drone maker, added while the site is watched, that rents out its aircraft by the week.
founded: 2021
headquarters: Shelbyville
updated: 2026-11-20
blocks:
  key_partners: [Camera module makers, Flight-school instructors]
  key_activities: [Airframe design, Flight-control firmware]
  key_resources: [Obstacle-avoidance models, A rental fleet]
  value_propositions: [Aerial photos without buying a drone, Insurance included in the weekly rate]
  customer_relationships: [Pre-flight video calls, Damage-free return checklists]
  channels: [Rental website, Photography clubs]
  customer_segments: [Wedding photographers, Roof inspectors]
  cost_structure: [Fleet depreciation, Crash repairs]
  revenue_streams: [Weekly rental fees, Pilot training sessions]
"""


class Watcher:
    """`invoke watch` in a process of its own, its output read line by line as it comes."""

    def __init__(self, seeds, output, cache, port, settle):
        env = {**os.environ, "CANVAS_CACHE_PATH": str(cache), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "watch", "--seeds", str(seeds), "--output", str(output), "--interval", "0.2",
             "--serve", "--port", str(port), "--settle", str(settle)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.url = f"http://127.0.0.1:{port}"
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The next line containing ``text``; fails with everything printed so far after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        pytest.fail(f"no line with {text!r} within {TIMEOUT} s; the watcher printed:\n" + "\n".join(self.seen))

    def stop(self):
        """Stop it as a service manager would (SIGTERM); its server must stop with it."""
        self.process.terminate()
        self.process.wait(timeout=30)
        with pytest.raises(OSError):  # connection refused: nothing listens any more
            urllib.request.urlopen(self.url, timeout=5)


@pytest.fixture
def watching(tmp_path, request):
    """A watcher of a copy of the fixture seeds; ``@pytest.mark.settle(seconds)`` sets how long it waits
    after a preview before building the whole site (long by default, so that tests see previews alone)."""
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    shutil.copytree(FIXTURES / "seeds", seeds)
    marker = request.node.get_closest_marker("settle")
    watcher = Watcher(seeds, output, tmp_path / "cache", free_port(), marker.args[0] if marker else 3600)
    try:
        watcher.wait_for("Watching")
        yield watcher, seeds, output
    finally:
        watcher.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def served(url: str) -> str:
    """The page at ``url`` once the server answers (it starts beside the watcher)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(url) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(output, slug):
    return (output / "canvas" / slug / "index.html").read_text(encoding="utf-8")


def test_an_edited_canvas_is_previewed_and_a_broken_one_waits_for_its_fix(watching):
    watcher, seeds, output = watching
    assert (output / "index.html").is_file()  # the first build

    replace_in(seeds / "xiaomi.yaml", "  key_partners:\n", "  key_partners:\n  - Partner added while watching\n")
    watcher.wait_for("Previewed Xiaomi")
    assert "Partner added while watching" in served(watcher.url + "/canvas/xiaomi/")  # as `--serve` shows it

    replace_in(seeds / "xiaomi.yaml", "  key_partners:\n", "  key_partners: [\n")  # YAML that does not parse
    problem = watcher.wait_for("xiaomi.yaml:")
    assert "invalid YAML" in problem
    watcher.wait_for("The site is unchanged")
    assert "Partner added while watching" in page(output, "xiaomi")

    replace_in(seeds / "xiaomi.yaml", "  key_partners: [\n", "  key_partners:\n")
    replace_in(seeds / "xiaomi.yaml", "Partner added while watching", "Partner renamed after the fix")
    watcher.wait_for("Previewed Xiaomi")
    assert "Partner renamed after the fix" in page(output, "xiaomi")


@pytest.mark.settle(1)
def test_after_a_preview_the_whole_site_catches_up_once_edits_pause(watching):
    watcher, seeds, output = watching
    replace_in(seeds / "xiaomi.yaml", "updated: 2026-11-24", "updated: 2026-11-25")
    watcher.wait_for("Previewed Xiaomi")
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "2026-11-25" not in sitemap  # a preview leaves the sitemap to the next whole build
    watcher.wait_for("building the whole site so that every page catches up")
    watcher.wait_for("Built ")
    assert "<lastmod>2026-11-25</lastmod>" in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_a_new_canvas_builds_the_whole_site(watching):
    watcher, seeds, output = watching
    (seeds / "acme-drones.yaml").write_text(NEW_CANVAS, encoding="utf-8")
    watcher.wait_for("acme-drones.yaml; building the whole site")
    watcher.wait_for("Built ")
    assert "Acme Drones" in page(output, "acme-drones")
    assert "/canvas/acme-drones/" in (output / "index.html").read_text(encoding="utf-8")


def test_only_edited_canvases_are_previewed_and_everything_else_rebuilds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.yaml", "b.yaml", "industries.yaml", "patterns.yaml"):
        (seeds / name).write_text("name: one\n", encoding="utf-8")
    before = snapshot(seeds)
    (seeds / "a.yaml").write_text("name: two, longer\n", encoding="utf-8")  # edited
    (seeds / "b.yaml").unlink()  # removed
    (seeds / "c.yaml").write_text("name: new\n", encoding="utf-8")  # added
    (seeds / ".a.yaml.swp").write_text("an editor's swap file\n", encoding="utf-8")  # not a source
    found = changes(before, snapshot(seeds), seeds)
    assert found.edited_seeds == [seeds / "a.yaml"]
    assert found.rebuild == [seeds / "b.yaml", seeds / "c.yaml"]

    before = snapshot(seeds)
    (seeds / "industries.yaml").write_text("name: other industries\n", encoding="utf-8")
    found = changes(before, snapshot(seeds), seeds)
    assert (found.edited_seeds, found.rebuild) == ([], [seeds / "industries.yaml"])
    before = snapshot(seeds)
    (seeds / "patterns.yaml").write_text("name: other patterns\n", encoding="utf-8")
    found = changes(before, snapshot(seeds), seeds)
    assert (found.edited_seeds, found.rebuild) == ([], [seeds / "patterns.yaml"])
    assert not changes(snapshot(seeds), snapshot(seeds), seeds)


def test_stopping_during_a_build_stops_at_once_and_leaves_a_whole_site(watching):
    watcher, seeds, output = watching
    (seeds / "acme-drones.yaml").write_text(NEW_CANVAS, encoding="utf-8")
    watcher.wait_for("building the whole site")
    started = time.monotonic()
    watcher.stop()  # at once, while the build runs (or just after it); stop() checks the server is gone
    assert time.monotonic() - started < 10
    assert (output / "index.html").is_file()
    # The old site or the new one, never a mix: either the new canvas's page and its gallery card, or neither.
    new_page = (output / "canvas" / "acme-drones" / "index.html").is_file()
    assert new_page == ("/canvas/acme-drones/" in (output / "index.html").read_text(encoding="utf-8"))
