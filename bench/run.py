"""The build benchmark behind ``invoke bench``: our build against stock Pelican on the same synthetic content.

For each N: a synthetic gallery (bench/synth.py) is built twice in one run, by ``invoke build`` (Pelican +
plugin + Pagefind, caches empty) and, as Markdown articles, by stock Pelican with its default theme.
At N = 1,000 (or the smallest N) it also times a rebuild after one seed file changed, weighs a canvas
page as a browser loads it, and asks Lighthouse for scores. Prints a Markdown table; no pass/fail.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

from .synth import synthetic_canvases, write_markdown, write_seeds

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# The flags tests/conftest.py launches Chromium with.
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
STEP_ROWS = (  # (key in the timings file, label); the rest of the wall time is start-up and Pelican's own work
    ("check", "check seeds: load and validate (tasks.py, before Pelican)"),
    ("load", "load and validate"),
    ("relate", "relate: term statistics, lexicon and postings, once"),
    ("text", "relate each canvas and write its text (two forked workers)"),
    ("render", "render"),
    ("write", "write"),
    ("outputs", "social cards (waiting for their background drawing), SEO, downloads, feed"),
    ("lint", "lint (beside Pelican, at low priority): the wait after Pelican"),
    ("search_index", "search index (Pagefind, started on the canvas pages during Pelican): the wait after it"),
)


def measure(command: list[str], env: dict | None = None) -> dict:
    """Wall time and peak memory of one command, measured in a process of its own (bench/measure.py)."""
    result = subprocess.run([sys.executable, "-m", "bench.measure", "--", *command], cwd=ROOT,
                            env={**os.environ, **(env or {})}, capture_output=True, text=True, check=True)
    measured = json.loads(result.stdout)
    if measured["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{measured['stderr']}")
    return measured


def our_build(seeds: Path, output: Path, cache: Path, timings: Path, siteurl: str) -> dict:
    """``invoke build`` for ``siteurl``, the address the site is then served at: absolute canonical links and
    sitemap, as in a publish build (Lighthouse's SEO audit asks for both)."""
    timings.unlink(missing_ok=True)
    env = {
        "CANVAS_TIMINGS_FILE": str(timings),
        "CANVAS_CACHE_PATH": str(cache),
        "CANVAS_SOCIAL_CARD_CACHE": str(cache / "social-cards"),
        "CANVAS_EXPORT_CACHE": str(cache / "exports"),
    }
    measured = measure([sys.executable, "-m", "invoke", "build", "--seeds", str(seeds), "--output", str(output),
                        "--siteurl", siteurl], env)
    measured["steps"] = json.loads(timings.read_text()).get("steps", {}) if timings.exists() else {}
    return measured


def our_preview(seed: Path, output: Path, cache: Path, siteurl: str) -> dict:
    """``invoke preview`` of one edited seed into the built site, with the build's caches and address."""
    return measure([sys.executable, "-m", "invoke", "preview", str(seed), "--output", str(output), "--siteurl", siteurl],
                   {"CANVAS_CACHE_PATH": str(cache), "CANVAS_SOCIAL_CARD_CACHE": str(cache / "social-cards")})


def plain_build(content: Path, output: Path) -> dict:
    return measure([sys.executable, "-m", "pelican", "-q", "-s", str(BENCH / "plainconf.py"), "-o", str(output)],
                   {"BENCH_CONTENT": str(content)})


def edit_one_seed(seeds: Path, item: str = "A partner added by the benchmark") -> Path:
    """Change one canvas the way an editor would: a new item in one block."""
    target = sorted(seeds.glob("*.yaml"))[len(list(seeds.glob("*.yaml"))) // 2]
    text = target.read_text(encoding="utf-8")
    text = text.replace("  key_partners:\n", f"  key_partners:\n  - {item}\n", 1)
    target.write_text(text, encoding="utf-8")
    return target


# Serving, page weight, Lighthouse ------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def page_weight(site: Path, base_url: str, path: str) -> dict:
    """Every file a mobile Chromium fetches for the first view of ``path``, gzip-compressed as a server would."""
    from playwright.sync_api import sync_playwright

    fetched = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(f"{base_url}/{path}", wait_until="networkidle")
        browser.close()
    total, by_kind, third_party = 0, {}, 0
    for url in dict.fromkeys(fetched):
        parsed = urlparse(url)
        if parsed.scheme == "data":
            continue
        if parsed.hostname != "127.0.0.1":
            third_party += 1
            continue
        local = site / parsed.path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        size = len(gzip.compress(local.read_bytes(), compresslevel=6))
        kind = local.suffix.lstrip(".") or "html"
        by_kind[kind] = by_kind.get(kind, 0) + size
        total += size
    return {"total": total, "by_kind": by_kind, "requests": len(fetched), "third_party": third_party}


def lighthouse(url: str) -> dict | None:
    """Lighthouse's four category scores (0-100), mobile preset, Debian's Chromium; None if not installed."""
    if not LIGHTHOUSE.exists():
        return None
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1:] or ["failed"]}
    categories = json.loads(result.stdout)["categories"]
    return {key: round(value["score"] * 100) for key, value in categories.items() if value["score"] is not None}


# The run -------------------------------------------------------------------------------------------
SET_ASIDE = "set-aside"  # in the work folder: old outputs, deleted when the run is over


def set_aside(path: Path, folder: Path) -> None:
    if path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.rename(folder / path.name)


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda run: run["wall"])[len(runs) // 2]


def bench_size(n: int, work: Path, detail: bool, use_lighthouse: bool, log, repeats: int = 1) -> dict:
    folder = work / f"n{n}"
    canvases = synthetic_canvases(n)
    seeds = write_seeds(folder / "seeds", canvases)
    markdown = write_markdown(folder / "markdown", canvases)
    log(f"N={n}: content written to {folder}")
    site = folder / "site"
    with Server(site) as server:  # listening first: the site is built for the address it is served at
        # Our build and stock Pelican take turns, and the ratio of each pair is kept, since the machine's speed
        # drifts from one minute to the next. Each turn starts both from nothing: no cache, no output folder.
        # Creating a file costs much more than rewriting one, so stock Pelican rewriting its last output in
        # place (its default) would do a lighter job than a build into a new folder, which ours always is.
        # The last turn's folders are moved aside, not deleted, until the run is over: on an ext4 without a
        # journal a new file skips every inode freed in the last half-minute or so, so deleting a site just
        # before a build makes that build's files slow to create (docs/performance.md).
        pairs = []
        for turn in range(repeats):
            for previous in (folder / "cache", site, folder / "plain-site"):
                set_aside(previous, work / SET_ASIDE / f"n{n}-{turn}")
            ours = our_build(seeds, site, folder / "cache", folder / f"timings-{turn}.json", server.url)
            plain = plain_build(markdown, folder / "plain-site")
            pairs.append((ours, plain))
            log(f"N={n}, turn {turn + 1} of {repeats}: our build {ours['wall']:.1f} s, {ours['maxrss_mb']:.0f} MB; "
                f"stock Pelican {plain['wall']:.1f} s, {plain['maxrss_mb']:.0f} MB")
        result = {"n": n, "ours": median_run([ours for ours, _ in pairs]),
                  "plain": median_run([plain for _, plain in pairs]),
                  "ratios": sorted(ours["wall"] / plain["wall"] for ours, plain in pairs)}
        if detail:
            edited = edit_one_seed(seeds)
            result["rebuild"] = our_build(seeds, site, folder / "cache", folder / "timings-rebuild.json", server.url)
            result["rebuild"]["edited"] = edited.name
            log(f"N={n}: rebuild after editing {edited.name}: {result['rebuild']['wall']:.1f} s")
            edit_one_seed(seeds, "Another partner added by the benchmark")
            result["preview"] = our_preview(edited, site, folder / "cache", server.url)
            log(f"N={n}: preview of {edited.name} after a second edit: {result['preview']['wall']:.1f} s")
            canvas_path = f"canvas/{canvases[0].slug}/"
            result["weight"] = {name: page_weight(site, server.url, path)
                                for name, path in (("canvas page", canvas_path), ("gallery", ""),
                                                   ("search", "search/"))}
            if use_lighthouse:
                result["lighthouse"] = {name: lighthouse(f"{server.url}/{path}")
                                        for name, path in (("canvas page", canvas_path), ("gallery", ""),
                                                           ("search", "search/"))}
                log(f"N={n}: Lighthouse {result['lighthouse']}")
    return result


def report(results: list[dict]) -> str:
    """The results as Markdown tables, ready for docs/performance.md."""
    lines = ["| N | our build | CPU | peak memory | stock Pelican | CPU | peak memory | ours / plain |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        ours, plain = r["ours"], r["plain"]
        lines.append(f"| {r['n']:,} | {ours['wall']:.1f} s | {cpu_cell(ours)} | {ours['maxrss_mb']:.0f} MB "
                     f"| {plain['wall']:.1f} s | {cpu_cell(plain)} | {plain['maxrss_mb']:.0f} MB "
                     f"| {ratio_cell(r)} |")
    lines += ["", "Share of our build (seconds, % of wall time):", "",
              "| step | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |",
              "|---|" + "---:|" * len(results)]
    for key, label in STEP_ROWS + (("rest", "Python, invoke and Pelican start-up, pages, static files"),):
        cells = []
        for r in results:
            seconds = step_seconds(r["ours"], key)
            cells.append(f"{seconds:.1f} s ({100 * seconds / r['ours']['wall']:.0f} %)")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for r in results:
        if "rebuild" in r:
            full, again = r["ours"]["wall"], r["rebuild"]["wall"]
            lines += ["", f"Rebuild at N = {r['n']:,} after editing one seed ({r['rebuild']['edited']}), caches on: "
                          f"{again:.1f} s, {100 * again / full:.0f} % of the full build ({full:.1f} s)."]
            steps = r["rebuild"]["steps"]
            lines.append("Rebuild steps: " + ", ".join(f"{label} {step_seconds(r['rebuild'], key):.1f} s"
                                                       for key, label in STEP_ROWS + (("rest", "rest"),)
                                                       if key in steps or key == "rest") + ".")
        if "preview" in r:
            full, preview = r["ours"]["wall"], r["preview"]["wall"]
            lines.append(f"Preview of that canvas after a second edit (`invoke preview`): {preview:.1f} s, "
                         f"{100 * preview / full:.0f} % of the full build, {r['preview']['maxrss_mb']:.0f} MB.")
        if "weight" in r:
            lines += ["", "| first view, gzip | total | by type | requests | third-party |", "|---|---:|---|---:|---:|"]
            for name, weight in r["weight"].items():
                kinds = ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in sorted(weight["by_kind"].items()))
                lines.append(f"| {name} | {weight['total'] / 1024:.1f} KB | {kinds} | {weight['requests']} "
                             f"| {weight['third_party']} |")
        if r.get("lighthouse"):
            lines += ["", "| Lighthouse (mobile) | performance | accessibility | best practices | SEO |",
                      "|---|---:|---:|---:|---:|"]
            for name, scores in r["lighthouse"].items():
                if scores is None or "error" in scores:
                    lines.append(f"| {name} | {scores} | | | |")
                    continue
                lines.append(f"| {name} | {scores.get('performance', '-')} | {scores.get('accessibility', '-')} "
                             f"| {scores.get('best-practices', '-')} | {scores.get('seo', '-')} |")
    return "\n".join(lines)


def cpu_cell(measured: dict) -> str:
    return f"{measured['cpu']:.1f} s ({measured['system']:.1f} s system)"


def ratio_cell(result: dict) -> str:
    """The median of the side-by-side ratios, with their range when there were several turns."""
    ratios = result.get("ratios") or [result["ours"]["wall"] / result["plain"]["wall"]]
    median = ratios[len(ratios) // 2]
    if len(ratios) == 1:
        return f"{median:.2f}x"
    return f"{median:.2f}x ({ratios[0]:.2f}x to {ratios[-1]:.2f}x in {len(ratios)} turns)"


def step_seconds(measured: dict, key: str) -> float:
    steps = measured.get("steps", {})
    if key == "outputs":  # generate_output minus the pages themselves
        return max(0.0, steps.get("output", 0.0) - steps.get("render", 0.0) - steps.get("write", 0.0))
    if key == "rest":
        known = sum(step_seconds(measured, other) for other, _ in STEP_ROWS)
        return max(0.0, measured["wall"] - known)
    return steps.get(key, 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated N values (default 1000,10000)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    parser.add_argument("--work", help="folder for the generated content and sites (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument("--repeat", type=int, help="turns of our build and stock Pelican per size (default 3 up to "
                                                   "1,000 canvases, 1 above); the tables show the median turn")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    detail_n = 1000 if 1000 in sizes else min(sizes)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="canvas-bench-"))
    work.mkdir(parents=True, exist_ok=True)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    try:
        results = [bench_size(n, work, n == detail_n, not args.no_lighthouse, log,
                              args.repeat or (3 if n <= 1000 else 1)) for n in sizes]
    finally:
        shutil.rmtree(work / SET_ASIDE, ignore_errors=True)
        if not (args.keep or args.work):
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
