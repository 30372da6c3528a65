"""The social card of a canvas: a 1200x630 JPEG with the company name, its industry and the outline of
its nine labelled blocks, drawn with Pillow and cached by the hash of what it shows.

Why no block items and why JPEG: a card is seen as a thumbnail in a feed, where item lines cannot be
read, and they cost most of the drawing time; JPEG encodes far faster than PNG compresses. Only the rows
the title touches are encoded per card (see ``draw``; docs/performance.md has the figures).

Plain data in (a :class:`SocialCard`), bytes or a cached file out; nothing here knows Pelican.
Pillow's built-in font (``ImageFont.load_default(size=...)``, bundled with Pillow) is the only font
used, so a fresh machine draws the same pixels without any system font, and Pillow's JPEG output
carries no timestamp, so the same card is byte-identical across builds.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import io
import multiprocessing
import json
import os
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ..blocks import BLOCKS_BY_KEY
from ..plumbing.file_cache import cached_file, link_or_copy
from ..plumbing.forked import fork_context, lowest_priority
from ..model import Canvas

WIDTH, HEIGHT = 1200, 630
# Bump when the drawing changes, so cached cards of the old design are not reused.
DESIGN_VERSION = 5  # 3: JPEG, no block items; 4: 4:2:0 colour; 5: restart markers

INK = "#1b1f24"
MUTED = "#4a5360"
PAPER = "#ffffff"
ACCENT = "#1f3a5f"
LINE = "#9aa3ad"
# The block colours of the site's stylesheet (site.css), so the card looks like the page.
BLOCK_COLOURS = {
    "key_partners": "#dbe8f7", "key_activities": "#e3f1de", "key_resources": "#eee6f7",
    "value_propositions": "#fde9c8", "customer_relationships": "#f9dfe3", "channels": "#d9f1f0",
    "customer_segments": "#fbe4d2", "cost_structure": "#e6e8eb", "revenue_streams": "#def2e6",
}

MARGIN = 40
GRID_TOP = 196
# The classic canvas layout on a 10 x 3 grid: (column, row, width, height) per block.
LAYOUT = {
    "key_partners": (0, 0, 2, 2),
    "key_activities": (2, 0, 2, 1),
    "key_resources": (2, 1, 2, 1),
    "value_propositions": (4, 0, 2, 2),
    "customer_relationships": (6, 0, 2, 1),
    "channels": (6, 1, 2, 1),
    "customer_segments": (8, 0, 2, 2),
    "cost_structure": (0, 2, 5, 1),
    "revenue_streams": (5, 2, 5, 1),
}
JPEG_QUALITY = 90  # dark text on white and flat boxes: no visible loss, and 50 KB a card
# 4:2:0 colour, so blocks come in rows of 16 px, and a restart marker after every row (see draw).
JPEG_OPTIONS = {"quality": JPEG_QUALITY, "subsampling": 2, "restart_marker_rows": 1}
MCU_HEIGHT = 16
TITLE_Y = 64


@dataclass(frozen=True)
class SocialCard:
    """Everything a card shows; its hash names the cached file."""

    title: str
    subtitle: str
    site_name: str

    def content_hash(self) -> str:
        recipe = {"design": DESIGN_VERSION, "pillow": PIL.__version__, "card": asdict(self)}
        return hashlib.sha256(json.dumps(recipe, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def card_for(canvas: Canvas, industry_name: str, site_name: str) -> SocialCard:
    """The card of one canvas: its name and industry."""
    return SocialCard(
        title=canvas.name,
        subtitle=f"{industry_name} · Business Model Canvas",
        site_name=site_name,
    )


def site_card(title: str, subtitle: str, site_name: str) -> SocialCard:
    """The card of every page that has none of its own."""
    return SocialCard(title=title, subtitle=subtitle, site_name=site_name)


@lru_cache(maxsize=None)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


@lru_cache(maxsize=8192)
def _fit(text: str, size: int, width: float) -> str:
    """``text`` cut with an ellipsis so that it is at most ``width`` pixels wide."""
    font = _font(size)
    if font.getlength(text) <= width:
        return text
    # The longest prefix that fits with its ellipsis, found by bisection (the same cut as trimming one
    # character at a time, in a handful of measurements instead of dozens).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle] + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _title_size(text: str, width: float) -> int:
    """The largest title size from 60 down to 36 px at which the name fits on one line."""
    for size in range(60, 35, -4):
        if _font(size).getlength(text) <= width:
            return size
    return 36


def _box(key: str) -> tuple[int, int, int, int]:
    column = (WIDTH - 2 * MARGIN) / 10
    row = (HEIGHT - MARGIN + 8 - GRID_TOP) / 3
    col, top, span_x, span_y = LAYOUT[key]
    return (round(MARGIN + col * column), round(GRID_TOP + top * row),
            round(MARGIN + (col + span_x) * column), round(GRID_TOP + (top + span_y) * row))


@lru_cache(maxsize=1)
def _frame() -> Image.Image:
    """What every card shares (the accent bar, the nine boxes and their labels), drawn once per build."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH - 1, 12), fill=ACCENT)
    for key in LAYOUT:
        box = _box(key)
        pen.rectangle(box, fill=BLOCK_COLOURS[key], outline=LINE, width=2)
        inner = box[2] - box[0] - 20
        pen.text((box[0] + 10, box[1] + 8), _fit(BLOCKS_BY_KEY[key].label, 17, inner), font=_font(17), fill=INK)
    return image


TEXT_WIDTH = WIDTH - 2 * MARGIN


@lru_cache(maxsize=64)
def _background(site_name: str, subtitle: str) -> Image.Image:
    """The frame with the site name and the subtitle, which cards of one industry share: drawing text is
    half the cost of a card. The title never reaches their lines, so the pixels are the same as drawing
    all three on each card."""
    image = _frame().copy()
    pen = ImageDraw.Draw(image)
    pen.text((MARGIN, 32), _fit(site_name, 22, TEXT_WIDTH), font=_font(22), fill=ACCENT)
    pen.text((MARGIN, 140), _fit(subtitle, 26, TEXT_WIDTH), font=_font(26), fill=MUTED)
    return image


def draw(card: SocialCard) -> bytes:
    """The card as JPEG bytes, always the same bytes for the same card: those of the whole image encoded.

    Only the rows of 16 px blocks that the title touches are encoded per card; the others are the
    background's, encoded once per industry (``_coded_background``). With a restart marker after every row,
    a row's coded bytes depend on its own pixels alone, so splicing gives exactly the whole encoding
    (tests/test_seo.py compares the bytes), in less time than encoding the whole card.
    """
    background = _background(card.site_name, card.subtitle)
    size = _title_size(card.title, TEXT_WIDTH)
    title, font = _fit(card.title, size, TEXT_WIDTH), _font(size)
    _, top, _, bottom = ImageDraw.Draw(background).textbbox((MARGIN, TITLE_Y), title, font=font)
    first, last = max(top - 1, 0) // MCU_HEIGHT, min(bottom + 1, HEIGHT) // MCU_HEIGHT + 1  # a pixel to spare
    band = background.crop((0, first * MCU_HEIGHT, WIDTH, min(last * MCU_HEIGHT, HEIGHT)))
    ImageDraw.Draw(band).text((MARGIN, TITLE_Y - first * MCU_HEIGHT), title, font=font, fill=INK)
    head, rows, tail = _coded_background(card.site_name, card.subtitle)
    _, title_rows, _ = _coded_rows(encode_jpeg(band))
    return _join_rows(head, rows[:first] + title_rows + rows[first + len(title_rows):], tail)


def encode_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", **JPEG_OPTIONS)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _coded_background(site_name: str, subtitle: str) -> tuple[bytes, list[bytes], bytes]:
    return _coded_rows(encode_jpeg(_background(site_name, subtitle)))


def _coded_rows(jpeg: bytes) -> tuple[bytes, list[bytes], bytes]:
    """A JPEG with a restart marker after every row of blocks, cut into: the headers up to the scan, the
    coded bytes of each row, and the end marker. Inside the scan, 0xFF is always followed by 0x00 (byte
    stuffing), so a restart marker (0xFFD0 to 0xFFD7) cannot be mistaken."""
    scan = jpeg.index(b"\xff\xda")
    start = scan + 2 + int.from_bytes(jpeg[scan + 2:scan + 4], "big")
    end = jpeg.rindex(b"\xff\xd9")
    return jpeg[:start], re.split(rb"\xff[\xd0-\xd7]", jpeg[start:end]), jpeg[end:]


def _join_rows(head: bytes, rows: list[bytes], tail: bytes) -> bytes:
    """The inverse of ``_coded_rows``: restart markers count 0 to 7 and round again."""
    parts = [head, rows[0]]
    for number, row in enumerate(rows[1:]):
        parts += [bytes((0xFF, 0xD0 + number % 8)), row]
    return b"".join(parts + [tail])


def cached_card(card: SocialCard, cache_dir: str | os.PathLike) -> tuple[Path, bool]:
    """The card's JPEG in ``cache_dir`` (``<content hash>.jpg``), drawn only when missing; the path and
    whether it was drawn now (file_cache.py: never half-written)."""
    path = Path(cache_dir) / f"{card.content_hash()}.jpg"
    return path, cached_file(path, lambda: draw(card))


def _draw_into_cache(cards: list[SocialCard], cache_dir: str) -> None:
    for card in cards:
        cached_card(card, cache_dir)


class CardDrawing:
    """Draws the cards missing from the cache in ``workers`` processes, in the background.

    Drawing is the costliest step of a cold build (text drawing and JPEG encoding hold the GIL), so the
    build starts it as soon as the canvases are loaded and relates, writes text and renders pages in
    the meantime; ``wait()`` before copying a card. Cards already cached are not drawn again.
    """

    BATCH = 10  # cards per task: few enough round trips, small enough to keep both workers busy to the end

    def __init__(self, cards: list[SocialCard], cache_dir: str | os.PathLike, workers: int = 2):
        folder = str(cache_dir)
        missing = {card.content_hash(): card for card in cards}
        missing = [card for key, card in missing.items() if not os.path.isfile(os.path.join(folder, f"{key}.jpg"))]
        self.drawn = len(missing)
        self._executor = None
        self._tasks = []
        if missing:
            context = fork_context() or multiprocessing.get_context()  # fork: nothing re-imported
            self._executor = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context,
                                                                    initializer=lowest_priority)
            self._tasks = [self._executor.submit(_draw_into_cache, missing[start:start + self.BATCH], folder)
                           for start in range(0, len(missing), self.BATCH)]

    def wait(self) -> None:
        """Block until every card is in the cache; a worker's error is raised here."""
        try:
            for task in self._tasks:
                task.result()
        finally:
            if self._executor is not None:
                self._executor.shutdown()
                self._executor = None


class CardCopies:
    """The cards a build puts into its site: drawn in the background from the start (``CardDrawing``),
    noted as the pages are made, copied from the cache at the end."""

    def __init__(self, cards: list[SocialCard], cache_dir: str | os.PathLike):
        self.cache_dir = cache_dir
        self.drawing = CardDrawing(cards, cache_dir)
        self.copies: list[tuple[SocialCard, str]] = []
        self.drawn = 0

    def add(self, card: SocialCard, save_as: str) -> str:
        """Notes ``card`` for the site path ``save_as``; returns that path."""
        self.copies.append((card, save_as))
        return save_as

    def copy_into(self, output_path: str | os.PathLike) -> None:
        """Copies every noted card from the cache, once the background drawing is done."""
        self.drawing.wait()
        self.drawn = self.drawing.drawn
        for card, save_as in self.copies:
            cached, drawn = cached_card(card, self.cache_dir)  # drawn here only if not started before
            self.drawn += drawn
            target = os.path.join(output_path, save_as)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link_or_copy(cached, target)
