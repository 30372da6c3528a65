"""Helpers the tests share: build a real site with the project's own build task, serve it on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

# A seed with every required field and nothing else: the tests of validation and of hostile input start from it.
MINIMAL_SEED = """\
name: Example Co
industry: consumer-goods
summary: Sells examples.
blocks:
  key_partners: [Example partner]
  key_activities: [Example activity]
  key_resources: [Example resource]
  value_propositions: [Example value]
  customer_relationships: [Example relationship]
  channels: [Example channel]
  customer_segments: [Example segment]
  cost_structure: [Example cost]
  revenue_streams: [Example revenue]
"""

# The address the open-data and licence tests build for: a project site under a sub-path.
PUBLIC_SITEURL = "https://example.org/gallery"
# The address the real gallery is built for once a run (conftest.py: subpath_gallery), for the SEO and
# reproducibility tests.
SUBPATH_SITEURL = "http://127.0.0.1:8000/repo"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


def build(output: Path, *, seeds: Path = SEEDS, siteurl: str = "", extra: tuple = (), check=True, task="build",
          env: dict | None = None):
    """Run `invoke build` (or `invoke publish`) as the Makefile does; returns the CompletedProcess.
    ``env``: environment variables to add (settings pelicanconf.py reads from the environment); None removes one."""
    command = [sys.executable, "-m", "invoke", task, "--output", str(output), "--seeds", str(seeds),
               "--siteurl", siteurl, *extra]
    environment = {name: value for name, value in {**os.environ, **(env or {})}.items() if value is not None}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
    if check and result.returncode != 0:
        raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return result


def copy_find_seeds(folder: Path) -> Path:
    """The fixture seeds plus tests/fixtures/find/ (a canvas in a second industry), copied into
    ``folder``/seeds for a test to build; returns that seeds folder."""
    seeds = folder / "seeds"
    shutil.copytree(FIXTURES / "seeds", seeds)
    for extra in sorted((FIXTURES / "find").glob("*.yaml")):
        shutil.copy(extra, seeds / extra.name)
    return seeds


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1, optionally under a sub-path such as /repo/."""

    def __init__(self, root: Path, prefix: str = ""):
        self.prefix = prefix.strip("/")
        serve_root = root
        if self.prefix:
            # Serve the parent of a symlink named like the sub-path, as GitHub Pages serves a project site.
            serve_root = root.parent / f"{root.name}-served"
            serve_root.mkdir(exist_ok=True)
            link = serve_root / self.prefix
            if not link.exists():
                link.symlink_to(root.resolve(), target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=str(serve_root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        return f"{base}/{self.prefix}" if self.prefix else base

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def page_soup(site: Path, path: str):
    """A built page, parsed (once a run: see ``parsed``)."""
    return parsed(site / path)


@functools.cache
def parsed(page: Path):
    """A built HTML file, parsed once for the whole run: parsing every page of the gallery takes seconds, and
    several modules read the same pages. The tests only read a parsed page, never change it."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> dict:
    """Every HTML page of a build, parsed, by its path in the build (``canvas/acme/index.html``)."""
    return {str(path.relative_to(site)): parsed(path) for path in sorted(site.rglob("*.html"))}
