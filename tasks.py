"""Invoke tasks, in the shape pelican-quickstart gives them: build, serve, publish.

Every build goes into a temporary folder next to ``output/`` and replaces it only when the whole
build (Pelican, then the search index) succeeded, so a failed or killed build never leaves a
half-written site where the last good one was.
"""

import functools
import importlib
import logging
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import task
from rich.console import Console

ROOT = Path(__file__).resolve().parent

from canvas_gallery.plumbing.atomic_output import replace_directory
from canvas_gallery.plumbing.buildstats import record_step
from canvas_gallery.plumbing.forked import Background, default_workers
from canvas_gallery.plumbing.build_signals import canvas_pages_written
from canvas_gallery.after_pelican.search_shards import shards_for
from canvas_gallery.settings import setting
from canvas_gallery.plumbing.source_changes import changes, snapshot
from canvas_gallery.plumbing.watch_steps import DONE, INTERRUPTED, StopFlag, run_step
from canvas_gallery.after_pelican.search_index import stabilise_bundle
from canvas_gallery.plumbing.progress import ProgressBars
from canvas_gallery.load.seeds import SEED_CACHE_FILE, SeedErrors, load_gallery, seed_files
from canvas_gallery.lint.rules import errors_in, lint_canvases, report as lint_report

DEFAULT_SEEDS = ROOT / "seeds"
LINT_CACHE_FILE = "canvas-lint.pickle"
CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": 8000,
}


def cache_folder() -> Path:
    """Pelican's CACHE_PATH as pelicanconf.py sets it: the seed and lint caches live beside its content cache."""
    return Path(os.environ.get("CANVAS_CACHE_PATH") or ROOT / "cache")


def check_seeds(seeds=DEFAULT_SEEDS, include_drafts=False):
    """Validate every seed before Pelican starts, so editors read a clean list of problems. This is
    where seeds are parsed (Pelican then loads them from the cache), so a terminal shows a bar."""
    bars = ProgressBars(Console())
    bars.expect("check", len(seed_files(Path(seeds))), "Seeds checked")
    try:  # the build's own load in Pelican then reads the same cache (see cache_folder)
        return load_gallery(seeds, include_drafts=include_drafts, cache_file=cache_folder() / SEED_CACHE_FILE,
                            workers=default_workers(), on_file=lambda: bars.advance("check"))
    except SeedErrors as errors:
        bars.stop()  # before the list of problems, so that the bar is not drawn over it
        print(errors, file=sys.stderr)
        sys.exit(1)
    finally:
        bars.stop()


def lint_gallery(canvases, cached=True):
    """Lint the canvases about to be built: list every finding, stop on errors (warnings do not stop).
    ``cached``: keep findings per canvas (for the whole gallery only: the cache keeps what was linted last)."""
    report_lint(lint_findings(canvases, cached))


def lint_findings(canvases, cached=True):
    cache_file = cache_folder() / LINT_CACHE_FILE if cached else None
    return lint_canvases(canvases, cache_file=cache_file, workers=default_workers())


def report_lint(findings):
    """Print the findings; exit 1 if one is an error."""
    errors = errors_in(findings)
    if findings:
        print(lint_report(findings), file=sys.stderr if errors else sys.stdout)
    if errors:
        sys.exit(1)


def pelican_settings(settings_file, options):
    """Pelican's settings as the build's Pelican run reads them: the settings file, then the build's
    options (``read_settings``'s override) on top."""
    from pelican.settings import read_settings

    return read_settings(str(ROOT / settings_file), override=options)


def run_pelican(settings_file, output, options):
    """Pelican in this process, as `python -m pelican -q` would run it (one interpreter start and the seed
    loading modules' imports less), with the build's ``options`` over the settings file; its errors exit
    with Pelican's own status, after its own report.

    These are the steps of ``pelican.main`` for a plain build, less its "Generating..." spinner: the
    plugin draws its own progress bars on the same console, and rich nests two live displays unreliably
    (now and then the screen a build left had lost a bar)."""
    import pelican

    arguments = pelican.parse_arguments(["-q", "-s", str(ROOT / settings_file), "-o", str(output)])
    pelican.init_logging(level=arguments.verbosity, fatal=arguments.fatal, name="pelican",
                         handler=pelican.LOG_HANDLERS[arguments.log_handler],
                         logs_dedup_min_level=getattr(logging, arguments.logs_dedup_min_level))
    try:
        settings = pelican_settings(settings_file, {**pelican.get_config(arguments), **options})
        site = settings["PELICAN_CLASS"]
        if isinstance(site, str):  # as pelican.get_instance loads it
            module, name = site.rsplit(".", 1)
            site = getattr(importlib.import_module(module), name)
        site(settings).run()
    except Exception as error:  # reported and ended as pelican.main does
        logging.getLogger("pelican").critical("%s: %s", error.__class__.__name__, error, exc_info=True)
        sys.exit(getattr(error, "exitcode", 1))


def export_canvases(settings_file, options, site, slugs):
    """Render the canvas pages of the staging site (``slugs``) to PDF and PNG (cached; see exports_render.py)."""
    from canvas_gallery.after_pelican.exports_render import ExportError, export_jobs, render_exports

    settings = pelican_settings(settings_file, options)
    jobs = export_jobs(slugs, setting(settings, "CANVAS_SAVE_AS"), setting(settings, "CANVAS_URL"),
                       setting(settings, "CANVAS_EXPORT_SAVE_AS"))
    cache = ROOT / setting(settings, "CANVAS_EXPORT_CACHE")  # an absolute setting stays as it is
    try:
        print(render_exports(site, settings["SITEURL"], jobs, cache, progress=ProgressBars(Console())))
    except ExportError as error:
        print(error, file=sys.stderr)
        sys.exit(1)


class SearchIndexing:
    """Pagefind, one run per part of the index (search_shards.py), one after another so that memory stays
    bounded. The first run starts as soon as the canvas pages are on disk (the plugin's
    canvas_pages_written signal) and reads only them, while Pelican writes the rest of the site."""

    def __init__(self, site: Path, shards):
        self.site, self.shards, self.first = site, shards, None

    def command(self, shard):
        return [sys.executable, "-m", "pagefind_bin", "--site", str(self.site), "--output-subdir", shard.bundle,
                "--glob", shard.glob, "--silent"]

    def start(self, sender=None, **kwargs):
        self.first = subprocess.Popen(self.command(self.shards[0]))

    def finish(self):
        """Wait for the first run, do the others; exit 1 if one fails (the old site is kept)."""
        for number, shard in enumerate(self.shards):
            run = self.first if number == 0 and self.first is not None else subprocess.Popen(self.command(shard))
            if run.wait() != 0:
                sys.exit(f"Pagefind failed on {shard.glob} (exit {run.returncode}); the previous site is kept")
            stabilise_bundle(self.site / shard.bundle)  # Pagefind orders filter values at random; builds must match

    def stop(self):
        if self.first is not None and self.first.poll() is None:
            self.first.kill()
            self.first.wait()


def build_options(seeds, siteurl=None, **settings) -> dict:
    """The settings a build's command line gives Pelican over those of the settings file."""
    options = {"CANVAS_SEEDS_PATH": str(Path(seeds).resolve()), **settings}
    if siteurl is not None:
        options["SITEURL"] = siteurl.rstrip("/")
    return options


def new_staging(output: Path) -> Path:
    """An empty folder beside ``output`` to build into; folders left by a killed build are removed first."""
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.parent.glob(f".build-{output.name}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".build-{output.name}-", dir=output.parent))


def build_site(c, settings_file, output, siteurl=None, drafts=False, seeds=DEFAULT_SEEDS, exports=False,
               export_cache=None):
    output = Path(output).resolve()
    timings = os.environ.get("CANVAS_TIMINGS_FILE", "")  # bench/ asks for each step's seconds
    started = time.perf_counter()
    gallery = check_seeds(seeds, include_drafts=drafts)
    record_step(timings, "check", time.perf_counter() - started)
    options = build_options(seeds, siteurl, CANVAS_INCLUDE_DRAFTS=drafts, CANVAS_EXPORTS=exports)
    if export_cache:
        options["CANVAS_EXPORT_CACHE"] = str(Path(export_cache).resolve())
    staging = new_staging(output)
    slugs = [canvas.slug for canvas in gallery.canvases]
    search = SearchIndexing(staging, shards_for(pelican_settings(settings_file, options), slugs))
    canvas_pages_written.connect(search.start)
    # Lint runs beside Pelican, in the cycles the build leaves idle; its errors stop the build before the
    # new site replaces the old one.
    linting = Background(lambda: lint_findings(gallery.canvases))
    try:
        # On a terminal the plugin shows progress bars; in CI it prints one summary line.
        run_pelican(settings_file, staging, options)
        started = time.perf_counter()
        report_lint(linting.result())
        record_step(timings, "lint", time.perf_counter() - started)  # the wait after Pelican
        if exports:  # a failed export also keeps the old site
            export_canvases(settings_file, options, staging, slugs)
        # The search index (pagefind/, started on the canvas pages above); a failure here also keeps the old site.
        started = time.perf_counter()
        search.finish()
        record_step(timings, "search_index", time.perf_counter() - started)  # the wait after Pelican
        replace_directory(staging, output)
    finally:
        canvas_pages_written.disconnect(search.start)
        search.stop()
        linting.stop()
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {output}")


@task(help={"output": "where the site goes (default output/)", "siteurl": "public URL, overrides SITEURL",
            "drafts": "include canvases marked draft: true", "seeds": "folder of seed canvases (default seeds/)",
            "exports": "render every canvas to PDF and PNG in Chromium and link them",
            "export-cache": "folder of rendered exports (default cache/exports/)"})
def build(c, output=CONFIG["deploy_path"], siteurl=None, drafts=False, seeds=str(DEFAULT_SEEDS), exports=False,
          export_cache=None):
    """Build the local version of the site."""
    build_site(c, CONFIG["settings_base"], output, siteurl, drafts, seeds, exports, export_cache)


def carry_over(old: Path, new: Path) -> None:
    """Hard-link into ``new`` what ``old`` has and ``new`` lacks: a preview makes a canvas's page, card and
    downloads, not its PDF and PNG exports (nor, with a flat CANVAS_SAVE_AS, the other canvases' pages)."""
    if not old.is_dir():
        return
    for path in old.iterdir():
        if not (new / path.name).exists():
            if path.is_dir():
                shutil.copytree(path, new / path.name, copy_function=os.link)
            else:
                os.link(path, new / path.name)


@task(help={"seed": "the edited seed file, e.g. seeds/xiaomi.yaml", "output": "the built site (default output/)",
            "siteurl": "the public URL the site was built for, if `invoke build --siteurl` set one"})
def preview(c, seed, output=CONFIG["deploy_path"], siteurl=None):
    """Rebuild one edited canvas's page, card and downloads into the built site, in a second or two.

    The canvas is checked, related and written up against the whole gallery as in a full build, but
    nothing else is rewritten: other pages that list or compare it, the search index and the sitemap
    catch up at the next `invoke build`. Atomic like a build: one rename puts the canvas's new folder
    in place.
    """
    seed, output = Path(seed).resolve(), Path(output).resolve()
    if not output.is_dir():
        sys.exit(f"{output} has no site to update yet: run `invoke build` first, then preview edits.")
    gallery = check_seeds(seed.parent)
    canvas = next((canvas for canvas in gallery.canvases if canvas.slug == seed.stem.lower()), None)
    if canvas is None:
        sys.exit(f"{seed.name}: not a canvas of {seed.parent} (a draft? build those with `invoke build --drafts`)")
    lint_gallery([canvas], cached=False)  # its own findings; prose copied between canvases: `invoke build`
    options = build_options(seed.parent, siteurl, CANVAS_ONLY=[canvas.slug])
    fresh = new_staging(output)
    try:
        run_pelican(CONFIG["settings_base"], fresh, options)
        save_as = setting(pelican_settings(CONFIG["settings_base"], options), "CANVAS_SAVE_AS")
        folder = Path(save_as.format(slug=canvas.slug)).parent
        new, old = fresh / folder, output / folder
        carry_over(old, new)
        old.parent.mkdir(parents=True, exist_ok=True)
        # One rename swaps the canvas's folder, so the site changes in one step, as a build's does, and no
        # file the old site has is written into.
        replace_directory(new, old)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"Previewed {canvas.name}: {output / folder}/ (the rest of the site waits for `invoke build`)")


@task(help={"output": "the site to keep up to date (default output/)", "seeds": "folder of seed canvases (default seeds/)",
            "siteurl": "public URL, overrides SITEURL", "interval": "seconds between looks at the sources (default 0.5)",
            "serve": "also serve the site, as `invoke serve` does", "port": "port to serve on (default 8000)",
            "settle": "seconds without a change after a preview before the whole site catches up (default 5)"})
def watch(c, output=CONFIG["deploy_path"], seeds=str(DEFAULT_SEEDS), siteurl=None, interval=0.5, serve=False,
          port=CONFIG["port"], settle=5.0):
    """Build the site, then keep it up to date while you edit (Ctrl-C stops; --serve also shows it).

    An edited seed is previewed (`invoke preview`: its canvas's own files, in a second or two); once the
    sources have been quiet for ``settle`` seconds, the whole site is built so that the pages that list or
    compare it, the search index and the sitemap catch up (a save meanwhile stops that build and is
    previewed). A seed added or removed, industries.yaml, the theme, content/ or pelicanconf.py changed
    builds the whole site at once. A broken seed prints its problems, the site stays as it was, and the
    next save is tried again.
    """
    seeds_dir, output = Path(seeds).resolve(), Path(output).resolve()
    sources = (seeds_dir, ROOT / "theme", ROOT / "content", ROOT / CONFIG["settings_base"])

    def build_all():
        build_site(c, CONFIG["settings_base"], output, siteurl, seeds=seeds_dir)

    stop = StopFlag().on_signals()
    warm_imports()
    seen = snapshot(*sources)
    run_step(build_all, stop)
    server = subprocess.Popen(server_command(output, port)) if serve else None
    print(f"Watching {seeds_dir} and the theme, content and settings (Ctrl-C to stop)", flush=True)
    behind = False  # previews since the last whole build: other pages, the search index and sitemap lag
    quiet_since = time.monotonic()
    try:
        while not stop:
            time.sleep(interval)
            if stop:
                break
            if not changes(seen, snapshot(*sources), seeds_dir):
                if behind and time.monotonic() - quiet_since >= settle:
                    print("Quiet for a while: building the whole site so that every page catches up", flush=True)
                    outcome = run_step(build_all, lambda: stop or changes(seen, snapshot(*sources), seeds_dir))
                    behind = outcome == INTERRUPTED
                    if behind and not stop:
                        print("A save came in: that build stopped, the save comes first", flush=True)
                continue
            time.sleep(interval)  # an editor may save in several writes: look again once they are done
            now = snapshot(*sources)
            found, seen = changes(seen, now, seeds_dir), now
            if found.rebuild or not output.is_dir():
                changed = ", ".join(path.name for path in found.rebuild + found.edited_seeds)
                print(f"Changed: {changed}; building the whole site", flush=True)
                behind = run_step(build_all, stop) == INTERRUPTED
            else:
                for seed in found.edited_seeds:
                    previewing = functools.partial(preview.body, c, str(seed), output, siteurl)
                    if run_step(previewing, stop) == DONE:
                        behind = True  # a failed preview changed nothing the rest would have to catch up with
                quiet_since = time.monotonic()
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    print("Stopped watching.")


def warm_imports() -> None:
    """Load Pelican and the plugin (Jinja, Markdown, numpy, Pillow) once, in the watcher: each step then
    starts with them in memory, half a second sooner than a new process would."""
    for module in ("pelican", "canvas_gallery.generator"):
        importlib.import_module(module)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(ROOT / CONFIG["deploy_path"], ignore_errors=True)


@task(help={"output": "folder to serve (default output/)"})
def serve(c, output=CONFIG["deploy_path"]):
    """Serve the built site at http://127.0.0.1:8000/."""
    c.run(shlex.join(server_command(output, CONFIG["port"])), pty=False)


def server_command(output, port) -> list[str]:
    """Pelican's own web server for the built site, on 127.0.0.1."""
    return [sys.executable, "-m", "pelican", "--listen", "-b", CONFIG["host"], "-p", str(port), "-o", str(output),
            "-s", str(ROOT / CONFIG["settings_base"])]


@task
def validate(c, seeds=str(DEFAULT_SEEDS)):
    """Check every seed canvas and print each problem with its file and line."""
    gallery = check_seeds(seeds, include_drafts=True)
    print(f"{len(gallery.canvases)} canvases OK")


@task(help={"seeds": "folder of seed canvases (default seeds/)", "drafts": "lint canvases marked draft: true too"})
def lint(c, seeds=str(DEFAULT_SEEDS), drafts=False):
    """Lint the seed canvases (duplicates, generic items, doubtful figures, copied prose); fails on errors."""
    gallery = check_seeds(seeds, include_drafts=drafts)
    lint_gallery(gallery.canvases)
    print(f"{len(gallery.canvases)} canvases linted")


@task(help={"path": "saved canvas page, HTML or plain text", "slug": "file name for the draft (default: from the name)",
            "force": "overwrite an existing seeds/<slug>.yaml", "industry": "industry slug, when the page does not say",
            "kind": "company or business-type, when the page does not say",
            "seeds": "folder of seed canvases (default seeds/)"})
def import_canvas(c, path, slug=None, force=False, industry=None, kind=None, seeds=str(DEFAULT_SEEDS)):
    """Turn a saved canvas web page into a draft seed (draft: true) and list what could not be placed."""
    from canvas_gallery.load.importer import CanvasImportError, import_file

    try:
        target, canvas = import_file(path, seeds, slug=slug, industry=industry, force=force, kind=kind)
    except CanvasImportError as error:
        print(f"import-canvas: {error}", file=sys.stderr)
        sys.exit(1)
    gallery = check_seeds(seeds, include_drafts=True)
    draft = [found for found in gallery.canvases if found.slug == canvas.slug]
    items = sum(len(items) for items in canvas.items.values())
    print(f"Wrote {target} (draft: true): {canvas.name}, {canvas.kind}, {canvas.industry}, "
          f"{items} items in 9 blocks, {len(canvas.figures)} figure table(s)")
    findings = lint_canvases(draft)
    if findings:
        print(lint_report(findings))
    if canvas.unplaced:
        print("Could not place:")
        print("\n".join(f"  - {note}" for note in canvas.unplaced))


@task(help={"output": "where the site goes (default output/)", "siteurl": "public URL (default: $SITEURL)",
            "seeds": "folder of seed canvases (default seeds/)",
            "exports": "render the PDF and PNG of every canvas (default; --no-exports skips them)",
            "export-cache": "folder of rendered exports (default cache/exports/)"})
def publish(c, output=CONFIG["deploy_path"], siteurl=None, seeds=str(DEFAULT_SEEDS), exports=True, export_cache=None):
    """Build the public site with publishconf.py (SITEURL from the environment or --siteurl)."""
    build_site(c, CONFIG["settings_publish"], output, siteurl, seeds=seeds, exports=exports,
               export_cache=export_cache)


@task(help={"message": "commit message for the gh-pages branch"})
def gh_pages(c, message="Publish the site"):
    """Build the public site and push it to the gh-pages branch with ghp-import (for users not on Actions)."""
    publish(c)
    c.run(f'"{sys.executable}" -m ghp_import -b gh-pages -m "{message}" -n -p -f "{ROOT / CONFIG["deploy_path"]}"')


@task(help={"sizes": "comma-separated numbers of canvases (default 1000,10000)",
            "lighthouse": "ask Lighthouse for scores (default; --no-lighthouse skips it)",
            "work": "keep the generated content and sites in this folder", "json": "also write raw results here"})
def bench(c, sizes="1000,10000", lighthouse=True, work=None, json=None):
    """Benchmark the build against stock Pelican on synthetic canvases and print a table (see bench/)."""
    arguments = ["--sizes", sizes] + ([] if lighthouse else ["--no-lighthouse"])
    arguments += ["--work", work] if work else []
    arguments += ["--json", json] if json else []
    c.run(" ".join([f'"{sys.executable}"', "-m", "bench.run", *(f'"{a}"' for a in arguments)]), pty=False)
