"""PDF and PNG exports of every canvas page, rendered from the freshly built site in Chromium.

A build step that runs after Pelican and before the new site replaces the old one (``invoke build
--exports``, always in ``invoke publish``). Plain data in (:class:`ExportJob` list, the staging
folder, the public SITEURL), files out; nothing here knows Pelican.

The browser reads the staging folder through Playwright's request interception, under the site's
public URL: the page is the one visitors get, links inside the PDF point at the public site, and no
request ever leaves the machine (anything outside the site is aborted).

Each export is cached in ``cache/exports/`` under the hash of everything it is rendered from (the
page, the files it loads, the browser version, this module's render settings), so an unchanged
canvas is not rendered again. Chromium writes the render time into a PDF's /CreationDate and
/ModDate; we overwrite both with SOURCE_DATE_EPOCH (default 1970-01-01) so that a fresh render of
the same page is byte-identical too. Chromium's PNGs carry no timestamp (tests check the chunks).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..plumbing.file_cache import link_or_copy, write_atomically
from ..plumbing.progress import ProgressBars

# Bump when the rendering below changes what it produces, so old cache entries are not reused.
RENDER_VERSION = 4
CHROMIUM = os.environ.get("CANVAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--font-render-hinting=none",
    # With subpixel positioning, a line of small text in the PDF sometimes sat one pixel lower under
    # load (seen 1 render in 15); without it, 100 renders in a row were identical.
    "--disable-font-subpixel-positioning",
]
PAPER = "A4"  # landscape; the print stylesheet also keeps the canvas on one US Letter page
PNG_WIDTH = 2400
PNG_VIEWPORT = {"width": 1280, "height": 900}  # wide enough for the desktop layout of the grid
# The PNG: the canvas's name, the grid and its credit line (address, licences), shown as on paper once the
# page is marked as exporting (site.css shows the name only then).
EXPORT_SELECTOR = ".canvas-export"
EXPORTING = "() => document.documentElement.classList.add('canvas-exporting')"
# Print only once the fonts are loaded and a frame is painted, whatever the machine's load.
SETTLED = "() => document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))"
# Where a page is "served" when SITEURL is empty (local builds): never contacted, every request is intercepted.
LOCAL_ORIGIN = "http://127.0.0.1"
FORMATS = ("pdf", "png")
# Chromiums rendering side by side: most of the time goes into encoding the 2400-px PNGs.
WORKERS = max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class ExportJob:
    """One canvas page to export; every path is relative to the site folder."""

    slug: str
    page: str  # the built page: canvas/acme/index.html
    url: str  # its URL below SITEURL: canvas/acme/
    targets: dict = field(default_factory=dict)  # format ("pdf", "png") -> path: canvas/acme/acme.pdf


@dataclass
class ExportReport:
    rendered: list[str] = field(default_factory=list)  # slugs rendered now
    cached: list[str] = field(default_factory=list)  # slugs copied from the cache

    def __str__(self) -> str:
        def canvases(count):
            return f"{count} canvas{'es' if count != 1 else ''}"
        return f"Exports: {canvases(len(self.rendered))} rendered to PDF and PNG, {canvases(len(self.cached))} from the cache"


class ExportError(Exception):
    """An export could not be made; the message names the canvas and what to do."""


def export_jobs(slugs, page_pattern: str, url_pattern: str, file_pattern: str) -> list[ExportJob]:
    """Jobs for ``slugs`` from the URL settings (``canvas/{slug}/index.html``, ``canvas/{slug}/{slug}.{ext}``)."""
    return [
        ExportJob(slug, page_pattern.format(slug=slug), url_pattern.format(slug=slug),
                  {ext: file_pattern.format(slug=slug, ext=ext) for ext in FORMATS})
        for slug in slugs
    ]


def rendered_downloads(slug: str, file_pattern: str) -> list:
    """The PDF and PNG links of one canvas page, shown after its JSON and YAML downloads."""
    from ..outputs.downloads import Download

    return [Download("PDF", file_pattern.format(slug=slug, ext="pdf"), "application/pdf", f"{slug}.pdf"),
            Download("PNG", file_pattern.format(slug=slug, ext="png"), "image/png", f"{slug}.png")]


def source_date() -> datetime.datetime:
    """The date written into PDFs: SOURCE_DATE_EPOCH (reproducible-builds.org), else 1970-01-01."""
    return datetime.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), datetime.timezone.utc)


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")


def normalise_pdf(pdf: bytes, when: datetime.datetime) -> bytes:
    """Replace Chromium's render time with ``when``; same length, so the cross-reference table stays valid."""
    def fixed(match: re.Match) -> bytes:
        original = match.group(0)
        replacement = b"/%s (D:%s+00'00')" % (match.group(1), when.strftime("%Y%m%d%H%M%S").encode())
        return replacement.ljust(len(original)) if len(replacement) <= len(original) else original
    return _PDF_DATE.sub(fixed, pdf)


def pdf_page_count(pdf: bytes) -> int:
    """Page objects in a PDF Chromium wrote (it writes no object streams, so they are plain text)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


class _Site:
    """Maps the site's public URLs to files in the staging folder."""

    def __init__(self, root: Path, siteurl: str):
        self.root = root.resolve()
        self.base = (siteurl or LOCAL_ORIGIN).rstrip("/")
        parts = urlsplit(self.base)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path.rstrip("/")

    def url_of(self, site_path: str) -> str:
        return f"{self.base}/{site_path}"

    def file_for(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        path = unquote(parts.path)
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return None
        relative = path[len(self.prefix):].lstrip("/")
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        candidate = (self.root / relative).resolve()
        if self.root not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def local_files(self, html: bytes, page_url: str) -> list[Path]:
        """The site's own files a page loads (stylesheets, scripts, images), for the cache key."""
        from urllib.parse import urljoin

        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "html.parser")
        refs = [tag.get("href") for tag in soup.find_all("link") if "stylesheet" in (tag.get("rel") or [])]
        refs += [tag.get("src") for tag in soup.find_all(["script", "img"])]
        files = {self.file_for(urljoin(page_url, ref)) for ref in refs if ref}
        return sorted(path for path in files if path is not None)


def content_key(site: _Site, job: ExportJob, browser_version: str) -> str:
    """The hash of everything the PDF and PNG of ``job`` are rendered from."""
    page_file = site.root / job.page
    html = page_file.read_bytes()
    digest = hashlib.sha256()
    for part in (f"render {RENDER_VERSION}", browser_version, PAPER, str(PNG_WIDTH), site.url_of(job.url),
                 source_date().isoformat()):
        digest.update(part.encode() + b"\0")
    digest.update(html + b"\0")
    for path in site.local_files(html, site.url_of(job.url)):
        digest.update(str(path.relative_to(site.root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def png_chunks(png: bytes) -> list[str]:
    """The chunk types of a PNG, in order (a timestamp would be a tIME chunk)."""
    chunks, offset = [], 8
    while offset < len(png):
        length = int.from_bytes(png[offset:offset + 4], "big")
        chunks.append(png[offset + 4:offset + 8].decode("latin-1"))
        offset += 12 + length
    return chunks


def _png_of_grid(png: bytes) -> bytes:
    """The canvas screenshot at exactly PNG_WIDTH pixels wide. Chromium's PNG carries no timestamp, so it
    is kept as it is; only a canvas of another width (after a layout change) is scaled by Pillow."""
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    if image.width == PNG_WIDTH:
        return png
    height = round(image.height * PNG_WIDTH / image.width)
    out = io.BytesIO()
    image.convert("RGB").resize((PNG_WIDTH, height), Image.Resampling.LANCZOS).save(out, format="PNG")
    return out.getvalue()


class _Renderer:
    """One Chromium and one page at twice the pixel density: the PDF is vector and does not mind, and
    the grid, 1200 CSS px wide at this viewport, comes out PNG_WIDTH (2400) pixels wide."""

    def __init__(self, site: _Site):
        from playwright.sync_api import sync_playwright

        self.site = site
        self.playwright = sync_playwright().start()
        try:
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        except Exception as error:
            self.playwright.stop()
            raise ExportError(f"cannot start Chromium at {CHROMIUM} for the PDF/PNG exports ({str(error).splitlines()[0]}); "
                              "install it (make chromium), point CANVAS_CHROMIUM at a Chrome or Chromium, "
                              "or build with --no-exports") from None
        self.version = self.browser.version
        context = self.browser.new_context(viewport=PNG_VIEWPORT, device_scale_factor=PNG_WIDTH / 1200)
        context.route("**/*", self._serve)
        self.page = context.new_page()

    def _serve(self, route):
        path = self.site.file_for(route.request.url)
        if path is None:
            route.abort()  # nothing outside the built site is loaded
        else:
            route.fulfill(path=str(path))

    def render(self, job: ExportJob) -> dict[str, bytes]:
        self.page.goto(self.site.url_of(job.url), wait_until="load")
        self.page.evaluate(SETTLED)
        pdf = self.page.pdf(format=PAPER, landscape=True, print_background=True)
        pages = pdf_page_count(pdf)
        if pages != 1:
            raise ExportError(f"canvas/{job.slug}: the printed canvas takes {pages} pages instead of one; "
                              "shorten its longest items or adjust the print stylesheet")
        canvas = self.page.locator(EXPORT_SELECTOR)
        if canvas.count() != 1:
            raise ExportError(f"canvas/{job.slug}: no canvas to export ({EXPORT_SELECTOR}) on {job.page}")
        self.page.evaluate(EXPORTING)
        self.page.evaluate(SETTLED)
        png = canvas.screenshot(animations="disabled", caret="hide")
        return {"pdf": normalise_pdf(pdf, source_date()), "png": _png_of_grid(png)}

    def close(self):
        self.browser.close()
        self.playwright.stop()


def _render_into_cache(site: _Site, jobs: list[ExportJob], paths: dict, progress: ProgressBars) -> None:
    """One worker thread: its own Playwright and Chromium (Playwright's sync API is per thread)."""
    renderer = _Renderer(site)
    try:
        for job in jobs:
            for ext, content in renderer.render(job).items():
                write_atomically(paths[job.slug][ext], content)
            progress.advance("exports")
    finally:
        renderer.close()


def browser_version() -> str:
    """The version of the Chromium that renders, part of every cache key."""
    result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    if result.returncode != 0:
        raise ExportError(f"cannot run Chromium at {CHROMIUM} for the PDF/PNG exports; install it (make chromium), "
                          "point CANVAS_CHROMIUM at a Chrome or Chromium, or build with --no-exports")
    return result.stdout.strip()


def render_exports(site_dir, siteurl: str, jobs: list[ExportJob], cache_dir, workers: int = WORKERS,
                   progress: ProgressBars | None = None) -> ExportReport:
    """Write every job's PDF and PNG into ``site_dir``, rendering only what the cache does not hold;
    ``progress`` shows a bar of the renders (Chromium takes a second or so per canvas)."""
    progress = progress or ProgressBars()
    site = _Site(Path(site_dir), siteurl)
    cache = Path(cache_dir)
    report = ExportReport()
    if not jobs:
        return report
    version = browser_version()
    paths = {}
    for job in jobs:
        key = content_key(site, job, version)
        paths[job.slug] = {ext: cache / f"{key}.{ext}" for ext in FORMATS}
    missing = [job for job in jobs if not all(path.is_file() for path in paths[job.slug].values())]
    if missing:
        # Each worker takes every n-th canvas; the results do not depend on which worker drew them.
        shares = [missing[index::workers] for index in range(min(workers, len(missing)))]
        progress.expect("exports", len(missing), "Exports rendered")
        try:
            with ThreadPoolExecutor(max_workers=len(shares)) as pool:
                for future in [pool.submit(_render_into_cache, site, share, paths, progress) for share in shares]:
                    future.result()
        finally:
            progress.stop()
    for job in jobs:
        (report.rendered if job in missing else report.cached).append(job.slug)
        for ext, target in job.targets.items():
            destination = site.root / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(paths[job.slug][ext], destination)
    return report
