"""Validated canvases kept between runs, keyed by the hash of their seed file, so a seed is parsed
and validated once: ``invoke build`` checks the seeds before Pelican and the generator loads the same
files again (the second load reads this cache), and a rebuild after one edit parses only that file.

The key of each entry is the seed's bytes plus everything else its ``Canvas`` depends on: the
industries file and the source of the modules that read and validate it. Only canvases without a
problem are kept, so a seed with an error is always checked again and its errors always shown.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..model import Canvas, Industry
from ..plumbing.pickle_store import load_versioned, save_versioned

_PLUGIN = Path(__file__).resolve().parent.parent
_CODE = ("load/seeds.py", "model.py", "load/yaml_lines.py", "blocks.py", "outputs/downloads.py", "load/seed_cache.py",
         "load/patterns.py")


def _code_version() -> bytes:
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update((_PLUGIN / name).read_bytes())
    return digest.digest()


class SeedCache:
    """``get`` a canvas for a seed's bytes, ``put`` new ones, ``save`` what this run used."""

    def __init__(self, path: str | os.PathLike | None, industries: bytes):
        self.path = Path(path) if path else None
        self.version = hashlib.sha256(_code_version() + industries).hexdigest()
        # No cache yet, or one from another version: parse everything.
        self.entries: dict[str, tuple[str, Canvas]] = load_versioned(self.path, self.version)
        self.used: dict[str, tuple[str, Canvas]] = {}

    @staticmethod
    def key(raw: bytes) -> str:
        return hashlib.sha256(raw).hexdigest()

    def get(self, display_path: str, raw: bytes, industries: dict[str, Industry]) -> Canvas | None:
        entry = self.entries.get(display_path)
        if entry is None or entry[0] != self.key(raw) or entry[1].industry.slug not in industries:
            return None
        canvas = entry[1]
        canvas.industry = industries[canvas.industry.slug]  # share this run's Industry objects
        self.used[display_path] = entry
        return canvas

    def put(self, display_path: str, raw: bytes, canvas: Canvas) -> None:
        self.used[display_path] = (self.key(raw), canvas)

    def save(self) -> None:
        """Write this run's canvases (written under a temporary name, then renamed: never half a file)."""
        if self.path is None or self.used.keys() == self.entries.keys() and all(
                self.used[path][0] == self.entries[path][0] for path in self.used):
            return
        save_versioned(self.path, self.version, self.used)
