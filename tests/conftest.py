"""Shared fixtures: one real build of the gallery per session, served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import os
import shutil

import pytest

from sitebuild import FIXTURES, PUBLIC_SITEURL, ROOT, SUBPATH_SITEURL, SiteServer, build, copy_find_seeds

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def pytest_configure(config):
    """Under pytest-xdist (`make test` runs two workers) each worker's builds get a cache folder of their own:
    Pelican rewrites its content cache in place, and a build must not read another's half-written file."""
    worker = getattr(config, "workerinput", {}).get("workerid")
    if worker and "CANVAS_CACHE_PATH" not in os.environ:
        os.environ["CANVAS_CACHE_PATH"] = str(ROOT / "cache" / f"tests-{worker}")


# The files that take longest, started first: two workers then finish close together instead of one
# running a long file alone at the end (docs/testing.md has the times).
LONGEST_FIRST = ("test_audits", "test_exports", "test_patterns", "test_forked", "test_editor", "test_seo",
                 "test_search", "test_publishing", "test_hostile_input", "test_kinds", "test_watch")


def pytest_collection_modifyitems(items):
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.module.__name__, len(rank)))  # stable: each file keeps its order


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright drives Debian's Chromium; it never downloads a browser of its own."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def gallery_site(tmp_path_factory):
    """The real gallery (every seed in seeds/) built once into a temporary folder."""
    output = tmp_path_factory.mktemp("gallery") / "output"
    build(output)
    return output


@pytest.fixture(scope="session")
def subpath_gallery(tmp_path_factory):
    """The real gallery built once for a sub-path address (SUBPATH_SITEURL): absolute URLs everywhere."""
    output = tmp_path_factory.mktemp("subpath-gallery") / "output"
    build(output, siteurl=SUBPATH_SITEURL)
    return output


@pytest.fixture(scope="session")
def published_fixture(tmp_path_factory):
    """The fixture seeds published with their PDF and PNG exports for http://127.0.0.1:<port>/repo and served
    there; yields (address, output folder)."""
    output = tmp_path_factory.mktemp("published-fixture") / "output"
    with SiteServer(output, prefix="repo") as server:
        # A cache of its own: the address (and so every export) changes with the port, run after run.
        build(output, seeds=FIXTURES / "seeds", siteurl=server.url, task="publish",
              extra=("--export-cache", str(tmp_path_factory.mktemp("published-exports"))))
        yield server.url, output


@pytest.fixture(scope="session")
def gallery_url(gallery_site):
    with SiteServer(gallery_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """A small, frozen site from tests/fixtures/seeds, for screenshots that must not move with the gallery."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    build(output, seeds=FIXTURES / "seeds")
    return output


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    with SiteServer(fixture_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def public_seeds(tmp_path_factory):
    return copy_find_seeds(tmp_path_factory.mktemp("public"))


@pytest.fixture(scope="session")
def public_site(public_seeds):
    """The fixture and find seeds, built for a public address under a sub-path (the open-data and licence
    tests read it)."""
    output = public_seeds.parent / "output"
    build(output, seeds=public_seeds, siteurl=PUBLIC_SITEURL)
    return output


@pytest.fixture(scope="session")
def find_site(tmp_path_factory):
    """The fixture seeds plus tests/fixtures/find/ (a canvas in a second industry that shares items with
    acme-robotics), built once, for the search, filter, compare and download tests."""
    seeds = copy_find_seeds(tmp_path_factory.mktemp("find"))
    output = seeds.parent / "output"
    build(output, seeds=seeds)
    return output


@pytest.fixture(scope="session")
def find_url(find_site):
    with SiteServer(find_site) as server:
        yield server.url


@pytest.fixture
def seeds_copy(tmp_path):
    """A writable copy of the fixture seeds, for tests that break a file on purpose."""
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds", folder)
    return folder


@pytest.fixture(scope="session")
def subpath_find_url(tmp_path_factory):
    """The find seeds published for http://127.0.0.1:<port>/repo and served there (a project site under a
    sub-path): search and pattern links must answer there."""
    seeds = copy_find_seeds(tmp_path_factory.mktemp("find-subpath"))
    output = seeds.parent / "output"
    with SiteServer(output, prefix="repo") as server:
        build(output, seeds=seeds, siteurl=server.url)
        yield server.url
