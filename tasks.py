"""Invoke tasks, in the shape pelican-quickstart gives them: build, serve, publish.

Every build goes into a temporary folder next to ``output/`` and replaces it only when the whole
build (Pelican, then the search index) succeeded, so a failed or killed build never leaves a
half-written site where the last good one was.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from canvas_gallery.atomic_output import replace_directory  # noqa: E402
from canvas_gallery.seeds import SeedErrors, load_gallery  # noqa: E402

DEFAULT_SEEDS = ROOT / "seeds"
CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": 8000,
}


def check_seeds(seeds=DEFAULT_SEEDS, include_drafts=False):
    """Validate every seed before Pelican starts, so editors read a clean list of problems."""
    try:
        gallery = load_gallery(seeds, include_drafts=include_drafts)
    except SeedErrors as errors:
        print(errors, file=sys.stderr)
        sys.exit(1)
    return gallery


def build_site(c, settings_file, output, siteurl=None, drafts=False, seeds=DEFAULT_SEEDS):
    output = Path(output).resolve()
    check_seeds(seeds, include_drafts=drafts)
    env = dict(os.environ, CANVAS_SEEDS_PATH=str(Path(seeds).resolve()))
    if siteurl is not None:
        env["SITEURL"] = siteurl
    if drafts:
        env["CANVAS_INCLUDE_DRAFTS"] = "1"
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(f".build-{output.name}-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{output.name}-", dir=output.parent))
    try:
        c.run(f'"{sys.executable}" -m pelican -q -s "{ROOT / settings_file}" -o "{staging}"', env=env, pty=False)
        # The search index (pagefind/) reads the finished pages; a failure here also keeps the old site.
        c.run(f'"{sys.executable}" -m pagefind_bin --site "{staging}" --silent', pty=False)
        replace_directory(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {output}")


@task(help={"output": "where the site goes (default output/)", "siteurl": "public URL, overrides SITEURL",
            "drafts": "include canvases marked draft: true", "seeds": "folder of seed canvases (default seeds/)"})
def build(c, output=CONFIG["deploy_path"], siteurl=None, drafts=False, seeds=str(DEFAULT_SEEDS)):
    """Build the local version of the site."""
    build_site(c, CONFIG["settings_base"], output, siteurl, drafts, seeds)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(ROOT / CONFIG["deploy_path"], ignore_errors=True)


@task(help={"output": "folder to serve (default output/)"})
def serve(c, output=CONFIG["deploy_path"]):
    """Serve the built site at http://127.0.0.1:8000/."""
    c.run(f'"{sys.executable}" -m pelican --listen -b {CONFIG["host"]} -p {CONFIG["port"]} -o "{output}" '
          f'-s "{ROOT / CONFIG["settings_base"]}"', pty=False)


@task
def validate(c, seeds=str(DEFAULT_SEEDS)):
    """Check every seed canvas and print each problem with its file and line."""
    gallery = check_seeds(seeds, include_drafts=True)
    print(f"{len(gallery.canvases)} canvases OK")


@task(help={"output": "where the site goes (default output/)", "siteurl": "public URL (default: $SITEURL)",
            "seeds": "folder of seed canvases (default seeds/)"})
def publish(c, output=CONFIG["deploy_path"], siteurl=None, seeds=str(DEFAULT_SEEDS)):
    """Build the public site with publishconf.py (SITEURL from the environment or --siteurl)."""
    build_site(c, CONFIG["settings_publish"], output, siteurl, seeds=seeds)


@task(help={"message": "commit message for the gh-pages branch"})
def gh_pages(c, message="Publish the site"):
    """Build the public site and push it to the gh-pages branch with ghp-import (for users not on Actions)."""
    publish(c)
    c.run(f'"{sys.executable}" -m ghp_import -b gh-pages -m "{message}" -n -p -f "{ROOT / CONFIG["deploy_path"]}"')
